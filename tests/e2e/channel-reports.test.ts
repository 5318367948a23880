import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, createAccount, setUpBranch, webApi } from './support/api';
import { saveCounterparty, saveMilk } from './support/branch-world';
import { launchChromium, openWorkspacePage, signInThroughLogin } from './support/browser';
import { startWebMode, type WebMode } from './support/web-mode';
import { workspaceDriver } from './support/workspace';

/*
 * 进销存动态 as the clerk reads it, on November 2026's four weeks (11-02, 11-09, 11-16, 11-23), figures by hand.
 * Each of four offices has one customer under an annual agreement for 120 箱 of 鲜牛奶 in 2026.
 *
 *   东城办 华联商贸 (opening, purchases, counted): (20, 30, 18) (18, 24, 20) (20, 30, 22) (22, 24, 16)
 *     net shipments 32, 22, 28, 30 → 112 箱 in November
 *     week 11-23: days to consume 16 ÷ (120 ÷ 365) = 48.7 days (超过 30 天);
 *                 days of cover 16 × 7 ÷ (112 ÷ 4) = 4 days (少于 7 天)
 *   西城办 超市发 sends no file for week 11-16: 未报 on the board.
 * 东城办's last week comes in through the import wizard; the other files through the same import call.
 * The branch delivered 25 箱 to 华联商贸 in week 11-02 against the 30 箱 it reported buying.
 */

type Api = ReturnType<typeof webApi>;

const weeks = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];
const header = [
  '办事处',
  '报表类型',
  '报表期间',
  '客户编码',
  '客户名称',
  '商品编码',
  '单位',
  '期初库存',
  '本期进货',
  '实地库存',
  '在途库存',
];

const offices = [
  {
    code: 'BS01',
    name: '东城办',
    customer: ['KH301', '华联商贸', 'distributor'],
    weeks: [
      [20, 30, 18],
      [18, 24, 20],
      [20, 30, 22],
      [22, 24, 16],
    ],
  },
  {
    code: 'BS02',
    name: '西城办',
    customer: ['KH302', '超市发', 'signed_wholesaler'],
    weeks: [[10, 10, 8], [8, 12, 10], null, [9, 10, 9]],
  },
  {
    code: 'BS03',
    name: '朝阳办',
    customer: ['KH303', '物美', 'dealer'],
    weeks: [
      [40, 60, 50],
      [50, 40, 45],
      [45, 50, 40],
      [40, 60, 55],
    ],
  },
  {
    code: 'BS04',
    name: '海淀办',
    customer: ['KH304', '京客隆', 'distributor'],
    weeks: [
      [12, 12, 12],
      [12, 12, 12],
      [12, 12, 12],
      [12, 12, 12],
    ],
  },
] as const;

function weeklyBook(office: (typeof offices)[number], week: number): Buffer {
  const [opening, purchases, closing] = office.weeks[week]!;
  const [code, name] = office.customer;
  const sheet = XLSX.utils.aoa_to_sheet([
    [`${office.name} 进销存周报 ${weeks[week]}`],
    header,
    [office.name, '周报', weeks[week]!, code, name, 'SP001', '箱', opening, purchases, closing, 0],
  ]);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: header.length - 1 } }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '周报');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('进销存动态: four offices’ weekly reports in, the board and the figures out', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let scratch: string;
  const { shot, menu, rowTexts, choosePeriod } = workspaceDriver(() => page);
  const report = (name: string) => page.getByTestId(`report-${name}`);

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-channel-'));
    web = await startWebMode();
    const api = await setUpBranch(web);
    const manager = { username: 'zhaolei', displayName: '赵磊', role: 'manager', password: 'Manager#2026' };
    await createAccount(web, api, manager);
    const approver: Api = webApi(web);
    await approver.signIn(manager.username, manager.password);
    const milk = await saveMilk(api);
    const warehouseId = (
      await api.call<{ id: number }>('warehouses.save', {
        id: null,
        warehouse: { code: 'CK01', name: '一号仓' },
      })
    ).id;
    await api.call('employees.save', { id: null, employee: { code: 'ZY01', name: '王五' } });
    const [salesperson] = await api
      .call<{ rows: { id: number }[] }>('employees.list', {})
      .then((r) => r.rows);
    const customers: Record<string, number> = {};
    for (const office of offices) {
      const officeId = (
        await api.call<{ id: number }>('offices.save', {
          id: null,
          office: { code: office.code, name: office.name },
        })
      ).id;
      const [code, name, channelTier] = office.customer;
      customers[code] = await saveCounterparty(api, { code, name, kind: 'customer', channelTier, officeId });
      const { id } = await api.call<{ id: number }>('contracts.save', {
        id: null,
        kind: 'sales',
        counterpartyId: customers[code],
        officeId,
        salespersonId: salesperson!.id,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        signedOn: '2025-12-20',
        lines: [{ goodsId: milk, unitName: '箱', quantity: 12_000, agreedPrice: 113_000_000 }],
        rebateTerms: [{ kind: 'per_unit', unitName: '箱', amountPerUnit: 100 }],
      });
      await api.call('contracts.submit', { id });
      await approver.call('contracts.approve', { id });
    }

    // 25 箱 delivered to 华联商贸 in week 11-02, from 60 received.
    const post = async (document: Record<string, unknown>) => {
      const { id } = await api.call<{ id: number }>('documents.save', { id: null, document });
      await api.call('documents.submit', { id });
      await approver.call('documents.approve', { id });
      for (const entry of await api.call<{ documentId: number; warehouseId: number }[]>(
        'warehouse.queue',
        {},
      ))
        if (entry.documentId === id) await api.call('warehouse.confirm', { documentId: id, warehouseId });
    };
    const supplier = await saveCounterparty(api, { code: 'GY001', name: '蒙牛乳业', kind: 'supplier' });
    const line = (quantity: string, unitPrice: string) => ({
      goodsId: milk,
      warehouseId,
      unitName: '箱',
      quantity,
      unitPrice,
    });
    await post({
      type: 'purchase_receipt',
      businessDate: '2026-11-01',
      counterpartyId: supplier,
      lines: [line('60', '60')],
    });
    await post({
      type: 'sales_delivery',
      businessDate: '2026-11-04',
      counterpartyId: customers.KH301,
      lines: [line('25', '100')],
    });

    for (const office of offices)
      for (let week = 0; week < weeks.length; week += 1) {
        if (office.weeks[week] === null || (office.code === 'BS01' && week === 3)) continue;
        await api.call('import.commit', {
          entity: 'channelReport',
          fileName: `${office.name}周报${weeks[week]}.xlsx`,
          contentBase64: weeklyBook(office, week).toString('base64'),
          options: { existing: 'update', validOnly: false, createMissing: false },
        });
      }

    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('the last week of 东城办 comes in through the wizard; the board shows 西城办’s missing week', async () => {
    await menu('报表进度').click();
    const board = page.getByTestId('channel-board');
    await board.waitFor();
    await page.getByTestId('board-import').click();
    const wizard = page.getByTestId('import-wizard');
    const file = path.join(scratch, '东城办周报2026-11-23.xlsx');
    fs.writeFileSync(file, weeklyBook(offices[0], 3));
    await wizard.locator('input[type=file]').setInputFiles(file);
    await wizard.getByTestId('import-next').click();
    await wizard.getByTestId('import-next').click();
    await expect.poll(() => wizard.getByTestId('import-counts').textContent()).toContain('错误 0');
    await wizard.getByTestId('import-next').click();
    await wizard.getByTestId('import-commit').click();
    await expect.poll(() => wizard.getByTestId('import-outcome').textContent()).toContain('导入完成');
    await wizard.getByTestId('import-close').click();

    const range = board.locator('input[data-testid="board-range"], [data-testid="board-range"] input');
    await range.first().click();
    await page.keyboard.type('2026-11-02');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2026-11-23');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => board.getByTestId('board-cell-BS02-2026-11-16').getByTestId('board-state').textContent())
      .toBe('未报');
    expect(await board.getByTestId('board-cell-BS01-2026-11-23').textContent()).toContain('第 1 版');
    await shot('channel-01-board');
    expect(pageErrors).toEqual([]);
  });

  test('net shipments for November: 华联商贸 112 箱, charted week by week', async () => {
    await menu('渠道净出货量').click();
    await choosePeriod(report('channelNetShipments'), '2026-11-02', '2026-11-29');
    await expect
      .poll(async () =>
        (await rowTexts(report('channelNetShipments').getByTestId('report-table'))).find((cells) =>
          cells[0]?.includes('华联商贸'),
        ),
      )
      .toEqual(expect.arrayContaining(['112']));
    await page.getByTestId('chart-net-shipments').waitFor();
    await shot('channel-02-net-shipments');
    expect(pageErrors).toEqual([]);
  });

  test('days of stock in week 11-23: 48.7 days to consume, 4 days of cover', async () => {
    await menu('库存消化天数').click();
    const asOf = report('channelDaysOfStock')
      .locator('[data-testid="report-as-of"] input, input[data-testid="report-as-of"]')
      .first();
    await asOf.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2026-11-23');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () =>
        (await rowTexts(report('channelDaysOfStock').getByTestId('report-table'))).find((cells) =>
          cells.includes('华联商贸'),
        ),
      )
      .toEqual(expect.arrayContaining(['48.7', '超过 30 天', '4', '少于 7 天']));
    await shot('channel-03-days-of-stock');
    expect(pageErrors).toEqual([]);
  });

  test('deliveries beside reported purchases: 25 箱 delivered, 30 箱 reported in week 11-02', async () => {
    await menu('出货与进货对比').click();
    await choosePeriod(report('channelTwoSources'), '2026-11-02', '2026-11-08');
    await expect
      .poll(async () =>
        (await rowTexts(report('channelTwoSources').getByTestId('report-table'))).find((cells) =>
          cells.includes('华联商贸'),
        ),
      )
      .toEqual(expect.arrayContaining(['25', '30']));
    await shot('channel-04-two-sources');
    expect(pageErrors).toEqual([]);
  });
});
