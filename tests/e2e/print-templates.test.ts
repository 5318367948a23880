import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, setUpBranch, type webApi } from './support/api';
import { draftMilkDelivery } from './support/branch-world';
import {
  launchChromium,
  openWorkspacePage,
  screenshot,
  signInThroughLogin,
  waitForAnimations,
} from './support/browser';
import { openFromMenu } from './support/workspace';
import { pdfPageSizes, pdfPageText } from './support/pdf';
import { startWebMode, type WebMode } from './support/web-mode';

/*
 * 打印模板, as the administrator would use it: copy the shipped 三联 template for 销售出库单, drop a
 * column, print it on A4 with two 联次 and a larger font, watching the live preview change; save it as the
 * delivery's default and print a delivery on it; send it as a file; bring the first version back; and a
 * template file with a syntax error refused with its line.
 */
describe('打印模板 designer in web mode', () => {
  let web: WebMode;
  let admin: ReturnType<typeof webApi>;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let number: string;
  const folder = () => path.dirname(web.databasePath);

  beforeAll(async () => {
    web = await startWebMode();
    admin = await setUpBranch(web);
    number = await draftMilkDelivery(admin);
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  const shot = async (name: string) => {
    await waitForAnimations(page);
    await screenshot(page, name);
  };
  const previewPages = () => page.getByTestId('template-preview-pages').textContent();

  test('copy, edit with a live preview, save as the default, print on it, export, restore', async () => {
    await openFromMenu(page, '打印模板');
    await page.getByTestId('template-copy-document').click();
    const dialog = page.getByTestId('template-copy-dialog');
    await dialog.getByTestId('template-copy-name').fill('出库单 A4 两联');
    await dialog.getByTestId('template-copy-type').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '销售出库单' }).click();
    await dialog.getByRole('button', { name: '复 制' }).click();
    const designer = page.getByTestId('template-designer');
    await designer.waitFor();
    // The 样张's 18 lines on 三联 241 × 140: more than one page.
    await expect.poll(previewPages).toMatch(/共 [2-9] 页/);
    await expect.poll(() => page.getByTestId('print-preview-page').count()).toBeGreaterThan(1);
    await shot('print-templates-01-copied');

    // On A4 portrait: the 18 lines fit one page.
    await designer.getByTestId('template-paper').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'A4 纵向' }).click();
    await expect.poll(previewPages).toBe('共 1 页');
    // 规格 taken out: the width sum follows.
    const before = await designer.getByTestId('template-width').textContent();
    const specColumn = designer.getByTestId('template-column').nth(3);
    await specColumn.getByRole('button', { name: '删除此列' }).click();
    await expect.poll(() => designer.getByTestId('template-width').textContent()).not.toBe(before);
    // Two 联次: each its own run of pages.
    await designer.getByTestId('template-copies').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '存根联' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '客户联' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(previewPages).toBe('共 2 页');
    await shot('print-templates-02-a4-two-copies');

    // A real delivery in the preview.
    await designer.getByTestId('template-preview-number').locator('input').fill(number);
    await designer.getByTestId('template-preview-number').getByRole('button').click();
    await expect.poll(previewPages).toBe('共 2 页');
    await shot('print-templates-03-on-delivery');

    await designer.getByTestId('template-save').click();
    await expect.poll(() => page.getByText('已保存模板【出库单 A4 两联】（第 2 版）').isVisible()).toBe(true);
    await designer.getByTestId('template-default').click();
    await expect.poll(() => page.getByText('已设为默认模板').isVisible()).toBe(true);
    await expect.poll(() => designer.textContent()).toContain('销售出库单的默认模板');

    // The delivery now prints on it: A4, two copies, no 规格.
    const options = await admin.call<{ name: string; isDefault: boolean }[]>('print.templates', {
      type: 'sales_delivery',
    });
    expect(options[0]).toMatchObject({ name: '出库单 A4 两联', isDefault: true });
    const printed = await admin.call<{ contentBase64: string }>('print.document', { numbers: [number] });
    const pdf = path.join(folder(), 'delivery-a4.pdf');
    fs.writeFileSync(pdf, Buffer.from(printed.contentBase64, 'base64'));
    expect(pdfPageSizes(pdf)).toEqual(['595.276 x 841.89', '595.276 x 841.89']);
    expect(pdfPageText(pdf, 1)).toContain('存根联');
    expect(pdfPageText(pdf, 2)).toContain('客户联');
    expect(pdfPageText(pdf, 1)).not.toContain('规格');
    expect(pdfPageText(pdf, 1)).toContain('华联超市');

    // Exported as a file, the same template.
    const download = page.waitForEvent('download');
    await designer.getByTestId('template-export').click();
    const file = path.join(folder(), (await download).suggestedFilename());
    await (await download).saveAs(file);
    const sent = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; template: { paper: string } };
    expect(sent.format).toBe('branch-ledger/print-template');
    expect(sent.template.paper).toBe('a4-portrait');

    // Version 1, the 三联 copy, brought back as version 3.
    await designer.getByTestId('template-history').click();
    const versions = page.getByTestId('template-versions');
    await expect.poll(() => versions.locator('.ant-list-item').count()).toBe(2);
    await shot('print-templates-04-history');
    await versions
      .locator('.ant-list-item', { hasText: '第 1 版' })
      .getByRole('button', { name: '恢复此版' })
      .click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => page.getByText('已恢复第 1 版').isVisible()).toBe(true);
    await page.locator('.ant-drawer-close').click();
    await expect.poll(() => designer.getByTestId('template-history').textContent()).toContain('第 3 版');
    await expect.poll(previewPages).toMatch(/共 [2-9] 页/);
    await page.getByTestId('templates-back').click();
    await expect
      .poll(() => page.getByTestId('templates-table').locator('.ant-table-row').first().textContent())
      .toMatch(/出库单 A4 两联\s*默认.*销售出库单.*3/);
    await shot('print-templates-05-list');
    expect(pageErrors).toEqual([]);
  });

  test('a template file with a syntax error is refused with its line; nothing is added', async () => {
    const broken = path.join(folder(), '总部模板.json');
    fs.writeFileSync(broken, '{\n  "printable": "document",\n  "paper": "a4-portrait"\n  "name": "x"\n}\n');
    const rows = await page.getByTestId('templates-table').locator('.ant-table-row').count();
    await page.getByTestId('template-import').locator('..').locator('input[type=file]').setInputFiles(broken);
    await expect
      .poll(() => page.getByText('打印模板【总部模板.json】不是有效的 JSON，第 4 行第 3 列').isVisible())
      .toBe(true);
    await shot('print-templates-06-import-refused');
    expect(await page.getByTestId('templates-table').locator('.ant-table-row').count()).toBe(rows);
    expect(pageErrors).toEqual([]);
  });

  test('打印外观: the date format and the branch logo, for every template', async () => {
    const card = page.getByTestId('print-appearance');
    await card.getByTestId('print-date-format').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '2026年11月20日' }).click();
    await expect.poll(() => page.getByText('已保存打印外观').isVisible()).toBe(true);
    await card
      .locator('input[type=file]')
      .setInputFiles(path.resolve(import.meta.dirname, '../../resources/icon.png'));
    await expect.poll(() => card.getByTestId('print-logo').count()).toBe(1);
    await shot('print-templates-07-appearance');
    const appearance = await admin.call<{ dateFormat: string; logoBase64: string | null }>(
      'printTemplates.appearance',
      {},
    );
    expect(appearance.dateFormat).toBe('yyyy年M月d日');
    expect(appearance.logoBase64).toBe(
      fs.readFileSync(path.resolve(import.meta.dirname, '../../resources/icon.png')).toString('base64'),
    );
    // The delivery prints with both.
    const printed = await admin.call<{ contentBase64: string }>('print.document', {
      numbers: [number],
      preview: true,
    });
    const pdf = path.join(folder(), 'delivery-appearance.pdf');
    fs.writeFileSync(pdf, Buffer.from(printed.contentBase64, 'base64'));
    expect(pdfPageText(pdf, 1)).toContain('日期：2026年11月20日');
    expect(pageErrors).toEqual([]);
  });
});
