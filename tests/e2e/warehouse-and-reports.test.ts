/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate run in the browser.
import * as XLSX from '@e965/xlsx';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, createAccount, setUpBranch, webApi } from './support/api';
import {
  launchChromium,
  openWorkspacePage,
  screenshot,
  signInThroughLogin,
  waitForAnimations,
} from './support/browser';
import { openFromMenu } from './support/workspace';
import { keeperWithWarehouses, saveCounterparty } from './support/branch-world';
import { startWebMode, type WebMode } from './support/web-mode';

const keeper = { username: 'wangcg', password: 'Keeper#2026', displayName: '王仓管' };

/** Today on the machine's calendar, as the pages' date filters start. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

describe('the keeper’s queue, the stock reports and the numbering rules in web mode', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let scratch: string;
  let admin: ReturnType<typeof webApi>;
  let receiptId: number;
  let deliveryNumber: string;
  /** The sale of beforeAll, again: what the next 销售出库单 is entered as. */
  let sale: object;

  beforeAll(async () => {
    web = await startWebMode();
    admin = await setUpBranch(web);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-wh-'));
    const { CK01: warehouse1, CK02: warehouse2 } = await keeperWithWarehouses(web, admin, keeper, [
      ['CK01', '一号仓'],
      ['CK02', '二号仓'],
    ]);
    const supplier = await saveCounterparty(admin, { code: 'GY001', name: '蒙牛乳业', kind: 'supplier' });
    const customer = await saveCounterparty(admin, { code: 'KH001', name: '华联超市', kind: 'customer' });
    const milk = (
      await admin.call<{ id: number }>('goods.save', {
        id: null,
        goods: {
          code: 'SP001',
          name: '鲜牛奶',
          units: [
            { name: '袋', ratio: '1', isBase: true },
            { name: '箱', ratio: '24', isBase: false },
          ],
        },
      })
    ).id;
    // Entered by the administrator, approved by a manager: nobody approves a document they made.
    const manager = { username: 'zhaolei', password: 'Manager#2026', displayName: '赵磊' };
    await createAccount(web, admin, { ...manager, role: 'manager' });
    const approver = webApi(web);
    await approver.signIn(manager.username, manager.password);
    const enter = async (document: object) => {
      const { id } = await admin.call<{ id: number }>('documents.save', { id: null, document });
      await admin.call('documents.submit', { id });
      const view = await admin.call<{ status: string; number: string }>('documents.get', { id });
      if (view.status === 'submitted') await approver.call('documents.approve', { id });
      return { id, number: view.number };
    };
    // 10 箱 into 一号仓 at ¥48.00 a 箱, 6 箱 into 二号仓; then a sale of 12 箱 from 一号仓.
    receiptId = (
      await enter({
        type: 'purchase_receipt',
        businessDate: today(),
        counterpartyId: supplier,
        lines: [
          { goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' },
          { goodsId: milk, warehouseId: warehouse2, unitName: '箱', quantity: '6', unitPrice: '48' },
        ],
      })
    ).id;
    sale = {
      type: 'sales_delivery',
      businessDate: today(),
      counterpartyId: customer,
      lines: [{ goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '12', unitPrice: '60' }],
    };
    deliveryNumber = (await enter(sale)).number;

    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
    await signInThroughLogin(page, web.url, keeper.username, keeper.password);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  const shot = async (name: string) => {
    await waitForAnimations(page);
    await screenshot(page, name);
  };
  const dialog = () => page.getByTestId('confirm-dialog');
  const rowTexts = (table: Locator) =>
    table
      .locator('.ant-table-tbody .ant-table-row')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('.ant-table-cell')].map((cell) => cell.textContent ?? '')),
      );
  const report = (name: string) => page.getByTestId(`report-${name}`);
  const openReport = async (title: string, name: string) => {
    await openFromMenu(page, title);
    await expect.poll(() => report(name).getByTestId('report-count').textContent()).toMatch(/^共 \d+ 行$/);
  };

  test('the queue lists 待入库 and 待出库 with their counts for the warehouses the keeper keeps', async () => {
    await openFromMenu(page, '仓库作业');
    await expect.poll(() => page.getByTestId('queue-count-in').textContent()).toBe('2');
    expect(await page.getByTestId('queue-count-out').textContent()).toBe('1');
    const rows = await rowTexts(page.getByTestId('queue-in'));
    expect(rows.map((row) => row[4])).toEqual(['一号仓', '二号仓']);
    expect(rows[0]).toEqual(expect.arrayContaining(['采购入库单', '蒙牛乳业', '1', '确认入库']));
    await shot('wh-01-queue');
  });

  test('confirming a receipt with 8 of 10 箱, double-clicked, confirms once', async () => {
    await page.getByTestId(`queue-in`).getByRole('button', { name: '确认入库' }).first().click();
    await expect.poll(() => dialog().getByTestId('confirm-lines').isVisible()).toBe(true);
    const line = (await rowTexts(dialog().getByTestId('confirm-lines')))[0]!;
    expect(line).toEqual(expect.arrayContaining(['SP001 鲜牛奶', '箱', '10', '10箱']));
    expect(await dialog().getByTestId('confirm-quantity-1').inputValue()).toBe('10');
    await dialog().getByTestId('confirm-quantity-1').fill('8');
    await shot('wh-02-confirm-receipt');
    await dialog().getByTestId('confirm-submit').dblclick();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect.poll(() => page.getByTestId('queue-count-in').textContent()).toBe('1');

    const view = await admin.call<{
      lines: { warehouseName: string; confirmedQuantity: string | null }[];
      events: { action: string }[];
    }>('documents.get', { id: receiptId });
    expect(view.lines.find((row) => row.warehouseName === '一号仓')!.confirmedQuantity).toBe('8箱');
    expect(view.events.filter((event) => event.action === 'confirm')).toHaveLength(1);
  });

  test('a delivery beyond the stock is refused with the engine’s message in full, and stays queued', async () => {
    await page.getByRole('tab', { name: /待出库/ }).click();
    await page.getByTestId('queue-out').getByRole('button', { name: '确认出库' }).click();
    await expect.poll(() => dialog().getByTestId('confirm-lines').isVisible()).toBe(true);
    await dialog().getByTestId('confirm-submit').click();
    await expect
      .poll(() => dialog().getByTestId('confirm-error').textContent())
      .toBe(`商品【鲜牛奶】在【一号仓】${today()} 库存不足，缺 4箱`);
    await shot('wh-03-confirm-shortage');
    await dialog().getByRole('button', { name: '取 消' }).click();
    expect(await page.getByTestId('queue-count-out').textContent()).toBe('1');
    expect((await rowTexts(page.getByTestId('queue-out')))[0]![0]).toBe(deliveryNumber);
  });

  test('the keeper’s 库存余额 has the quantities and no unit cost or value (仓管员 holds no cost.view)', async () => {
    await openReport('库存余额', 'stockBalance');
    const rows = await rowTexts(report('stockBalance').getByTestId('report-table'));
    expect(rows).toEqual([['SP001', '鲜牛奶', '', '一号仓', '192', '袋', '8箱', '', '', '0', '192']]);
    expect(await report('stockBalance').locator('tfoot.ant-table-summary').textContent()).toBe('合计');
  });

  test('库存余额 shows the 8 箱 received in mixed units with its value, and exports the same to .xlsx', async () => {
    // Stock value is the administrator's to read, not the keeper's.
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
    await openReport('库存余额', 'stockBalance');
    const rows = await rowTexts(report('stockBalance').getByTestId('report-table'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual([
      'SP001',
      '鲜牛奶',
      '',
      '一号仓',
      '192',
      '袋',
      '8箱',
      '2.0000',
      '384.00',
      '0',
      '192',
    ]);
    expect(await report('stockBalance').locator('tfoot.ant-table-summary').textContent()).toBe('合计384.00');
    await shot('wh-04-stock-balance');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report('stockBalance').getByTestId('report-export').click(),
    ]);
    const file = path.join(scratch, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^库存余额表-.*\.xlsx$/);
    const sheet = XLSX.read(fs.readFileSync(file));
    const cells = XLSX.utils.sheet_to_json<unknown[]>(sheet.Sheets[sheet.SheetNames[0]!]!, { header: 1 });
    expect(cells[1]).toEqual(['SP001', '鲜牛奶', undefined, '一号仓', 192, '袋', '8箱', 2, 384, 0, 192]);
    expect(cells[2]?.[0]).toBe('合计');
    expect(cells[2]?.[8]).toBe(384);
  });

  test('进销存汇总 groups its columns under 期初 / 入库 / 出库 / 期末 and puts the receipt under 采购', async () => {
    await openReport('进销存汇总', 'periodSummary');
    const headers = await report('periodSummary')
      .locator('.ant-table-thead th')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim()));
    expect(headers).toEqual(
      expect.arrayContaining(['期初', '入库', '出库', '期末', '采购', '销售退货', '盘亏']),
    );
    const row = (await rowTexts(report('periodSummary').getByTestId('report-table')))[0]!;
    // goods (3), warehouse, unit, opening (2), then 采购 quantity and value.
    expect(row.slice(0, 9)).toEqual(['SP001', '鲜牛奶', '', '一号仓', '袋', '0', '0.00', '192', '384.00']);
    await shot('wh-05-period-summary');
  });

  test('商品明细账 finds the goods by its code and lists the receipt with the balance after it', async () => {
    await openFromMenu(page, '商品明细账');
    await report('stockCard').getByTestId('report-goods').locator('input').fill('SP001');
    await page.locator('.ant-select-item-option').filter({ hasText: '鲜牛奶' }).click();
    await expect.poll(() => report('stockCard').getByTestId('report-count').textContent()).toBe('共 1 行');
    expect(await report('stockCard').getByTestId('stock-card-heading').textContent()).toContain('期末8箱');
    const rows = await rowTexts(report('stockCard').getByTestId('report-table'));
    expect(rows[0]![0]).toBe('期初余额');
    expect(rows[1]).toEqual(expect.arrayContaining(['采购入库单', '采购入库', '一号仓', '192', '384.00']));
    await shot('wh-06-stock-card');
  });

  test('单据编号规则: the administrator changes 销售出库单 to XS + year-month and the next number follows it', async () => {
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
    await openFromMenu(page, '单据编号规则');
    const row = page.getByTestId('numbering-sales_delivery');
    const month = today().slice(0, 7).replace('-', '');
    expect(await row.getByTestId('numbering-example').textContent()).toBe(
      `XC${today().replaceAll('-', '')}-0007`,
    );
    await row.getByTestId('numbering-prefix').fill('XS');
    await row.getByTestId('numbering-date-part').click();
    await page.locator('.ant-select-item-option[title="年月 yyyyMM"]').click();
    expect(await row.getByTestId('numbering-example').textContent()).toBe(`XS${month}-0007`);
    // A number without the day restarts monthly, or it would repeat within the month.
    expect(await row.getByTestId('numbering-reset').textContent()).toBe('每月');
    // The date part's list closes before the row is saved.
    await waitForAnimations(page);
    await row.getByTestId('numbering-save').click();
    await page.getByText('已保存销售出库单的编号规则').waitFor();
    await expect.poll(() => row.getByTestId('numbering-save').isDisabled()).toBe(true);
    await shot('wh-07-numbering');

    const rules = await admin.call<
      { documentType: string; prefix: string; datePart: string; reset: string }[]
    >('numbering.list', {});
    expect(rules.find((rule) => rule.documentType === 'sales_delivery')).toMatchObject({
      prefix: 'XS',
      datePart: 'yyyyMM',
      reset: 'monthly',
    });
    const next = await admin.call<{ id: number }>('documents.save', { id: null, document: sale });
    const view = await admin.call<{ number: string }>('documents.get', { id: next.id });
    expect(view.number).toMatch(new RegExp(`^XS${month}-\\d{4}$`));
    expect(pageErrors).toEqual([]);
  });
});
