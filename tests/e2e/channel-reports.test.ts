import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, createAccount, setUpBranch, webApi } from './support/api';
import { saveCounterparty, saveMilk } from './support/branch-world';
import { launchChromium, openWorkspacePage, signInThroughLogin } from './support/browser';
import { startWebMode, type WebMode } from './support/web-mode';
import { pdfPageText } from './support/pdf';
import { workspaceDriver } from './support/workspace';

/*
 * 进销存动态 as the clerk runs it (issue 15's "done when"), on November 2026's four weeks (11-02, 11-09, 11-16,
 * 11-23), figures worked by hand. Each office's customers are under an annual agreement for 120 箱 of 鲜牛奶.
 * Files as offices make them: a title row merged across the sheet, then the header; 朝阳办 draws a header of
 * two rows, 库存 merged over 期初 / 本期进货 / 实地 / 在途 and the other cells merged down.
 *
 *   东城办 华联商贸 (opening, purchases, counted): (20, 30, 18) (18, 24, 20) (20, 30, 22) (22, 24, 16)
 *     net shipments 32, 22, 28, 30 → 112 箱 in November
 *     week 11-23: days to consume 16 ÷ (120 ÷ 365) = 48.7 days (超过 30 天);
 *                 days of cover 16 × 7 ÷ (112 ÷ 4) = 4 days (少于 7 天)
 *     each week's file reached the branch Monday 11:00, on time; imported today, after 15:00: 导入超时
 *   西城办 超市发: week 11-09's file came Monday 14:40, 1 小时 40 分 after 13:00 (迟报); none for 11-16 (未报)
 *     until it is recorded on the board as received 11-23 12:30, in time: then 已收到待导入
 *   朝阳办 物美: (40, 60, 50) (50, 40, 45) (45, 50, 40) (40, 60, 55); week 11-23 reviewed on the board, then
 *     corrected through the wizard to a count of 50: version 2, and November's net shipments 40 + 210 − 50 = 200 箱
 *   海淀办 has two customers under contract, 京客隆 and 华普; its files name only 京客隆: the preview says so
 * The branch delivered 25 箱 to 华联商贸 in week 11-02 against the 30 箱 it reported buying: 5 箱, 20%.
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
    unreported: ['KH305', '华普', 'distributor'],
    weeks: [
      [12, 12, 12],
      [12, 12, 12],
      [12, 12, 12],
      [12, 12, 12],
    ],
  },
] as const;

function weeklyBook(office: (typeof offices)[number], week: number, counted?: number): Buffer {
  const [opening, purchases, closing] = office.weeks[week]!;
  const [code, name] = office.customer;
  const row = [
    office.name,
    '周报',
    weeks[week]!,
    code,
    name,
    'SP001',
    '箱',
    opening,
    purchases,
    counted ?? closing,
    0,
  ];
  const title = [`${office.name} 进销存周报 ${weeks[week]}`];
  const twoRows = office.code === 'BS03';
  const sheet = XLSX.utils.aoa_to_sheet(
    twoRows
      ? [
          title,
          [...header.slice(0, 7), '库存', null, null, null],
          [...header.slice(0, 7).map(() => null), '期初', '本期进货', '实地', '在途'],
          row,
        ]
      : [title, header, row],
  );
  sheet['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: header.length - 1 } },
    ...(twoRows
      ? [
          { s: { r: 1, c: 7 }, e: { r: 1, c: 10 } },
          ...header.slice(0, 7).map((_, c) => ({ s: { r: 1, c }, e: { r: 2, c } })),
        ]
      : []),
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '周报');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function importWeek(api: Api, office: (typeof offices)[number], week: number, counted?: number) {
  const outcome = await api.call<{ status: string }>('import.commit', {
    entity: 'channelReport',
    fileName: `${office.name}周报${weeks[week]}.xlsx`,
    contentBase64: weeklyBook(office, week, counted).toString('base64'),
    options: { existing: 'update', validOnly: false, createMissing: false },
  });
  expect(outcome.status).toBe('committed');
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
      for (const [code, name, channelTier] of [
        office.customer,
        ...('unreported' in office ? [office.unreported] : []),
      ]) {
        customers[code] = await saveCounterparty(api, {
          code,
          name,
          kind: 'customer',
          channelTier,
          officeId,
        });
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

    // When the files reached the branch, as the clerk records them on the board (记录收到).
    const officeIds = Object.fromEntries(
      (await api.call<{ rows: { id: number; code: string }[] }>('offices.list', {})).rows.map((row) => [
        row.code,
        row.id,
      ]),
    );
    const received = (code: string, week: number, at: string) =>
      api.call('channelReports.received', {
        officeId: officeIds[code],
        kind: 'weekly',
        day: weeks[week],
        receivedAt: at,
      });
    for (let week = 0; week < weeks.length; week += 1)
      await received('BS01', week, `${dayjs(weeks[week]).add(7, 'day').format('YYYY-MM-DD')} 11:00`);
    await received('BS02', 1, '2026-11-16 14:40');

    for (const office of offices)
      for (let week = 0; week < weeks.length; week += 1) {
        if (office.weeks[week] === null || (office.code === 'BS04' && week === 3)) continue;
        await importWeek(api, office, week);
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

  test('through the wizard: 海淀办’s missing customer said, 朝阳办’s correction after review; the board shows who is late', async () => {
    await menu('报表进度').click();
    const board = page.getByTestId('channel-board');
    await board.waitFor();
    const wizard = page.getByTestId('import-wizard');
    /** Imports a file through the wizard, checking its preview says `said`. */
    const importThroughWizard = async (name: string, content: Buffer, said: string) => {
      await page.getByTestId('board-import').click();
      const file = path.join(scratch, name);
      fs.writeFileSync(file, content);
      await wizard.locator('input[type=file]').setInputFiles(file);
      await wizard.getByTestId('import-next').click();
      await wizard.getByTestId('import-next').click();
      await expect.poll(() => wizard.getByTestId('import-counts').textContent()).toContain('错误 0');
      await expect.poll(() => wizard.textContent()).toContain(said);
    };
    const commit = async () => {
      await wizard.getByTestId('import-next').click();
      await wizard.getByTestId('import-commit').click();
      await expect.poll(() => wizard.getByTestId('import-outcome').textContent()).toContain('导入完成');
      await wizard.getByTestId('import-close').click();
    };
    await importThroughWizard(
      '海淀办周报2026-11-23.xlsx',
      weeklyBook(offices[3], 3),
      '本办事处的签约客户未在',
    );
    expect(await wizard.textContent()).toContain('KH305 华普');
    await shot('channel-01-import-missing-customer');
    await commit();

    const range = board.locator('input[data-testid="board-range"], [data-testid="board-range"] input');
    await range.first().click();
    await page.keyboard.type('2026-11-02');
    await page.keyboard.press('Enter');
    await page.keyboard.type('2026-11-23');
    await page.keyboard.press('Enter');
    const cell = (office: string, week: string) => board.getByTestId(`board-cell-${office}-${week}`);
    // 朝阳办's last week is reviewed on the board; its correction after that comes in as version 2.
    await cell('BS03', '2026-11-23').getByTestId('board-review').click();
    await expect.poll(() => cell('BS03', '2026-11-23').textContent()).toContain('已审核');
    await importThroughWizard(
      '朝阳办周报2026-11-23（更正）.xlsx',
      weeklyBook(offices[2], 3, 50),
      '本次导入作为第 2 版更正',
    );
    await commit();
    await expect.poll(() => cell('BS02', '2026-11-16').getByTestId('board-state').textContent()).toBe('未报');
    expect(await cell('BS02', '2026-11-09').getByTestId('board-state').textContent()).toBe('迟报');
    expect(await cell('BS02', '2026-11-09').textContent()).toContain('晚 1 小时 40 分');
    expect(await cell('BS01', '2026-11-02').getByTestId('board-state').textContent()).toBe('导入超时');
    expect(await cell('BS03', '2026-11-23').textContent()).toContain('第 2 版');
    expect(await cell('BS04', '2026-11-23').textContent()).toContain('第 1 版');
    await shot('channel-02-board');

    // 西城办's week 11-16 turns up by mail: recorded as received on the board, it now waits to be imported.
    await cell('BS02', '2026-11-16').getByRole('button', { name: '记录收到' }).click();
    const dialog = page.getByRole('dialog', { name: /记录收到/ });
    await dialog.waitFor();
    const when = dialog.locator('input').first();
    await when.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2026-11-23 12:30');
    await page.keyboard.press('Enter');
    await expect.poll(() => when.inputValue()).toBe('2026-11-23 12:30');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect
      .poll(() => cell('BS02', '2026-11-16').getByTestId('board-state').textContent())
      .toBe('已收到待导入');

    // 海淀办's template for the week after: both its contracted customers, 京客隆's opening its last count.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      board
        .locator('.ant-table-row')
        .filter({ hasText: '海淀办' })
        .getByRole('button', { name: '下载模板' })
        .click(),
    ]);
    const template = path.join(scratch, download.suggestedFilename());
    await download.saveAs(template);
    const book = XLSX.read(fs.readFileSync(template));
    const cells = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    const text = JSON.stringify(cells);
    expect(text).toContain('KH304');
    expect(text).toContain('KH305');
    expect(pageErrors).toEqual([]);
  });

  test('net shipments for November: 华联商贸 112 箱, 物美 200 箱 after its correction, charted by week', async () => {
    await menu('渠道净出货量').click();
    await choosePeriod(report('channelNetShipments'), '2026-11-02', '2026-11-29');
    await expect
      .poll(async () =>
        (await rowTexts(report('channelNetShipments').getByTestId('report-table'))).find((cells) =>
          cells[0]?.includes('华联商贸'),
        ),
      )
      .toEqual(expect.arrayContaining(['112']));
    const wumart = (await rowTexts(report('channelNetShipments').getByTestId('report-table'))).find((cells) =>
      cells[0]?.includes('物美'),
    );
    expect(wumart).toEqual(expect.arrayContaining(['40', '210', '50', '200']));
    await page.getByTestId('chart-net-shipments').waitFor();
    await shot('channel-03-net-shipments');

    // Printed, and read back by a second reader (poppler): the title, the customers and their figures.
    const [printed] = await Promise.all([
      page.waitForEvent('download'),
      report('channelNetShipments').getByTestId('report-print').click(),
    ]);
    const pdf = path.join(scratch, printed.suggestedFilename());
    await printed.saveAs(pdf);
    const text = pdfPageText(pdf, 1);
    expect(text).toContain('渠道净出货量');
    expect(text).toMatch(/华联商贸.*112/);
    expect(text).toMatch(/物美.*200/);
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
    await shot('channel-04-days-of-stock');
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
    const row = (await rowTexts(report('channelTwoSources').getByTestId('report-table'))).find((cells) =>
      cells.includes('华联商贸'),
    )!;
    // The difference, reported − delivered: 5 箱, 20% of what the branch delivered.
    expect(row.slice(-2)).toEqual(['5', '20']);
    await shot('channel-05-two-sources');
    expect(pageErrors).toEqual([]);
  });
});
