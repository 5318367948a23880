import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, screenshot, watchPageErrors } from './support/browser';
import { openFromMenu } from './support/workspace';
import { startWebMode, type WebMode } from './support/web-mode';

const administratorPassword = 'Ledger#2026';

describe('first run in web mode, as a branch administrator would', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    web = await startWebMode();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  test('a new ledger file opens on the setup screen', async () => {
    await page.goto(web.url);
    await expect.poll(() => page.getByText('首次设置').isVisible()).toBe(true);
    // The token is taken out of the address bar at once.
    expect(page.url()).not.toContain('token=');
    await screenshot(page, '01-setup-branch');
  });

  test('the branch profile is validated, then the administrator is created and signed in', async () => {
    await page.getByLabel('机构编码').fill('b');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect
      .poll(() => page.getByText('总部识别本机构的编码，例如 BJ01；设置后不能修改').count())
      .toBeGreaterThan(1);
    await screenshot(page, '02-setup-invalid-code');

    await page.getByLabel('机构编码').fill('bj01');
    await page.getByLabel('机构名称').fill('北京分公司');
    await page.getByLabel('地址').fill('北京市朝阳区建国路 88 号');
    await page.getByLabel('统一核算（全机构一个成本）').check();
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('姓名').fill('系统管理员');
    await page.getByLabel('密码', { exact: true }).fill(administratorPassword);
    await page.getByLabel('确认密码').fill('Ledger#2025');
    await page.getByRole('button', { name: '建立机构' }).click();
    await expect.poll(() => page.getByText('两次输入的密码不一致').isVisible()).toBe(true);
    await screenshot(page, '03-setup-password-mismatch');

    await page.getByLabel('确认密码').fill(administratorPassword);
    await page.getByRole('button', { name: '建立机构' }).click();
    await expect.poll(() => page.getByTestId('header-branch').textContent()).toBe('北京分公司（BJ01）');
    expect(await page.getByTestId('header-user').textContent()).toContain('系统管理员 · 管理员');
    await screenshot(page, '04-shell-after-setup');
  });

  test('after logging out, a wrong password is refused with the attempts left', async () => {
    await page.getByTestId('logout').click();
    await expect.poll(() => page.getByRole('button', { name: '登 录' }).isVisible()).toBe(true);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登 录' }).click();
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toBe('用户名或密码错误，还可再试 4 次。');
    await screenshot(page, '05-login-wrong-password');
  });

  test('the right password opens the shell, and pages open as tabs that stay', async () => {
    await page.getByLabel('密码').fill(administratorPassword);
    await page.getByRole('button', { name: '登 录' }).click();
    await expect.poll(() => page.getByTestId('header-branch').isVisible()).toBe(true);
    // The groups in the navigation: purchase, system, and contracts with their lists (the contract itself
    // opens from a list, not from the navigation).
    const navigation = page.getByTestId('navigation');
    expect(await navigation.textContent()).toContain('系统');
    expect(await navigation.textContent()).toContain('采购');
    expect(await navigation.textContent()).toContain('销售合同');
    expect(await navigation.locator('.ant-menu-item').getByText('合同', { exact: true }).count()).toBe(0);

    await openFromMenu(page, '本机构设置');
    await expect.poll(() => page.getByRole('tab', { name: '本机构设置' }).isVisible()).toBe(true);
    expect(await page.getByLabel('机构名称').inputValue()).toBe('北京分公司');
    expect(await page.getByLabel('机构编码').isDisabled()).toBe(true);
    await expect.poll(() => page.getByText('首次过账后不可修改').count()).toBe(3);
    await screenshot(page, '06-tab-branch-settings');

    await page.getByLabel('电话').fill('010-88886666');
    await page.getByTestId('save-profile').click();
    await expect.poll(() => page.getByText('已保存').isVisible()).toBe(true);

    await navigation.getByText('审计日志').click();
    await expect.poll(() => page.getByRole('tab').count()).toBe(2);
    const auditTable = page.getByRole('table');
    await expect.poll(() => auditTable.textContent()).toContain('修改本机构设置');
    expect(await auditTable.textContent()).toContain('登录失败');
    expect(await auditTable.textContent()).toContain('建立机构');
    await screenshot(page, '07-tab-audit-log');

    // Switching back keeps the first tab as it was.
    await page.getByRole('tab', { name: '本机构设置' }).click();
    expect(await page.getByLabel('电话').inputValue()).toBe('010-88886666');
  });

  test('an online backup is made to the path the administrator types', async () => {
    await openFromMenu(page, '系统信息与备份');
    await expect.poll(() => page.getByRole('tab').count()).toBe(3);
    const details = page.locator('.ant-descriptions');
    await expect.poll(() => details.textContent()).toContain('BJ01');
    expect(await details.textContent()).toContain(web.databasePath);

    await page.getByLabel('备份到').fill('backup-today.db');
    await page.getByRole('button', { name: '立即备份' }).click();
    // The engine's answer lands under the field it concerns.
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').textContent())
      .toContain('请填写完整路径');

    const target = path.join(path.dirname(web.databasePath), 'backups', 'bj01-by-hand.db');
    await page.getByLabel('备份到').fill(target);
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect
      .poll(() => page.getByText(`已备份到 ${target}`, { exact: false }).first().isVisible())
      .toBe(true);
    expect(fs.statSync(target).size).toBeGreaterThan(0);
    await screenshot(page, '08-system-info-backup');
  });

  test('the administrator adds a warehouse keeper in 用户管理', async () => {
    await openFromMenu(page, '用户管理');
    await page.getByRole('button', { name: '新增用户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('keeper1');
    await dialog.getByLabel('姓名').fill('仓管一');
    await dialog.getByLabel('角色').click();
    await page.getByTitle('仓管员').click();
    await dialog.getByLabel('密码').fill('short');
    await dialog.getByRole('button', { name: '保 存' }).click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    await dialog.getByLabel('密码').fill('Keeper#2026');
    await dialog.getByRole('button', { name: '保 存' }).click();
    const accounts = page.getByRole('table');
    await expect.poll(() => accounts.textContent()).toContain('仓管一');
    expect(await accounts.textContent()).toContain('keeper1');
    // A new account's password is the administrator's choice: the keeper replaces it at the first login.
    expect(await accounts.textContent()).toContain('须修改密码');
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await screenshot(page, '09-users');
  });

  test('the language switches to English and back', async () => {
    await page.getByTestId('language-switch').click();
    await page.getByTitle('English').click();
    await expect.poll(() => page.getByRole('tab', { name: 'Branch profile' }).isVisible()).toBe(true);
    expect(await page.getByTestId('logout').textContent()).toContain('Sign out');
    expect(await page.getByTestId('navigation').textContent()).toContain('Audit log');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await screenshot(page, '10-english');

    await page.getByTestId('language-switch').click();
    await page.getByTitle('简体中文').click();
    await expect.poll(() => page.getByRole('tab', { name: '本机构设置' }).isVisible()).toBe(true);
  });

  test('the browser reported no errors on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
