import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setUpBranch } from './support/api';
import { launchChromium, openWorkspacePage, screenshot, waitForAnimations } from './support/browser';
import { startWebMode, type WebMode } from './support/web-mode';

const keeper = { username: 'keeper1', displayName: '仓管一', role: 'keeper', password: 'Keeper#2026' };
const resetPassword = 'Reset#2026';
const ownPassword = 'Mine#2026x';
const laterPassword = 'Mine#2027x';
const clerk = { username: 'liwei', displayName: '李伟', role: 'clerk', password: 'Given#2026' };

/** The screens of this flow, also kept where the reviewer looks (when that folder exists). */
async function shot(page: Page, name: string): Promise<void> {
  await waitForAnimations(page);
  await screenshot(page, name);
  const shots = '/work/shots';
  if (fs.existsSync(shots)) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

describe('修改密码, and the change a reset password forces', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    web = await startWebMode();
    const admin = await setUpBranch(web);
    const { id } = await admin.call<{ id: number }>('users.create', keeper);
    await admin.call('users.resetPassword', { id, password: resetPassword });
    await admin.call('users.create', clerk);
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  test('after the administrator reset it, the keeper must choose a password before anything else', async () => {
    await page.goto(web.url);
    await page.getByLabel('用户名').fill(keeper.username);
    await page.getByLabel('密码').fill(resetPassword);
    await page.getByRole('button', { name: '登 录' }).click();
    // Signing in hashes at OWASP's cost, which a loaded machine takes a moment over.
    await page.getByText('请先修改密码', { exact: true }).waitFor();
    await shot(page, 'auth-forced-change');
    expect(await page.getByTestId('header-branch').count()).toBe(0);

    // Tab goes from field to field, never to the eye icons between them.
    await page.getByLabel('当前密码').fill('Wrong#2026');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await page.getByLabel('新密码', { exact: true }).getAttribute('id'),
    );
    await page.keyboard.type(ownPassword);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await page.getByLabel('确认新密码').getAttribute('id'),
    );
    await page.keyboard.type(ownPassword);
    await page.getByTestId('change-password-submit').click();
    await page.getByText('当前密码不正确', { exact: true }).waitFor();
    await shot(page, 'auth-forced-change-wrong-current');

    await page.getByLabel('当前密码').fill(resetPassword);
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('header-user').waitFor();
    expect(await page.getByTestId('header-user').textContent()).toContain('仓管一 · 仓管员');
  });

  test('修改密码 from the header: checked as typed, then changed without signing this desk out', async () => {
    await page.getByTestId('change-password').click();
    const dialog = page.getByTestId('change-password-dialog');
    await dialog.getByLabel('当前密码').fill(ownPassword);
    await dialog.getByLabel('新密码', { exact: true }).fill(laterPassword);
    await dialog.getByLabel('确认新密码').fill('Mine#2028x');
    await page.getByRole('button', { name: '确定修改' }).click();
    await expect.poll(() => dialog.getByText('两次输入的密码不一致').isVisible()).toBe(true);
    await shot(page, 'auth-change-password-mismatch');

    await dialog.getByLabel('确认新密码').fill(laterPassword);
    await shot(page, 'auth-change-password-dialog');
    await page.getByRole('button', { name: '确定修改' }).click();
    await page.getByText('密码已修改，其他登录已全部退出').waitFor();
    expect(await page.getByTestId('header-user').textContent()).toContain('仓管一');

    // The tab keeps the session the change answered: a reload stays signed in.
    await page.reload();
    await page.getByTestId('header-user').waitFor();
    expect(await page.getByTestId('header-user').textContent()).toContain('仓管一');
    await page.getByTestId('logout').click();
    await page.getByLabel('用户名').fill(keeper.username);
    await page.getByLabel('密码').fill(laterPassword);
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByTestId('header-user').waitFor();
    expect(pageErrors).toEqual([]);
  });

  test('a new user the administrator created chooses their own password at the first login', async () => {
    await page.getByTestId('logout').click();
    await page.getByLabel('用户名').fill(clerk.username);
    await page.getByLabel('密码').fill(clerk.password);
    await page.getByRole('button', { name: '登 录' }).click();
    await page.getByText('请先修改密码', { exact: true }).waitFor();
    expect(await page.getByText('李伟，您的密码是管理员设置的。').count()).toBe(1);
    expect(await page.getByTestId('header-branch').count()).toBe(0);
    await shot(page, 'minor-new-user-first-login');

    await page.getByLabel('当前密码').fill(clerk.password);
    await page.getByLabel('新密码', { exact: true }).fill(ownPassword);
    await page.getByLabel('确认新密码').fill(ownPassword);
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('header-user').waitFor();
    expect(await page.getByTestId('header-user').textContent()).toContain('李伟 · 信息员');
    expect(pageErrors).toEqual([]);
  });
});
