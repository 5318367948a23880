/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate run in the browser.
import * as XLSX from '@e965/xlsx';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { samplePath } from '../support/samples';
import { branchAdministrator, setUpBranch } from './support/api';
import {
  launchChromium,
  openWorkspacePage,
  screenshot,
  signInThroughLogin,
  waitForAnimations,
} from './support/browser';
import { openFromMenu } from './support/workspace';
import { startWebMode, type WebMode } from './support/web-mode';

const goodsCatalogue = samplePath('商品目录-总部下发.xlsx');
const customerList = samplePath('客户资料.xls');

describe('master data in web mode, as an information clerk would', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let scratch: string;
  /** Another person at another desk, changing records through the same engine. */
  let colleague: Awaited<ReturnType<typeof setUpBranch>>;

  beforeAll(async () => {
    web = await startWebMode();
    colleague = await setUpBranch(web);
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-md-'));
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** A screenshot once the screen has settled: no modal or drawer half open or half closed. */
  const shot = async (name: string) => {
    await waitForAnimations(page);
    await screenshot(page, name);
  };
  const goodsList = () => page.getByTestId('list-goods');
  const wizard = () => page.getByTestId('import-wizard');
  const listTotal = (list: Locator) => list.getByTestId('list-total').textContent();
  /** The list's data rows as the clerk reads them, cell by cell (the virtual table's own rows only). */
  const rowTexts = (list: Locator) =>
    list
      .locator('.ant-table-tbody-virtual .ant-table-row')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('.ant-table-cell')].map((cell) => cell.textContent ?? '')),
      );
  const headerTexts = (list: Locator) =>
    list
      .locator('.ant-table-thead th.ant-table-cell')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim() ?? '').filter(Boolean));

  /** Opens the wizard on a list, chooses the file, and goes on to the column mapping. */
  async function startImport(list: Locator, file: string) {
    await list.getByTestId('list-import').click();
    await expect.poll(() => wizard().isVisible()).toBe(true);
    await wizard().locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => wizard().getByTestId('import-file-name').textContent()).toBe(path.basename(file));
  }

  test('the master-data pages are in the navigation, and the goods list starts empty', async () => {
    const navigation = page.getByTestId('navigation');
    for (const name of ['商品', '往来单位', '仓库', '办事处/部门', '职员']) {
      // Menu items only: 仓库 is also the name of a navigation group now.
      expect(await navigation.locator('.ant-menu-item').getByText(name, { exact: true }).count()).toBe(1);
    }
    await openFromMenu(page, '商品');
    await expect.poll(() => listTotal(goodsList())).toBe('共 0 条');
    await shot('md-01-goods-list-empty');
  });

  test('the head-office catalogue imports through the wizard: mapping, 25 rows previewed, committed', async () => {
    await startImport(goodsList(), goodsCatalogue);
    await shot('md-02-import-file');
    await wizard().getByTestId('import-next').click();

    // Column mapping: the title and blank rows above are skipped, headers matched by name and synonym.
    await expect.poll(() => wizard().getByTestId('mapping-table').isVisible()).toBe(true);
    expect(await wizard().getByText('列名在第 3 行').isVisible()).toBe(true);
    expect(await wizard().getByTestId('mapping-source').textContent()).toBe('已按列名自动对应');
    await expect.poll(() => wizard().getByTestId('mapping-0').textContent()).toContain('商品编码');
    // 换算率 is the catalogue's word for the further unit's ratio.
    expect(await wizard().getByTestId('mapping-7').textContent()).toContain('大单位换算率');
    expect(await wizard().getByTestId('unmapped-required').count()).toBe(0);
    await shot('md-03-import-mapping');

    await wizard().getByTestId('import-next').click();
    await expect.poll(() => wizard().getByTestId('import-counts').textContent()).toContain('共 25 行');
    expect(await wizard().getByTestId('import-counts').textContent()).toContain('新增 25');
    expect(await wizard().getByTestId('import-counts').textContent()).toContain('错误 0');
    const grid = wizard().getByTestId('import-preview-grid');
    // Stray spaces trimmed, ¥ and full-width digits read as numbers.
    expect(await grid.textContent()).toContain('有机纯牛奶');
    expect(await grid.textContent()).not.toContain(' 有机纯牛奶 ');
    await shot('md-04-import-preview');

    await wizard().getByTestId('import-next').click();
    expect(await wizard().getByTestId('valid-only').locator('input').isDisabled()).toBe(true);
    await wizard().getByTestId('import-commit').click();
    await expect.poll(() => wizard().getByTestId('import-outcome').textContent()).toContain('导入完成');
    expect(await wizard().getByTestId('import-outcome').textContent()).toContain('新增 25，更新 0，跳过 0');
    await shot('md-05-import-done');
    await wizard().getByTestId('import-close').click();

    await expect.poll(() => listTotal(goodsList())).toBe('共 25 条');
    const rows = await rowTexts(goodsList());
    expect(rows[0]).toEqual(
      expect.arrayContaining(['10010001', '纯牛奶', '乳制品/纯牛奶', '袋', '1 箱 = 24 袋']),
    );
    await shot('md-06-goods-list');
  });

  test('searching "cn" finds 纯牛奶 first, by its pinyin initials', async () => {
    await goodsList().getByTestId('list-search').locator('input').fill('cn');
    await goodsList().getByTestId('list-search').locator('input').press('Enter');
    await expect.poll(async () => (await rowTexts(goodsList()))[0]?.[1]).toBe('纯牛奶');
    expect(await listTotal(goodsList())).not.toBe('共 25 条');
    await shot('md-07-search-cn');
  });

  test('opening 纯牛奶 shows its units in place: 1 箱 = 24 袋', async () => {
    // By keyboard: ↓ from the search box selects the first row, Enter opens it.
    await goodsList().getByTestId('list-search').locator('input').press('ArrowDown');
    await expect.poll(() => goodsList().getByText('已选：商品【10010001 纯牛奶】').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('entity-form');
    await expect.poll(() => drawer.getByLabel('商品名称').inputValue()).toBe('纯牛奶');
    expect(await drawer.getByTestId('unit-ratio-line').allTextContents()).toEqual(['1 箱 = 24 袋']);
    await shot('md-08-goods-form');

    // Typing a new unit shows its meaning at once.
    await drawer.getByRole('button', { name: '添加单位' }).click();
    const unitNames = drawer.getByLabel('单位', { exact: true });
    await unitNames.nth(2).fill('件');
    // The clerk drops the new unit again and saves a remark instead.
    await drawer.getByRole('button', { name: '删除此行' }).last().click();
    await expect
      .poll(() => drawer.getByTestId('unit-ratio-line').allTextContents())
      .toEqual(['1 箱 = 24 袋']);
    await drawer.getByLabel('备注').fill('需冷藏，先进先出');
    await drawer.getByTestId('form-save').click();
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await expect.poll(() => page.getByText('已保存 10010001 纯牛奶').isVisible()).toBe(true);
    expect((await rowTexts(goodsList()))[0]).toContain('1 箱 = 24 袋');
    await shot('md-10-goods-saved');
    await goodsList().getByTestId('list-search').locator('input').fill('');
    await expect.poll(() => listTotal(goodsList())).toBe('共 25 条');
  });

  test('a save made after someone else changed 纯牛奶 is refused with who and when; 重新打开 shows their change', async () => {
    const search = goodsList().getByTestId('list-search').locator('input');
    await search.fill('10010001');
    await search.press('Enter');
    await expect.poll(async () => (await rowTexts(goodsList()))[0]?.[1]).toBe('纯牛奶');
    await search.press('ArrowDown');
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('entity-form');
    await expect.poll(() => drawer.getByLabel('备注').inputValue()).toBe('需冷藏，先进先出');

    // Meanwhile the record is changed at another desk.
    const { rows } = await colleague.call<{ rows: { id: number; code: string }[] }>('goods.list', {
      search: '10010001',
    });
    const opened = await colleague.call<{ id: number; version: number }>('goods.get', { id: rows[0]!.id });
    await colleague.call('goods.save', {
      id: opened.id,
      version: opened.version,
      goods: { ...opened, remark: '冷藏 2–6 ℃' },
    });

    await drawer.getByLabel('备注').fill('我的修改');
    await drawer.getByTestId('form-save').click();
    await expect
      .poll(() => drawer.getByTestId('form-error').textContent())
      .toMatch(/商品【10010001 纯牛奶】在您打开后已被 系统管理员 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改/);
    await shot('md-10b-goods-stale-save');
    await drawer.getByTestId('form-reopen').click();
    await expect.poll(() => drawer.getByLabel('备注').inputValue()).toBe('冷藏 2–6 ℃');
    await expect.poll(() => drawer.getByTestId('form-error').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    await search.fill('');
    await search.press('Enter');
    await expect.poll(() => listTotal(goodsList())).toBe('共 25 条');
  });

  test('a copy with a bad ratio is refused at its row and column, and nothing is committed', async () => {
    const workbook = XLSX.read(fs.readFileSync(goodsCatalogue));
    const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
    sheet['H8'] = { t: 's', v: '二十四' }; // 原味酸奶's 换算率
    sheet['B5'] = { t: 's', v: '鲜牛奶（新包装）' }; // a change that must not land
    const badCopy = path.join(scratch, '商品目录-换算率有误.xlsx');
    fs.writeFileSync(badCopy, XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    await startImport(goodsList(), badCopy);
    await wizard().getByTestId('import-next').click();
    // The same source as before: its mapping is remembered.
    await expect.poll(() => wizard().getByTestId('mapping-source').textContent()).toBe('已按上次的对应关系');
    await wizard().getByTestId('import-next').click();
    await expect.poll(() => wizard().getByTestId('import-counts').textContent()).toContain('错误 1');
    const problems = wizard().getByTestId('import-problems');
    expect(await problems.textContent()).toContain('第 8 行【换算率】');
    expect(await problems.textContent()).toContain('二十四');
    // The error sits at its cell: row 8, the ratio column, red.
    const errorCell = wizard().getByTestId('cell-error-8-unit2Ratio');
    expect(await errorCell.textContent()).toBe('二十四');
    const gridCell = errorCell.locator('xpath=ancestor::*[contains(@class, "ant-table-cell")][1]');
    expect(await gridCell.getAttribute('data-error')).toBe('true');
    expect(await gridCell.evaluate((cell) => getComputedStyle(cell).backgroundColor)).toBe(
      'rgb(255, 241, 240)',
    );
    await errorCell.hover();
    await expect.poll(() => page.locator('.ant-tooltip').last().textContent()).toContain('二十四');
    await shot('md-11-import-bad-ratio');

    await wizard().getByTestId('import-next').click();
    expect(await wizard().getByTestId('valid-only').locator('input').isDisabled()).toBe(false);
    await shot('md-12-import-all-or-nothing');
    await wizard().getByTestId('import-commit').click();
    await expect
      .poll(() => wizard().getByTestId('import-outcome').textContent())
      .toContain('没有导入任何记录');
    expect(await wizard().getByTestId('download-error-report').isVisible()).toBe(true);
    await shot('md-13-import-refused');
    await wizard().getByTestId('import-close').click();

    await expect.poll(() => listTotal(goodsList())).toBe('共 25 条');
    expect(await goodsList().textContent()).not.toContain('鲜牛奶（新包装）');
    expect(await goodsList().getByText('鲜牛奶', { exact: true }).count()).toBe(1);
  });

  test('the legacy .xls customer list imports: 36 customers with their channel tree', async () => {
    await openFromMenu(page, '往来单位');
    const customers = page.getByTestId('list-counterparties');
    await expect.poll(() => listTotal(customers)).toBe('共 0 条');
    await startImport(customers, customerList);
    await wizard().getByTestId('import-next').click();
    await expect.poll(() => wizard().getByTestId('mapping-table').isVisible()).toBe(true);
    expect(await wizard().getByTestId('mapping-3').textContent()).toContain('上级客户编码');
    await wizard().getByTestId('import-next').click();
    await expect.poll(() => wizard().getByTestId('import-counts').textContent()).toContain('共 36 行');
    expect(await wizard().getByTestId('import-counts').textContent()).toContain('错误 0');
    await shot('md-14-import-customers-preview');
    await wizard().getByTestId('import-next').click();
    await wizard().getByTestId('import-commit').click();
    await expect.poll(() => wizard().getByTestId('import-outcome').textContent()).toContain('新增 36');
    await wizard().getByTestId('import-close').click();

    await expect.poll(() => listTotal(customers)).toBe('共 36 条');
    const rows = await rowTexts(customers);
    const kh0003 = rows.find((row) => row[0] === 'KH0003');
    expect(kh0003).toEqual(expect.arrayContaining(['丰台区永盛商贸有限公司', '经销商', '12345.60']));
    const kh0007 = rows.find((row) => row[0] === 'KH0007');
    expect(kh0007).toEqual(expect.arrayContaining(['分销商', 'KH0001', '朝阳区宏达商贸有限公司']));
    await shot('md-15-customer-list');
  });

  test('the goods list exports as shown: the same columns in the same order, the same values', async () => {
    await page.getByRole('tab', { name: '商品' }).click();
    await expect.poll(() => listTotal(goodsList())).toBe('共 25 条');
    // The clerk hides 品牌, shows 全部条码 and moves it up next to the name.
    await goodsList().getByTestId('column-settings-button').click();
    const settings = page.getByTestId('column-settings');
    await settings.getByLabel('品牌').uncheck();
    await settings.getByLabel('全部条码').check();
    const barcodesRow = settings.locator('div', { has: page.getByLabel('全部条码') }).last();
    for (let step = 0; step < 6; step += 1) await barcodesRow.getByRole('button', { name: '上移' }).click();
    await shot('md-16-column-settings');
    await goodsList().getByTestId('column-settings-button').click();
    await expect.poll(() => settings.isVisible()).toBe(false);
    const shownHeader = await headerTexts(goodsList());
    expect(shownHeader.slice(0, 3)).toEqual(['商品编码', '商品名称', '全部条码']);
    expect(shownHeader).not.toContain('品牌');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      goodsList().getByTestId('list-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^商品-\d{8}\.xlsx$/);
    const saved = path.join(scratch, download.suggestedFilename());
    await download.saveAs(saved);

    const exported = XLSX.read(fs.readFileSync(saved));
    const table = XLSX.utils.sheet_to_json<unknown[]>(exported.Sheets[exported.SheetNames[0]!]!, {
      header: 1,
      raw: true,
    });
    expect(table[0]).toEqual(shownHeader);
    expect(table).toHaveLength(26);
    const byHeader = (row: unknown[]) =>
      Object.fromEntries(shownHeader.map((header, index) => [header, row[index]]));
    const milk = byHeader(table.find((row) => row[0] === '10010001')!);
    expect(milk).toMatchObject({
      商品编码: '10010001',
      商品名称: '纯牛奶',
      规格型号: '250ml×24袋',
      商品类别: '乳制品/纯牛奶',
      基本单位: '袋',
      单位换算: '1 箱 = 24 袋',
      基本单位条码: '6921030000003',
      税率: 0.09,
      '保质期(天)': 45,
      状态: '启用',
      全部条码: '6921090000005，6921030000003',
    });
    await shot('md-17-goods-exported');
  });

  test('a deleted goods goes to the recycle bin and comes back', async () => {
    const search = goodsList().getByTestId('list-search').locator('input');
    await search.fill('椰汁');
    await search.press('Enter');
    await expect.poll(() => listTotal(goodsList())).toBe('共 1 条');
    await goodsList().getByText('椰汁', { exact: true }).click();
    await goodsList()
      .getByRole('button', { name: /删\s*除/ })
      .click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.textContent()).toContain('删除商品【10010169 椰汁】？');
    await shot('md-18-delete-confirm');
    await confirm.getByRole('button', { name: /删\s*除/ }).click();
    await expect.poll(() => listTotal(goodsList())).toBe('共 0 条');
    await search.fill('');
    await search.press('Enter');
    await expect.poll(() => listTotal(goodsList())).toBe('共 24 条');

    await goodsList().getByTestId('recycle-bin-toggle').getByText('回收站').click();
    await expect.poll(() => listTotal(goodsList())).toBe('共 1 条');
    const binRows = await rowTexts(goodsList());
    expect(binRows[0]).toEqual(expect.arrayContaining(['10010169', '椰汁', 'admin']));
    await shot('md-19-recycle-bin');

    await goodsList().getByText('椰汁', { exact: true }).click();
    await goodsList()
      .getByRole('button', { name: /恢\s*复/ })
      .click();
    await expect.poll(() => listTotal(goodsList())).toBe('共 0 条');
    await goodsList().getByTestId('recycle-bin-toggle').getByText('在用').click();
    await expect.poll(() => listTotal(goodsList())).toBe('共 25 条');
    await search.fill('椰汁');
    await search.press('Enter');
    await expect.poll(async () => (await rowTexts(goodsList()))[0]?.[1]).toBe('椰汁');
    await shot('md-20-restored');
  });

  test('the browser reported no errors on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
