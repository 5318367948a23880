import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, setUpBranch } from './support/api';
import { launchChromium, openWorkspacePage, signInThroughLogin } from './support/browser';
import { workspaceDriver } from './support/workspace';
import { startWebMode, type WebMode } from './support/web-mode';

/*
 * A wrong date typed into a document's header is refused with a message naming it, and the document keeps
 * the date it had: antd's picker alone drops it without a word. A right one is taken. Then 经手人 is
 * picked by pinyin, and goods picked in the line show their spec beside the name.
 */
describe('dates typed into a document header', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const drive = workspaceDriver(() => page);

  beforeAll(async () => {
    web = await startWebMode();
    const admin = await setUpBranch(web);
    await admin.call('warehouses.save', { id: null, warehouse: { code: 'CK01', name: '一号仓' } });
    await admin.call('employees.save', { id: null, employee: { code: 'ZY01', name: '王五' } });
    await admin.call('employees.save', { id: null, employee: { code: 'ZY02', name: '李四' } });
    await admin.call('goods.save', {
      id: null,
      goods: {
        code: 'SP002',
        name: '可乐',
        spec: '330ml×24',
        units: [
          { name: '罐', ratio: '1', isBase: true },
          { name: '箱', ratio: '24', isBase: false },
        ],
      },
    });
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  test('2026-13-45, 2026-02-30 and 20261205 are refused and the date stays; 2026-11-20 is taken', async () => {
    await page.keyboard.press('Alt+2');
    const documentPage = page.getByTestId('document-page-purchase_receipt');
    const input = documentPage
      .locator('input[data-testid="document-date"], [data-testid="document-date"] input')
      .first();
    await expect.poll(() => input.isVisible()).toBe(true);
    const before = await input.inputValue();

    const typeInto = async (text: string) => {
      await input.click();
      await page.keyboard.press('Control+a');
      await drive.type(text);
      await drive.key('Enter');
    };
    for (const [typed, said] of [
      ['2026-13-45', '日期【2026-13-45】不存在；未采用，日期未改。'],
      ['2026-02-30', '日期【2026-02-30】不存在；未采用，日期未改。'],
      ['20261205', '日期【20261205】应写作 yyyy-MM-dd，例如 2026-12-05；未采用，日期未改。'],
    ] as const) {
      await typeInto(typed);
      await expect.poll(() => page.locator('.ant-message').getByText(said).count()).toBe(1);
      if (typed === '2026-02-30') await drive.shot('date-entry-01-refused');
      await drive.key('Escape');
      await page.locator('body').click({ position: { x: 700, y: 740 } });
      await expect.poll(() => input.inputValue()).toBe(before);
    }

    await typeInto('2026-11-20');
    await expect.poll(() => input.inputValue()).toBe('2026-11-20');

    // 经手人 on the header: found by pinyin initials.
    await documentPage.getByTestId('document-handlerId').click();
    await drive.type('ww');
    await expect
      .poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents())
      .toEqual(['王五（ZY01）']);
    await drive.key('Enter');
    await expect.poll(() => documentPage.getByTestId('document-handlerId').textContent()).toContain('王五');

    // The goods cell, once goods are picked, shows the spec and pack size beside the name.
    const goodsCell = drive.lineCell(documentPage, 'goodsId', 0).locator('input');
    await goodsCell.click();
    await drive.type('SP002');
    await drive.key('Enter');
    await expect
      .poll(() => drive.lineCell(documentPage, 'goodsId', 0).getByTestId('goods-spec').textContent())
      .toBe('330ml×24');
    expect(await documentPage.count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
