/// <reference lib="dom" />
// Callbacks passed to locator.evaluateAll run in the browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSqliteStore } from '../../src/hq/store/sqlite-store';
import { branchAdministrator, createAccount, setUpBranch, webApi } from './support/api';
import { saveCounterparty, saveMilk } from './support/branch-world';
import { launchChromium, signInThroughLogin, waitForAnimations, watchPageErrors } from './support/browser';
import { startHqServe, type HqServe } from './support/hq-serve';
import { startWebMode, type WebMode } from './support/web-mode';
import { workspaceDriver } from './support/workspace';

/*
 * 年度协议 as the information clerk runs them (issue 14's "done when"), figures worked by hand.
 *
 * 鲜牛奶 (1 箱 = 24 袋) sells at 100.00 a 箱 + 13% VAT = 113.00 a 箱 with tax; rebates are on the amount with
 * tax of net shipments (deliveries − sales returns, confirmed). The tiers' standard rebate policy:
 *   分销商: 全量阶梯 in 箱 — from 10 箱 2% of all, from 20 箱 3% of all; and 按量定额 1.00 a 箱
 *   经销商: 超额累进 in 箱 — 2% up to 10 箱, 3% above
 *
 * The signing table (签约表-2026.xlsx) comes from two offices in one file: a title row merged across it,
 * the header, then 东城办's 华联商贸 (分销商, 24 箱 for the year at 113) and 西城办's 物美 (经销商, 30 箱 at
 * 113). Its first copy has a third row for 物美 naming goods SP999, which do not exist: the whole file is
 * refused at that row and nothing is imported; the corrected copy imports two drafts with their tier's terms.
 *
 * HT 华联商贸: 03-10 6 箱 678.00 · 05-10 6 箱 678.00                     → 12 箱, 1,356.00
 *   interim to 06-30: 全量 2% × 1,356.00 = 27.12, 定额 12 × 1.00 = 12.00 → 39.12 paid as 折让
 *   a second interim to 06-30 pays nothing: 应得 39.12, 已结算 39.12
 *   08-10 10 箱 1,130.00 · 09-01 return 1 箱 −113.00                     → 21 箱, 2,373.00
 *   year end: 3% × 2,373.00 = 71.19, 定额 21.00 → 92.19; completion 21 / 24 = 87.50%; final pays 53.07
 * HT 物美: 04-01 15 箱 1,695.00 → 10 箱 (1,130.00) at 2% = 22.60, 5 箱 (565.00) at 3% = 16.95 → 39.55;
 *   completion 15 / 30 = 50.00%; final pays 39.55
 * 签约奖励 by office: 东城办 1 contract, 2,373.00, earned 92.19, paid 92.19, rate 3.88%;
 *                     西城办 1 contract, 1,695.00, earned 39.55, paid 39.55, rate 2.33%.
 * 华联商贸's receivable: 678 + 678 + 1,130 − 113 − 39.12 − 53.07 = 2,280.81.
 * Uploaded, head office holds both contracts and December's execution of each.
 */

type Api = ReturnType<typeof webApi>;

const manager = { username: 'zhaolei', displayName: '赵磊', role: 'manager', password: 'Manager#2026' };

const header = [
  '办事处',
  '年度',
  '客户编码',
  '客户名称',
  '渠道类型',
  '签约日期',
  '商品编码',
  '商品类别',
  '单位',
  '月份',
  '签约量',
  '协议价',
];

function signingTable(folder: string, name: string, withBadRow: boolean): string {
  const rows: unknown[][] = [
    ['2026 年度签约表（东城办、西城办）'],
    header,
    ['东城办', 2026, 'KH301', '华联商贸', '分销商', '2025-12-20', 'SP001', '', '箱', '全年', 24, 113],
    ['西城办', 2026, 'KH302', '物美', '经销商', '2025-12-22', 'SP001', '', '箱', '全年', 30, 113],
  ];
  if (withBadRow)
    rows.push(['西城办', 2026, 'KH302', '物美', '经销商', '2025-12-22', 'SP999', '', '箱', '全年', 5, 113]);
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: header.length - 1 } }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '签约表');
  const file = path.join(folder, name);
  fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

/**
 * A document entered, approved and confirmed at its warehouse through the API: the document pages and the
 * keeper's queue are tried in their own flows.
 */
async function post(api: Api, approver: Api, document: Record<string, unknown>): Promise<number> {
  const { id } = await api.call<{ id: number }>('documents.save', { id: null, document });
  await api.call('documents.submit', { id });
  await approver.call('documents.approve', { id });
  for (const entry of await api.call<{ documentId: number; warehouseId: number }[]>('warehouse.queue', {})) {
    if (entry.documentId === id)
      await api.call('warehouse.confirm', { documentId: id, warehouseId: entry.warehouseId });
  }
  return id;
}

describe('年度协议: signing table in, approved, shipped across tiers, settled, reported, uploaded', () => {
  let hq: HqServe;
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let managerPage: Page;
  let managerErrors: string[];
  let api: Api;
  let scratch: string;
  /** The year's deliveries and the return, shipped once the contracts are approved. */
  let shipTheYear: () => Promise<void>;
  const { shot: settledShot, menu, rowTexts, type, key } = workspaceDriver(() => page);
  const shot = async (name: string) => {
    await waitForAnimations(page);
    await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
    await settledShot(name);
  };
  const wizard = () => page.getByTestId('import-wizard');
  const contractPage = () => page.getByTestId('contract-page');
  /** Waits for a message the page shows (the latest, if it shows the same twice). */
  const said = (text: string | RegExp, options = { exact: true }) =>
    page.locator('.ant-message').getByText(text, options).last().waitFor();

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-contracts-'));
    hq = await startHqServe();
    const added = await hq.run(['branch', 'add', 'BJ01', '--name', '北京分公司']);
    const secret = /密钥（只显示这一次，请妥善转交分支）：(\S+)/.exec(added.stdout)![1]!;
    const fingerprint = /公钥指纹（SPKI sha256）：(\S+)/.exec(added.stdout)![1]!;

    web = await startWebMode();
    api = await setUpBranch(web);
    // 制单人与审核人不能为同一人: the office head (a manager) approves what the clerk enters.
    await createAccount(web, api, manager);
    const approver = webApi(web);
    await approver.signIn(manager.username, manager.password);
    const warehouseId = (
      await api.call<{ id: number }>('warehouses.save', {
        id: null,
        warehouse: { code: 'CK01', name: '一号仓' },
      })
    ).id;
    const milk = await saveMilk(api);
    const office = async (code: string, name: string) =>
      (await api.call<{ id: number }>('offices.save', { id: null, office: { code, name } })).id;
    const east = await office('BS01', '东城办');
    const west = await office('BS02', '西城办');
    await api.call('employees.save', { id: null, employee: { code: 'ZY01', name: '王五' } });
    const supplier = await saveCounterparty(api, { code: 'GY001', name: '蒙牛乳业', kind: 'supplier' });
    const hualian = await saveCounterparty(api, {
      code: 'KH301',
      name: '华联商贸',
      kind: 'customer',
      channelTier: 'distributor',
      officeId: east,
    });
    const wumart = await saveCounterparty(api, {
      code: 'KH302',
      name: '物美',
      kind: 'customer',
      channelTier: 'dealer',
      officeId: west,
    });
    const boxes = (n: number) => n * 100;
    await api.call('contracts.setRebatePolicy', {
      policy: {
        distributor: [
          {
            kind: 'volume_tiers',
            unitName: '箱',
            tiers: [
              { from: boxes(10), rateBp: 200 },
              { from: boxes(20), rateBp: 300 },
            ],
          },
          { kind: 'per_unit', unitName: '箱', amountPerUnit: 100 },
        ],
        dealer: [
          {
            kind: 'progressive',
            unitName: '箱',
            tiers: [
              { from: 0, rateBp: 200 },
              { from: boxes(10), rateBp: 300 },
            ],
          },
        ],
      },
    });

    const line = (quantity: string, unitPrice: string) => ({
      goodsId: milk,
      warehouseId,
      unitName: '箱',
      quantity,
      unitPrice,
    });
    await post(api, approver, {
      type: 'purchase_receipt',
      businessDate: '2026-01-05',
      counterpartyId: supplier,
      lines: [line('60', '60')],
    });
    const ship = (counterpartyId: number, businessDate: string, boxesOut: string) =>
      post(api, approver, {
        type: 'sales_delivery',
        businessDate,
        counterpartyId,
        lines: [line(boxesOut, '100')],
      });
    shipTheYear = async () => {
      await ship(hualian, '2026-03-10', '6');
      await ship(hualian, '2026-05-10', '6');
      await ship(wumart, '2026-04-01', '15');
      const august = await ship(hualian, '2026-08-10', '10');
      const origin = await api.call<{ lines: { id: number }[] }>('documents.get', { id: august });
      await post(api, approver, {
        type: 'sales_return',
        businessDate: '2026-09-01',
        counterpartyId: hualian,
        sourceDocumentId: august,
        lines: [{ ...line('1', '100'), sourceLineId: origin.lines[0]!.id }],
      });
    };

    await api.call('upload.settings.update', {
      headOfficeUrl: `https://127.0.0.1:${new URL(hq.consoleUrl).port}`,
      pinnedSpki: [fingerprint],
      secret,
    });

    browser = await launchChromium();
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    pageErrors = watchPageErrors(page);
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
    const managerContext = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
    });
    managerPage = await managerContext.newPage();
    managerPage.setDefaultTimeout(15_000);
    managerErrors = watchPageErrors(managerPage);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await hq?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** Chooses the file in the wizard opened from the signing board and goes on to the preview. */
  async function previewSigningTable(file: string) {
    await page.getByTestId('signing-import').click();
    await expect.poll(() => wizard().isVisible()).toBe(true);
    await wizard().locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => wizard().getByTestId('import-file-name').textContent()).toBe(path.basename(file));
    await wizard().getByTestId('import-next').click();
    await expect.poll(() => wizard().getByTestId('mapping-table').isVisible()).toBe(true);
    expect(await wizard().getByText('列名在第 2 行').isVisible()).toBe(true);
    await wizard().getByTestId('import-next').click();
  }

  /** Opens a contract from the sales contracts list by its customer's name. */
  async function openContract(customerName: string) {
    await menu('销售合同').click();
    const list = page.getByTestId('contract-list-sales');
    const row = list.locator('.ant-table-tbody .ant-table-row').filter({ hasText: customerName });
    await row.first().waitFor();
    await row.first().dblclick();
    // The workspace keeps the contract tab: wait for this contract's header, not any contract page.
    await expect
      .poll(() => contractPage().getByTestId('contract-counterparty').textContent())
      .toContain(customerName);
  }

  /** Types a date into an antd date picker found by its test id, and commits it. */
  async function typeDate(scope: Locator, testId: string, date: string) {
    const input = scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
    await input.click();
    await page.keyboard.press('Control+a');
    await type(date);
    await key('Enter');
    await expect.poll(() => input.inputValue()).toBe(date);
  }

  async function settle(kind: '中期结算' | '年终结算', through: string): Promise<void> {
    await page.getByTestId('contract-settle').click();
    const dialog = page.getByRole('dialog', { name: '返利结算' });
    await dialog.waitFor();
    await dialog.getByText(kind, { exact: true }).click();
    await typeDate(dialog, 'settlement-through', through);
    await dialog.getByRole('button', { name: '结算返利' }).click();
  }

  test('a signing table with one bad row is refused whole, at that row; corrected, it imports two drafts', async () => {
    await menu('签约进度').click();
    await page.getByTestId('signing-board').waitFor();
    await previewSigningTable(signingTable(scratch, '签约表-2026.xlsx', true));
    await expect.poll(() => wizard().getByTestId('import-counts').textContent()).toContain('错误 1');
    expect(await wizard().getByTestId('import-problems').textContent()).toContain('第 5 行');
    expect(await wizard().getByTestId('import-problems').textContent()).toContain('SP999');
    await shot('contracts-01-signing-table-bad-row');
    await wizard().getByTestId('import-next').click();
    await wizard().getByTestId('import-commit').click();
    await expect
      .poll(() => wizard().getByTestId('import-outcome').textContent())
      .toContain('没有导入任何记录');
    await wizard().getByTestId('import-close').click();

    await previewSigningTable(signingTable(scratch, '签约表-2026（改）.xlsx', false));
    await expect.poll(() => wizard().getByTestId('import-counts').textContent()).toContain('错误 0');
    await wizard().getByTestId('import-next').click();
    await wizard().getByTestId('import-commit').click();
    await expect.poll(() => wizard().getByTestId('import-outcome').textContent()).toContain('导入完成');
    await wizard().getByTestId('import-close').click();

    const board = page.getByTestId('signing-board');
    await expect
      .poll(async () => (await rowTexts(board)).map((cells) => [cells[0], cells[1], cells.at(-2)]))
      .toEqual([
        ['BS01 东城办', '已导入', '1'],
        ['BS02 西城办', '已导入', '1'],
      ]);
    await shot('contracts-02-signing-board');
    expect(pageErrors).toEqual([]);
  });

  test('the clerk submits each draft, with its tier’s terms; the office head approves it', async () => {
    for (const name of ['华联商贸', '物美']) {
      await openContract(name);
      expect(await page.getByTestId('contract-status').textContent()).toContain('草稿');
      await page.getByTestId('contract-submit').click();
      if (name === '物美') {
        // What a 经销商 contract must name (the tier's requirements): the salesperson, not in the table.
        await said('经销商合同缺少【业务员】，请补齐后再提交。');
        await shot('contracts-03-refused-without-salesperson');
        await page.getByTestId('contract-salesperson').click();
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option')
          .filter({ hasText: '王五' })
          .click();
        await page.getByTestId('contract-save').click();
        await said(/^已保存 HT/);
        await page.getByTestId('contract-submit').click();
      }
      await expect.poll(() => page.getByTestId('contract-status').textContent()).toContain('已提交');
    }
    const clerkPage = page;
    page = managerPage;
    await signInThroughLogin(page, web.url, manager.username, manager.password);
    for (const name of ['华联商贸', '物美']) {
      await openContract(name);
      await page.getByTestId('contract-approve').click();
      await expect.poll(() => page.getByTestId('contract-status').textContent()).toContain('已审核');
      if (name === '华联商贸') {
        const terms = await page.getByTestId('contract-rebate-terms').textContent();
        expect(terms).toContain('全量阶梯');
        expect(terms).toContain('按量定额');
        await shot('contracts-04-approved');
      }
    }
    expect(managerErrors).toEqual([]);
    page = clerkPage;
  });

  test('shipped across the tiers: execution, an interim settlement, and no second payment for it', async () => {
    await shipTheYear();
    await openContract('华联商贸');
    await page.getByRole('tab', { name: '执行情况' }).click();
    const execution = page.getByTestId('contract-execution');
    await execution.waitFor();
    await expect
      .poll(() => execution.getByTestId('execution-completion').first().textContent())
      .toBe('87.50%');
    expect(await execution.getByTestId('execution-term-earned').allTextContents()).toEqual([
      '71.19',
      '21.00',
    ]);
    await shot('contracts-05-execution');

    await settle('中期结算', '2026-06-30');
    await said('已结算 39.12 元');
    await expect
      .poll(() => execution.getByTestId('execution-totals').textContent())
      .toContain('已结算 39.12 元');

    await settle('中期结算', '2026-06-30');
    await said('已结算 39.12 元，本次没有可结算的金额', { exact: false });
    await shot('contracts-06-second-interim-refused');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: '返利结算' }).isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  test('the final settlements pay what is left; the receivable and 签约奖励 match the figures by hand', async () => {
    await settle('年终结算', '2026-12-31');
    await said('已结算 53.07 元');
    const execution = page.getByTestId('contract-execution');
    await expect
      .poll(() => execution.getByTestId('execution-totals').textContent())
      .toBe('已得返利 92.19 元，已结算 92.19 元，未结算 0.00 元');
    await shot('contracts-07-settled');

    await openContract('物美');
    await page.getByRole('tab', { name: '执行情况' }).click();
    await expect.poll(() => page.getByTestId('execution-completion').first().textContent()).toBe('50.00%');
    await settle('年终结算', '2026-12-31');
    await said('已结算 39.55 元');

    const balances = await api.call<{ code: string; balance: string }[]>('money.balances', {
      side: 'receivable',
    });
    expect(balances.find((row) => row.code === 'KH301')?.balance).toBe('2280.81');

    await menu('合同返利').click();
    const report = page.getByTestId('report-contractRewards');
    // The year's report, whenever this runs: 截至 the year's last day.
    const asOf = report
      .locator('input[data-testid="report-as-of"], [data-testid="report-as-of"] input')
      .first();
    await asOf.click();
    await page.keyboard.press('Control+a');
    await type('2026-12-31');
    await key('Enter');
    await expect.poll(() => asOf.inputValue()).toBe('2026-12-31');
    await report.getByTestId('report-group-by').click();
    await page.locator('.ant-select-dropdown:visible').getByText('按办事处', { exact: true }).click();
    await expect
      .poll(async () =>
        (await rowTexts(report.getByTestId('report-table'))).map((cells) => cells.join(' | ')),
      )
      .toEqual([
        '东城办 | 1 | 2,373.00 | 92.19 | 92.19 | 0.00 | 3.88%',
        '西城办 | 1 | 1,695.00 | 39.55 | 39.55 | 0.00 | 2.33%',
      ]);
    await shot('contracts-08-rewards-by-office');
    expect(pageErrors).toEqual([]);
  });

  test('立即上传 carries both contracts and their execution to head office', async () => {
    await page.getByTestId('upload-badge').click();
    await page.getByRole('tab', { name: '上传状态' }).click();
    await page.getByTestId('upload-status').getByRole('button', { name: '立即上传' }).click();
    await said(/已上传 \d+ 个包，还有 0 个待上传/);

    const store = await openSqliteStore(path.join(hq.dataDir, 'hq.db'));
    try {
      expect((await store.rowCounts('BJ01')).contracts).toBe(2);
      const december = await store.periodPartRows('BJ01', 'contract_execution', '2026-12', 1);
      expect(
        december.map((row) => [row.earned, row.paid]).sort((a, b) => Number(a[0]) - Number(b[0])),
      ).toEqual([
        [3955, 3955],
        [9219, 9219],
      ]);
    } finally {
      await store.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
