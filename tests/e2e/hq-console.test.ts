/// <reference lib="dom" />
// Callbacks passed to page.waitForFunction run in the browser.
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { yuanOfDigits } from '../../src/shared/hq-console/big-figures';
import {
  beijingBranch,
  guangzhouBranch,
  october,
  packagesOf,
  refusedPackageOf,
  shanghaiBranch,
  uploadedRows,
  week43,
  type ConsoleBranch,
} from '../integration/support/console-branches';
import { putPackage } from '../integration/support/hq-client';
import { launchChromium, screenshot, waitForAnimations, watchPageErrors } from './support/browser';
import { startHqServe, type HqServe } from './support/hq-serve';
import { workspaceDriver } from './support/workspace';

/*
 * 总部控制台 as head office's operator meets it: `npm run hq -- serve` prints the console's address
 * (building the page on a first start), branches are added with `branch add` and their packages carried
 * in with `import` (console-branches.ts: BJ01 monthly with September missing, SH02 weekly, GZ03 nothing;
 * BJ01's third package is refused for its totals). In Chromium: 分支 with its status tags, 库存汇总
 * narrowed to October, BJ01's drill-down to the goods of 饮料, 销售汇总 exported to .xlsx and read back.
 */

/** What a branch uploaded of a section in some periods, summed over a field, in fen. */
function uploadedSum(
  branch: ConsoleBranch,
  section: string,
  periods: string[],
  field: string,
  side?: string,
) {
  return periods
    .flatMap((period) => uploadedRows(branch, section, period))
    .filter((row) => side === undefined || row.side === side)
    .reduce((sum, row) => sum + BigInt(String(row[field])), 0n);
}

describe('总部控制台: branches, summaries, drill-down, export', () => {
  let hq: HqServe;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  /** Before the packages were carried in: the day head office applied them, in Beijing, is this one's or later. */
  let seededAt: Date;
  const { rowTexts, menu } = workspaceDriver(() => page);
  const shot = async (name: string, on: Page = page) => {
    await waitForAnimations(on);
    // A table that has just loaded fades its rows in (antd's spin container): shoot once it has.
    await on.waitForFunction(() => !document.querySelector('.ant-spin-blur, .ant-spin-spinning'));
    await on.waitForTimeout(400);
    await screenshot(on, name);
  };

  beforeAll(async () => {
    hq = await startHqServe();
    const secrets = new Map<string, string>();
    for (const branch of [beijingBranch, shanghaiBranch, guangzhouBranch]) {
      const added = await hq.run(['branch', 'add', branch.code, '--name', branch.name]);
      expect(added.stdout).toContain(`已登记分支 ${branch.code}`);
      secrets.set(branch.code, /密钥（只显示这一次，请妥善转交分支）：(\S+)/.exec(added.stdout)![1]!);
    }
    const folder = path.join(hq.dataDir, 'carried');
    fs.mkdirSync(folder);
    const carry = async (branch: ConsoleBranch, pkg: { body: Buffer; manifest: { seq: number } }) => {
      const file = path.join(folder, `${branch.code}-1-${pkg.manifest.seq}.gz`);
      fs.writeFileSync(file, pkg.body);
      return hq.run(['import', file]);
    };
    seededAt = new Date();
    const carried = { shanghai: packagesOf(shanghaiBranch), beijing: packagesOf(beijingBranch) };
    for (const pkg of carried.shanghai) expect((await carry(shanghaiBranch, pkg)).exitCode).toBe(0);
    for (const pkg of carried.beijing) expect((await carry(beijingBranch, pkg)).exitCode).toBe(0);
    // Beijing's next package is sent over the network, signed with its secret, and refused for its totals.
    const endpoint = {
      port: Number(new URL(hq.consoleUrl).port),
      ca: fs.readFileSync(path.join(hq.dataDir, 'hq-cert.pem')),
    };
    const credentials = { code: beijingBranch.code, secret: secrets.get(beijingBranch.code)! };
    const refused = refusedPackageOf(beijingBranch, carried.beijing.at(-1)!);
    expect((await putPackage(endpoint, credentials, refused)).status).toBe(422);

    browser = await launchChromium();
    // Head office's certificate is its own, self-signed: the operator accepts it once, as here.
    context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1366, height: 860 },
      locale: 'zh-CN',
      timezoneId: 'UTC',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await hq?.stop();
  });

  test('分支 lists every branch with its status, last upload, gaps and refused packages', async () => {
    await page.goto(hq.consoleUrl);
    const table = page.getByTestId('branches-table');
    await table.locator('.ant-table-row').first().waitFor();
    // The token left the address at once: it is not bookmarked with the page.
    expect(page.url()).not.toContain('token=');
    const rows = await rowTexts(table);
    const rowOf = (code: string) =>
      rows.find((cells) => cells.some((cell) => cell.endsWith(code)))!.join(' | ');
    expect(rowOf('BJ01')).toContain('有被拒数据包有缺口');
    expect(rowOf('BJ01')).toContain('库存 2026-09；购销 2026-09');
    expect(rowOf('BJ01')).toContain('第 1 代第 2 号');
    expect(rowOf('BJ01')).toContain('2026-10');
    expect(rowOf('SH02')).toContain('正常');
    expect(rowOf('SH02')).toContain('2026-W45');
    expect(rowOf('SH02')).toContain('1 小时内');
    expect(rowOf('GZ03')).toContain('从未上传');
    // Times are Beijing time whatever the browser's zone (this one runs in UTC).
    const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const uploadedOn = /(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}/.exec(rowOf('SH02'))![1];
    expect([beijingDay(seededAt), beijingDay(new Date())]).toContain(uploadedOn);
    // The page carries the branch app's strict policy.
    expect(
      await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    ).toContain("script-src 'self'; style-src 'self' 'unsafe-inline'");
    await table.locator('.ant-table-row-expand-icon').first().click();
    await expect.poll(() => table.textContent()).toContain('清单写的是 999');
    await shot('hq-console-branches');
    expect(pageErrors).toEqual([]);
  });

  test('库存汇总 narrowed to one month sums each branch’s last balance of it', async () => {
    await menu('库存汇总').click();
    const summary = page.getByTestId('summary-stock');
    await expect.poll(() => summary.textContent()).toContain('总部持有 2026-08 至 2026-11 的数据');
    const picker = summary.locator('[data-testid="month-range"] input, input[data-testid="month-range"]');
    await picker.first().click();
    for (const month of ['2026-10', '2026-10']) {
      await page.keyboard.press('Control+a');
      await page.keyboard.type(month, { delay: 20 });
      await page.keyboard.press('Enter');
    }
    await expect
      .poll(async () => new Set((await rowTexts(summary)).map((cells) => cells[1])))
      .toEqual(new Set(['2026-10']));
    const rows = await rowTexts(summary);
    expect(rows.map((cells) => `${cells[0]} ${cells[2]}`)).toEqual([
      '北京分公司（BJ01） 饮料',
      '北京分公司（BJ01） 未分类',
      '上海分公司（SH02） 日化',
      '上海分公司（SH02） 饮料',
    ]);
    // October's balance: Beijing's month, Shanghai's week 43 (its last week ending in October).
    const total =
      uploadedSum(beijingBranch, 'stock_balances', [october.key], 'value') +
      uploadedSum(shanghaiBranch, 'stock_balances', [week43.key], 'value');
    // A balance is as at a day, so the total is of the last month shown, never of months added up.
    expect(await page.getByTestId('summary-stock-total').textContent()).toBe(
      `2026-10 合计${yuanOfDigits(String(total))}`,
    );
    await shot('hq-console-stock');
    expect(pageErrors).toEqual([]);
  });

  test('a branch drills down to its months and categories, and a category to its goods', async () => {
    await page.getByTestId('drill-北京分公司（BJ01）').first().click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toBe('北京分公司（BJ01）');
    const branchStock = drawer.getByTestId('summary-stock-BJ01');
    await branchStock.locator('.ant-table-row').first().waitFor();
    const october饮料 = branchStock
      .locator('.ant-table-row', { hasText: '2026-10' })
      .filter({ hasText: '饮料' });
    await october饮料.locator('.ant-table-row-expand-icon').click();
    const goods = drawer.getByTestId('goods-2026-10-饮料');
    await goods.locator('.ant-table-row').first().waitFor();
    expect(await rowTexts(goods)).toEqual([
      ['6901', '可口可乐 330ml', '—', '300', '罐', '¥750.00'],
      ['6902', '矿泉水 550ml', '—', '520', '瓶', '¥780.00'],
    ]);
    await shot('hq-console-drill');
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => page.url()).not.toContain('branch=');
    expect(pageErrors).toEqual([]);
  });

  test('销售汇总 exports what it shows to .xlsx, figures as numbers', async () => {
    await menu('销售汇总').click();
    const summary = page.getByTestId('summary-sales');
    await summary.locator('.ant-table-row').first().waitFor();
    const shown = await rowTexts(summary);
    const total = [beijingBranch, shanghaiBranch].reduce(
      (sum, branch) =>
        sum +
        uploadedSum(
          branch,
          'trade',
          branch.packages.flatMap((p) => p.periods.map((period) => period.key)),
          'amount',
          'sales',
        ),
      0n,
    );
    expect(await page.getByTestId('summary-sales-total').textContent()).toContain(
      yuanOfDigits(String(total)),
    );
    await shot('hq-console-sales');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      summary.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('销售汇总-2026-08～2026-11.xlsx');
    const file = path.join(hq.dataDir, download.suggestedFilename());
    await download.saveAs(file);
    const sheet = XLSX.read(fs.readFileSync(file), { cellNF: true }).Sheets['销售汇总']!;
    const table = XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1 });
    expect(table[0]).toEqual(['分支', '月份', '商品类别', '销售额（不含税）', '销售成本', '毛利', '毛利率']);
    // Every row the table shows, in its order, then 合计.
    expect(table).toHaveLength(shown.length + 2);
    expect(table.slice(1, -1).map((row) => row.slice(0, 3))).toEqual(shown.map((cells) => cells.slice(0, 3)));
    const totalRow = table.at(-1)!;
    expect(totalRow[0]).toBe('合计');
    expect(totalRow[3]).toBe(Number(total) / 100);
    const amountCell = sheet['D2']!;
    expect(amountCell.t).toBe('n');
    expect(amountCell.z).toBe('#,##0.00');
    expect(pageErrors).toEqual([]);
  });

  test('without the token the page says how to open it, in Chinese', async () => {
    const stranger = await context.newPage();
    await stranger.goto(hq.consoleUrl.replace(/#token=.*$/, ''));
    await expect
      .poll(() => stranger.locator('.ant-alert').first().textContent())
      .toContain('缺少或错误的控制台访问令牌');
    await shot('hq-console-no-token', stranger);
    await stranger.close();
  });
});
