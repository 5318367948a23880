import type { Browser, Page } from 'playwright-core';
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
import { startWebMode, type WebMode } from './support/web-mode';

/*
 * 角色与权限, as the administrator would use it: the branch decides its clerks create goods but do not
 * change them, unticks 基础资料·修改 for 信息员, and the clerk's next save of an existing goods is refused
 * by the engine, naming the permission.
 */
describe('角色与权限 in web mode', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    web = await startWebMode();
    const admin = await setUpBranch(web);
    await createAccount(web, admin, {
      username: 'liwei',
      displayName: '李伟',
      role: 'clerk',
      password: 'Clerk#2026x',
    });
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

  test('the seven shipped roles are listed; 信息员 loses 基础资料·修改', async () => {
    await openFromMenu(page, '角色与权限');
    const table = page.getByTestId('roles-table');
    await expect.poll(() => table.locator('.ant-table-row').count()).toBe(7);
    expect(await table.textContent()).toContain('只读');
    await shot('roles-01-list');

    await table
      .locator('.ant-table-row', { hasText: '信息员' })
      .getByRole('button', { name: '编辑' })
      .click();
    const edit = page.getByTestId('permission-masterData.edit');
    await expect.poll(() => edit.isChecked()).toBe(true);
    await edit.uncheck();
    await shot('roles-02-edit-clerk');
    await page.getByTestId('role-save').click();
    await expect.poll(() => page.getByText('已保存角色【信息员】').isVisible()).toBe(true);

    // The clerk creates a goods, then may not change it.
    const clerk = webApi(web);
    await clerk.signIn('liwei', 'Clerk#2026x');
    const saved = await clerk.call<{ id: number; version: number }>('goods.save', {
      id: null,
      goods: { code: 'SP001', name: '鲜牛奶', units: [{ name: '袋', ratio: '1', isBase: true }] },
    });
    await expect(
      clerk.call('goods.save', {
        id: saved.id,
        version: saved.version,
        goods: { code: 'SP001', name: '鲜牛奶（改）', units: [{ name: '袋', ratio: '1', isBase: true }] },
      }),
    ).rejects.toThrow('当前用户没有权限执行此操作（goods.save：基础资料·修改）。');
    expect(pageErrors).toEqual([]);
  });

  test('the system page holds backups, restore and 校验账簿', async () => {
    await openFromMenu(page, '系统信息与备份');
    await expect.poll(() => page.getByTestId('verify-ledger').isVisible()).toBe(true);
    await shot('roles-03-system-page');
    expect(pageErrors).toEqual([]);
  });
});
