import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, createAccount, setUpBranch, webApi } from './support/api';
import { saveCounterparty, saveMilk } from './support/branch-world';
import {
  launchChromium,
  openWorkspacePage,
  screenshot,
  signInThroughLogin,
  waitForAnimations,
} from './support/browser';
import { openFromMenu } from './support/workspace';
import { startWebMode, type WebMode } from './support/web-mode';

/*
 * 不能审核自己制单的单据 (on as a branch starts), on the document page: the administrator who entered and
 * submitted a receipt sees 审核 greyed out, and pointing at it says why; the manager sees it live and approves.
 * The page shows what the engine's documents.get says (actions, withheldActions), not a rule of its own.
 */
describe('the maker’s 审核 on the document page', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let number = '';
  let id = 0;
  const manager = { username: 'zhaolei', displayName: '赵磊', role: 'manager', password: 'Manager#2026' };

  beforeAll(async () => {
    web = await startWebMode();
    const admin = await setUpBranch(web);
    await createAccount(web, admin, manager);
    const warehouseId = (
      await admin.call<{ id: number }>('warehouses.save', {
        id: null,
        warehouse: { code: 'CK01', name: '一号仓' },
      })
    ).id;
    const supplier = await saveCounterparty(admin, { code: 'GYS01', name: '蒙牛乳业', kind: 'supplier' });
    const milk = await saveMilk(admin);
    const saved = await admin.call<{ id: number; number: string }>('documents.save', {
      id: null,
      document: {
        type: 'purchase_receipt',
        businessDate: '2026-11-20',
        counterpartyId: supplier,
        warehouseId,
        lines: [{ goodsId: milk, unitName: '箱', quantity: '10', unitPrice: '48' }],
      },
    });
    await admin.call('documents.submit', { id: saved.id });
    number = saved.number;
    id = saved.id;
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  const shot = async (name: string) => {
    await waitForAnimations(page);
    await screenshot(page, name);
    const shots = '/work/shots';
    if (fs.existsSync(shots))
      await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  };

  async function openReceipt(): Promise<Locator> {
    await openFromMenu(page, '采购单据');
    await page.getByTestId('document-list-purchase').getByText(number).click();
    const receipt = page.getByTestId('document-page-purchase_receipt');
    await expect.poll(() => receipt.getByTestId('document-number').inputValue()).toBe(number);
    await expect.poll(() => receipt.getByTestId('document-status').first().textContent()).toBe('待审核');
    return receipt;
  }

  test('the maker sees 审核 disabled, and pointing at it says why', async () => {
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
    const receipt = await openReceipt();
    const approve = receipt.getByTestId('document-approve');
    expect(await approve.isDisabled()).toBe(true);
    // 反审核 (back to a draft) is still the maker's to do.
    expect(await receipt.getByTestId('document-unapprove').isEnabled()).toBe(true);
    await receipt.getByTestId('document-approve-withheld').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('不能审核自己制作的单据');
    await shot('minor-maker-approve-withheld');
    expect(pageErrors).toEqual([]);
  });

  test('another approver sees 审核 live and approves', async () => {
    await signInThroughLogin(page, web.url, manager.username, manager.password);
    const receipt = await openReceipt();
    const approve = receipt.getByTestId('document-approve');
    expect(await approve.isEnabled()).toBe(true);
    expect(await receipt.getByTestId('document-approve-withheld').count()).toBe(0);
    await shot('minor-manager-approve-offered');
    await approve.click();
    await expect.poll(() => receipt.getByTestId('document-status').first().textContent()).toBe('已审核');
    const view = await (await managerApi()).call<{ approvedByName: string }>('documents.get', { id });
    expect(view.approvedByName).toBe('赵磊');
    expect(pageErrors).toEqual([]);
  });

  async function managerApi() {
    const api = webApi(web);
    await api.signIn(manager.username, manager.password);
    return api;
  }
});
