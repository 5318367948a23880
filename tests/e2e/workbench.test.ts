import dayjs from 'dayjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, createAccount, setUpBranch } from './support/api';
import { keeperWithWarehouses, saveCounterparty, saveMilk } from './support/branch-world';
import { launchChromium, openWorkspacePage, signInThroughLogin } from './support/browser';
import { workspaceDriver } from './support/workspace';
import { startWebMode, type WebMode } from './support/web-mode';

/*
 * The workbench each role opens the app on, the navigation's search, favourites and shortcuts, and the
 * 月结 page, driven in Chromium at 1366×768.
 *
 * The branch: 一号仓 kept by 马敏; the administrator (the clerk here) enters three purchase receipts of 鲜牛奶
 * dated 2026-11-20..22 and submits them, and keeps a fourth as a draft. Then:
 * - the clerk's workbench: the business flow, 草稿 1 (the draft), 待审核 3;
 * - the manager's: 待审核 3, two approved at once by 批量审核 → 已审核 2 张单据, one left;
 * - the keeper's: 一号仓 with 2 documents 待入库 (the two approved);
 * - 月结 of last month, found by typing `yuejie` in the menu search: refused at first with the three unfinished
 *   receipts listed (two at the warehouse, one submitted), then closed with 强制月结, then reopened.
 */
describe('the workbench per role, the navigation and 月结', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const numbers: string[] = [];
  let draftNumber = '';
  const manager = { username: 'guo', displayName: '郭晓东', role: 'manager', password: 'Manager#2026' };
  const keeper = { username: 'ma', displayName: '马敏', password: 'Keeper#2026' };
  const drive = workspaceDriver(() => page);
  const lastMonth = dayjs().subtract(1, 'month').format('YYYY-MM');

  beforeAll(async () => {
    web = await startWebMode();
    const admin = await setUpBranch(web);
    await createAccount(web, admin, manager);
    const { CK01: warehouseId } = await keeperWithWarehouses(web, admin, keeper, [['CK01', '一号仓']]);
    const supplier = await saveCounterparty(admin, { code: 'GYS01', name: '蒙牛乳业', kind: 'supplier' });
    const milk = await saveMilk(admin);
    const receipt = (day: string) => ({
      id: null,
      document: {
        type: 'purchase_receipt',
        businessDate: day,
        counterpartyId: supplier,
        warehouseId,
        lines: [{ goodsId: milk, unitName: '箱', quantity: '10', unitPrice: '48' }],
      },
    });
    for (const day of ['2026-11-20', '2026-11-21', '2026-11-22']) {
      const saved = await admin.call<{ id: number; number: string }>('documents.save', receipt(day));
      await admin.call('documents.submit', { id: saved.id });
      numbers.push(saved.number);
    }
    draftNumber = (await admin.call<{ number: string }>('documents.save', receipt('2026-11-23'))).number;
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  test("the clerk's workbench: the business flow, the draft and what waits for approval", async () => {
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
    await expect.poll(() => page.getByRole('tab', { name: '工作台' }).isVisible()).toBe(true);
    const flow = page.getByTestId('workbench-flow');
    for (const step of ['采购订单', '采购入库单', '库存余额', '销售订单', '销售出库单', '收款单']) {
      expect(await flow.getByRole('button', { name: step }).isVisible()).toBe(true);
    }
    const drafts = page.getByTestId('workbench-drafts');
    await expect.poll(async () => (await drive.rowTexts(drafts)).map((row) => row[0])).toEqual([draftNumber]);
    const approval = page.getByTestId('workbench-approval');
    await expect.poll(async () => (await drive.rowTexts(approval)).length).toBe(3);
    await drive.shot('workbench-01-clerk');

    // The flow opens its page; the workbench tab cannot be closed and takes the clerk back.
    await flow.getByRole('button', { name: '库存余额' }).click();
    await expect.poll(() => page.getByRole('tab', { name: '库存余额' }).isVisible()).toBe(true);
    await page.getByRole('tab', { name: '工作台' }).click();
    await expect.poll(() => drafts.isVisible()).toBe(true);
  });

  test('the menu search finds pages by pinyin initials; favourites and report filters stay per person; Alt+digit opens documents', async () => {
    const navigation = page.getByTestId('navigation');
    // Groups fold, one open at a time: on the workbench none is; 报表 opened, then 采购, leaves 采购 alone open.
    const openGroups = () =>
      navigation.locator('.ant-menu-submenu-open > .ant-menu-submenu-title').allTextContents();
    expect(await openGroups()).toEqual([]);
    await navigation.locator('.ant-menu-submenu-title').getByText('报表', { exact: true }).click();
    await expect.poll(openGroups).toEqual(['报表']);
    await navigation.locator('.ant-menu-submenu-title').getByText('采购', { exact: true }).click();
    await expect.poll(openGroups).toEqual(['采购']);
    await navigation.locator('.ant-menu-submenu-title').getByText('采购', { exact: true }).click();
    await expect.poll(openGroups).toEqual([]);
    // Folded, the whole menu fits 768 pixels without scrolling.
    const menu = navigation.locator('.ant-menu').first();
    await expect
      .poll(() => menu.evaluate((element) => element.scrollHeight <= element.parentElement!.clientHeight))
      .toBe(true);

    await page.keyboard.press('Control+k');
    await drive.type('cgrk');
    await expect
      .poll(() => navigation.locator('.ant-menu-item').allTextContents())
      .toEqual(['采购入库单Alt+2']);
    await drive.shot('workbench-02-menu-search');
    await page.keyboard.press('Escape');

    // 库存余额 made a favourite: it heads the menu, and is still there after the page is loaded again.
    await navigation.getByTestId('menu-search').fill('kcye');
    await navigation
      .locator('.ant-menu-item')
      .getByText('库存余额', { exact: true })
      .click({ button: 'right' });
    await page.getByRole('menuitem', { name: '加入收藏' }).click();
    await navigation.getByTestId('menu-search').fill('');
    await expect.poll(() => navigation.getByText('收藏').isVisible()).toBe(true);
    await page.reload();
    await page.getByTestId('header-branch').waitFor();
    await expect
      .poll(() => navigation.locator('.ant-menu-item-group').first().textContent())
      .toContain('库存余额');

    // A report's filters are the person's too: 库存余额 narrowed to 一号仓, closed and opened again, still is.
    await navigation.locator('.ant-menu-item-group').first().getByText('库存余额', { exact: true }).click();
    const warehouseFilter = page.getByTestId('report-warehouse');
    await warehouseFilter.click();
    await page.locator('.ant-select-dropdown:visible').getByText('一号仓（CK01）', { exact: true }).click();
    await expect.poll(() => warehouseFilter.textContent()).toContain('一号仓');
    await page
      .locator('.ant-tabs-tab')
      .filter({ hasText: '库存余额' })
      .locator('.ant-tabs-tab-remove')
      .click();
    await expect.poll(() => page.getByRole('tab', { name: '库存余额' }).count()).toBe(0);
    await navigation.locator('.ant-menu-item-group').first().getByText('库存余额', { exact: true }).click();
    await expect.poll(() => page.getByTestId('report-warehouse').textContent()).toContain('一号仓');

    await page.keyboard.press('Alt+3');
    await expect.poll(() => page.getByRole('tab', { name: '销售订单' }).isVisible()).toBe(true);
  });

  test("the manager's workbench approves two documents at once", async () => {
    await signInThroughLogin(page, web.url, manager.username, manager.password);
    const approval = page.getByTestId('workbench-approval');
    await expect.poll(async () => (await drive.rowTexts(approval)).length).toBe(3);
    // The clerk's favourites are not the manager's.
    expect(await page.getByTestId('navigation').getByText('收藏').count()).toBe(0);
    const boxes = approval.locator('.ant-table-tbody .ant-checkbox-input');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await approval.getByTestId('workbench-approve').click();
    await expect.poll(() => page.locator('.ant-message').getByText('已审核 2 张单据').count()).toBe(1);
    await expect.poll(async () => (await drive.rowTexts(approval)).length).toBe(1);
    expect(await page.getByTestId('workbench-sales').isVisible()).toBe(true);
    expect(await page.getByTestId('workbench-overdue').isVisible()).toBe(true);
    await drive.shot('workbench-03-manager');
  });

  test("the keeper's workbench counts what waits per warehouse", async () => {
    await signInThroughLogin(page, web.url, keeper.username, keeper.password);
    const queue = page.getByTestId('workbench-warehouse-queue');
    await expect.poll(() => queue.textContent()).toContain('一号仓');
    expect(await queue.textContent()).toContain('待入库2');
    // A keeper enters no documents: no business flow, no drafts.
    expect(await page.getByTestId('workbench-flow').count()).toBe(0);
    expect(await page.getByTestId('workbench-drafts').count()).toBe(0);
    await drive.shot('workbench-04-keeper');
  });

  test('月结 lists the unfinished documents, closes over them when told to, and reopens', async () => {
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
    await page.getByTestId('navigation').getByTestId('menu-search').fill('yuejie');
    await page.keyboard.press('Enter');
    const monthClose = page.getByTestId('month-close');
    await expect.poll(() => monthClose.isVisible()).toBe(true);
    expect(await monthClose.locator('input').first().inputValue()).toBe(lastMonth);

    await monthClose.getByTestId('month-close-run').click();
    await page
      .locator('.ant-popover:visible')
      .getByRole('button', { name: /月\s?结/ })
      .click();
    const unfinished = page.getByRole('dialog', { name: `${lastMonth} 及以前还有未完成的单据` });
    await expect.poll(() => unfinished.isVisible()).toBe(true);
    const listed = await unfinished.locator('.ant-list-item').allTextContents();
    expect(listed.map((text) => text.split(' · ')[0]).sort()).toEqual([...numbers].sort());
    await drive.shot('workbench-05-month-close-unfinished');
    await unfinished.getByRole('button', { name: '强制月结' }).click();
    await expect.poll(() => page.locator('.ant-message').getByText(`${lastMonth} 已月结`).count()).toBe(1);
    await expect
      .poll(async () => (await drive.rowTexts(monthClose)).map((row) => [row[0], row[2]]))
      .toEqual([[lastMonth, '系统管理员']]);
    await drive.shot('workbench-06-month-closed');

    await monthClose.getByRole('button', { name: '反月结' }).click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: '反月结' }).click();
    await expect
      .poll(() => page.locator('.ant-message').getByText(`${lastMonth} 已反月结。`).count())
      .toBe(1);
    await expect.poll(async () => (await drive.rowTexts(monthClose)).length).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
