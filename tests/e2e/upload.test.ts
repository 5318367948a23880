import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, setUpBranch } from './support/api';
import { launchChromium, openWorkspacePage, signInThroughLogin } from './support/browser';
import { startWebMode, type WebMode } from './support/web-mode';
import { workspaceDriver } from './support/workspace';

/*
 * 上传总部 as the administrator meets it: the badge says 未设置总部; 上传设置 refuses an http:// address and a
 * short fingerprint on their fields, then takes https://127.0.0.1:1/ (a port nothing listens on), a
 * fingerprint and a secret; 立即上传 fails and says why in Chinese (连不上总部…) with what to do, and the
 * badge turns orange. Head office is asked where it stands before anything is built, so the package the
 * branch waits with comes from 导出上传包 (which builds one when none waits), written to a folder on disk.
 * Last, the branch is left as head office's refusal of that package leaves it (written into the file, as
 * upload-run records a 409 epoch_behind, with the clock offset a skew answer stores): the badge turns red,
 * the page says the clock is slow, and 重新上传 offers the package again.
 */

/** What upload-run writes when head office refuses a package for good: the package and the progress. */
function recordRefusal(databasePath: string, skewMs: number): void {
  const at = new Date().toISOString();
  const failure = {
    code: 'epoch_behind',
    status: 409,
    retry: false,
    message: '总部已有本机构更新的数据批次（可能另一台电脑在用同一机构编码上传）。',
    action: '请确认只有这一台电脑以本机构编码上传，然后点“重新上传”。',
    at,
    detail: 'epoch 2 is ahead of 1',
  };
  const sqlite = new Database(databasePath);
  try {
    sqlite
      .prepare(
        "UPDATE upload_outbox SET state = 'rejected', attempts = 1, last_attempt_at = ?, last_error = ?",
      )
      .run(at, JSON.stringify(failure));
    const progress = JSON.parse(
      (sqlite.prepare("SELECT value FROM settings WHERE key = 'upload_progress'").pluck().get() as string) ??
        '{}',
    ) as Record<string, unknown>;
    sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'upload_progress'").run(
      JSON.stringify({
        ...progress,
        blocked: true,
        lastError: failure,
        failuresInRow: 0,
        nextAttemptAt: null,
        skewMs,
      }),
    );
  } finally {
    sqlite.close();
  }
}

const fingerprint = `${'A'.repeat(43)}=`;
const secret = 'hq-secret-0123456789';

describe('上传总部: badge, settings, a failed upload explained, export', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let exportFolder: string;
  const { shot, rowTexts } = workspaceDriver(() => page);
  const badge = () => page.getByTestId('upload-badge');
  const statusCard = () => page.getByTestId('upload-status');

  beforeAll(async () => {
    web = await startWebMode();
    await setUpBranch(web);
    exportFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-upload-export-'));
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    if (exportFolder) fs.rmSync(exportFolder, { recursive: true, force: true });
  });

  test('a branch with no head office set says so in the top bar', async () => {
    await expect.poll(() => badge().textContent()).toBe('未设置总部');
    expect(await badge().getAttribute('data-health')).toBe('notConfigured');
    await shot('upload-badge-not-configured');
    expect(pageErrors).toEqual([]);
  });

  test('上传设置 shows the engine’s refusals on their fields, then saves', async () => {
    await badge().click();
    await page.getByRole('tab', { name: '上传设置' }).click();
    const settings = page.getByTestId('upload-settings');
    await settings.getByLabel('总部地址').fill('http://127.0.0.1:1/');
    await settings.getByLabel('证书指纹').fill('abc');
    await settings.getByRole('button', { name: /保\s*存/ }).click();
    const explain = (label: string) =>
      settings
        .locator('.ant-form-item')
        .filter({ has: page.getByLabel(label) })
        .locator('.ant-form-item-explain');
    await expect.poll(() => explain('总部地址').textContent()).toBe('总部地址须为 https:// 开头的网址');
    await expect
      .poll(() => explain('证书指纹').textContent())
      .toBe('证书指纹应为 44 位 base64（SPKI sha256）');

    await settings.getByLabel('总部地址').fill('https://127.0.0.1:1/');
    await settings.getByLabel('证书指纹').fill(fingerprint);
    await settings
      .locator('input[data-testid="upload-secret"], [data-testid="upload-secret"] input')
      .first()
      .fill(secret);
    expect(await settings.textContent()).toContain('未设置');
    await settings.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message').getByText('已保存').waitFor();
    // The secret is never read back: the form says it is set and its box is empty again.
    await expect.poll(() => settings.locator('.ant-space-compact').textContent()).toContain('已设置');
    expect(
      await settings
        .locator('input[data-testid="upload-secret"], [data-testid="upload-secret"] input')
        .first()
        .inputValue(),
    ).toBe('');
    // Both refusals were answered by this save: neither stays beside its field.
    await expect.poll(() => settings.locator('.ant-form-item-explain-error').count()).toBe(0);
    await expect
      .poll(() => badge().textContent())
      .toMatch(/^无待上传 · 尚未成功上传 · 下次上传 \d\d-\d\d \d\d:\d\d$/);
    // The workspace scrolls inside its content pane: back to the top, where the tabs are.
    await page.locator('.ant-layout-content').evaluate((pane) => pane.scrollTo(0, 0));
    await shot('upload-settings');
    expect(pageErrors).toEqual([]);
  });

  test('立即上传 to a head office nobody answers at is explained, its package waits, and the badge turns orange', async () => {
    await page.getByRole('tab', { name: '上传状态' }).click();
    await statusCard().getByRole('button', { name: '立即上传' }).click();
    const lastError = page.getByTestId('upload-last-error');
    await expect.poll(() => lastError.textContent()).toContain('连不上总部：对方没有在该地址和端口接收。');
    expect(await lastError.textContent()).toContain(
      '怎么办：会自动重试；请确认总部地址正确、总部接收程序在运行。',
    );
    await page.locator('.ant-message').getByText('上传未完成：连不上总部', { exact: false }).waitFor();
    expect(await page.getByTestId('upload-state').textContent()).toBe('上次上传未成功，会自动重试');
    await expect.poll(() => badge().getAttribute('data-health')).toBe('retrying');
    // The run built its package before it tried head office: it waits in the outbox, and the badge counts it.
    expect(await badge().textContent()).toMatch(
      /^待上传 1 个包 · 最早 \d\d-\d\d \d\d:\d\d · 尚未成功上传 · 下次尝试 \d\d-\d\d \d\d:\d\d$/,
    );
    expect(pageErrors).toEqual([]);
  });

  test('导出上传包 builds the package, writes it to the folder, and the branch waits with it', async () => {
    await statusCard().getByRole('button', { name: '导出上传包' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('导出到文件夹').fill(exportFolder);
    await dialog.getByRole('button', { name: /导\s*出/ }).click();
    const exported = dialog.getByTestId('exported-files');
    await expect.poll(() => exported.textContent()).toContain('已导出 1 个文件');
    const [file] = (await rowTexts(exported))[0] ?? [];
    expect(file).toBe(path.join(exportFolder, 'BJ01-1-000001.blpkg'));
    // The exact gzip bytes an upload would send.
    const bytes = fs.readFileSync(file!);
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    await shot('upload-export');
    await dialog.getByRole('button', { name: /完\s*成/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const packages = page.getByTestId('upload-packages');
    await expect.poll(async () => (await rowTexts(packages)).length).toBe(1);
    const [row] = await rowTexts(packages);
    expect(row?.slice(0, 2)).toEqual(['1', '1']);
    expect(row).toContain('待发送');
    expect(row?.join(' ')).toContain('完整快照');
    await expect.poll(() => badge().textContent()).toMatch(/^待上传 1 个包 · 最早 \d\d-\d\d \d\d:\d\d/);
    expect(await page.getByTestId('upload-status').textContent()).toContain('1 个包');
    expect(pageErrors).toEqual([]);
  });

  test('立即上传 again keeps the package waiting; the badge says what waits and why in its tooltip', async () => {
    await statusCard().getByRole('button', { name: '立即上传' }).click();
    await page.locator('.ant-message').getByText('上传未完成：连不上总部', { exact: false }).waitFor();
    await expect
      .poll(() => badge().textContent())
      .toMatch(/^待上传 1 个包 · 最早 \d\d-\d\d \d\d:\d\d · 尚未成功上传 · 下次尝试 \d\d-\d\d \d\d:\d\d$/);
    expect(await badge().getAttribute('data-health')).toBe('retrying');
    const [row] = await rowTexts(page.getByTestId('upload-packages'));
    expect(row).toContain('待发送');
    await shot('upload-page');
    await badge().hover();
    const tooltip = page.locator('.ant-tooltip').filter({ hasText: '连不上总部' });
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain('怎么办：会自动重试');
    await shot('upload-badge-pending');
    expect(pageErrors).toEqual([]);
  });

  test('a refusal waiting for the person is red, the slow clock is said, and 重新上传 offers the package again', async () => {
    // 2 小时 3 分 behind head office.
    recordRefusal(web.databasePath, (2 * 60 + 3) * 60_000);
    await expect.poll(() => badge().getAttribute('data-health'), { timeout: 45_000 }).toBe('blocked');
    expect(await badge().textContent()).toMatch(
      /^上传被拒，待处理 · 待上传 1 个包 · 最早 \d\d-\d\d \d\d:\d\d · 尚未成功上传$/,
    );
    await page.reload();
    await page.getByTestId('upload-status').waitFor();
    expect(await page.getByTestId('upload-state').textContent()).toBe('总部拒收，需要处理后再上传');
    expect(await statusCard().textContent()).toContain('本机时钟比总部慢 2 小时 3 分');
    const lastError = page.getByTestId('upload-last-error');
    expect(await lastError.textContent()).toContain('总部已有本机构更新的数据批次');
    expect(await lastError.textContent()).toContain(
      '怎么办：请确认只有这一台电脑以本机构编码上传，然后点“重新上传”。',
    );
    const packages = page.getByTestId('upload-packages');
    const [row] = await rowTexts(packages);
    expect(row).toContain('被拒收');
    expect(row).toContain('总部已有本机构更新的数据批次（可能另一台电脑在用同一机构编码上传）。');
    await badge().hover();
    await page.locator('.ant-tooltip').filter({ hasText: '总部已有本机构更新的数据批次' }).waitFor();
    await shot('upload-blocked');
    await page.mouse.move(700, 600);

    await packages.getByRole('button', { name: '重新上传' }).click();
    await page.locator('.ant-message').getByText('已重新排入上传，将在下次上传时发送').waitFor();
    await expect.poll(async () => (await rowTexts(packages))[0]).toContain('待发送');
    await expect.poll(() => badge().getAttribute('data-health')).not.toBe('blocked');
    expect(pageErrors).toEqual([]);
  });
});
