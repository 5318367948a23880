/// <reference lib="dom" />
// Callbacks passed to page.waitForFunction run in the browser.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, createAccount, setUpBranch, webApi } from './support/api';
import { saveMilk } from './support/branch-world';
import {
  launchChromium,
  screenshot,
  signInThroughLogin,
  waitForAnimations,
  watchPageErrors,
} from './support/browser';
import { startHqServe, type HqServe } from './support/hq-serve';
import { startWebMode, type WebMode } from './support/web-mode';
import { workspaceDriver } from './support/workspace';

/*
 * The "done when", as a person does it: `npm run hq` runs; `branch add BJ01` prints the secret
 * and the certificate's fingerprint; in the branch (web mode) the administrator pastes the address, the
 * fingerprint and the secret into 上传设置 and presses 立即上传; head office's console then lists the
 * branch as 正常 and its stock: 10 箱 鲜牛奶 received at ¥48, ¥480.00 (the goods has no category: 未分类;
 * categories come in through the goods import, and hq-console.test.ts has them).
 */

type Api = ReturnType<typeof webApi>;

/** A document entered by the administrator, approved by the manager (不能审核自己制单的单据), confirmed. */
async function post(api: Api, approver: Api, document: Record<string, unknown>): Promise<void> {
  const { id } = await api.call<{ id: number }>('documents.save', { id: null, document });
  await api.call('documents.submit', { id });
  await approver.call('documents.approve', { id });
  for (const entry of await api.call<{ documentId: number; warehouseId: number }[]>('warehouse.queue', {})) {
    if (entry.documentId === id)
      await api.call('warehouse.confirm', { documentId: id, warehouseId: entry.warehouseId });
  }
}

describe('立即上传 in a branch, then the branch in head office’s console', () => {
  let hq: HqServe;
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let secret: string;
  let fingerprint: string;
  const { rowTexts, menu } = workspaceDriver(() => page);
  const shot = async (name: string) => {
    await waitForAnimations(page);
    await page.waitForFunction(() => !document.querySelector('.ant-spin-blur, .ant-spin-spinning'));
    await page.waitForTimeout(400);
    await screenshot(page, name);
  };

  beforeAll(async () => {
    hq = await startHqServe();
    const added = await hq.run(['branch', 'add', 'BJ01', '--name', '北京分公司']);
    secret = /密钥（只显示这一次，请妥善转交分支）：(\S+)/.exec(added.stdout)![1]!;
    fingerprint = /公钥指纹（SPKI sha256）：(\S+)/.exec(added.stdout)![1]!;

    web = await startWebMode();
    const api = await setUpBranch(web);
    const manager = { username: 'zhaolei', displayName: '赵磊', role: 'manager', password: 'Manager#2026' };
    await createAccount(web, api, manager);
    const approver = webApi(web);
    await approver.signIn(manager.username, manager.password);
    const warehouseId = (
      await api.call<{ id: number }>('warehouses.save', {
        id: null,
        warehouse: { code: 'CK01', name: '一号仓' },
      })
    ).id;
    const supplierId = (
      await api.call<{ id: number }>('counterparties.save', {
        id: null,
        counterparty: { code: 'GY001', name: '蒙牛乳业', kind: 'supplier' },
      })
    ).id;
    const goodsId = await saveMilk(api);
    await post(api, approver, {
      type: 'purchase_receipt',
      businessDate: '2026-11-20',
      counterpartyId: supplierId,
      lines: [{ goodsId, warehouseId, unitName: '箱', quantity: '10', unitPrice: '48' }],
    });

    browser = await launchChromium();
    // One browser for both: the branch on web mode, head office's console on its self-signed certificate.
    const context = await browser.newContext({
      ignoreHTTPSErrors: true,
      viewport: { width: 1366, height: 860 },
      locale: 'zh-CN',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    pageErrors = watchPageErrors(page);
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await hq?.stop();
  });

  test('the branch pastes address, fingerprint and secret, and 立即上传 sends its package', async () => {
    await page.getByTestId('upload-badge').click();
    await page.getByRole('tab', { name: '上传设置' }).click();
    const settings = page.getByTestId('upload-settings');
    await settings.getByLabel('总部地址').fill(`https://127.0.0.1:${new URL(hq.consoleUrl).port}`);
    await settings.getByLabel('证书指纹').fill(fingerprint);
    await settings
      .locator('input[data-testid="upload-secret"], [data-testid="upload-secret"] input')
      .first()
      .fill(secret);
    await settings.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('.ant-message').getByText('已保存').waitFor();
    await page.getByRole('tab', { name: '上传状态' }).click();
    await page.getByTestId('upload-status').getByRole('button', { name: '立即上传' }).click();
    await page.locator('.ant-message').getByText('已上传 1 个包，还有 0 个待上传').waitFor();
    await expect.poll(() => page.getByTestId('upload-badge').getAttribute('data-health')).toBe('allSent');
    expect(pageErrors).toEqual([]);
  });

  test('the console lists the branch as 正常, with its stock', async () => {
    await page.goto(hq.consoleUrl);
    const branches = page.getByTestId('branches-table');
    await branches.locator('.ant-table-row').first().waitFor();
    const [row] = await rowTexts(branches);
    expect(row!.join(' | ')).toContain('北京分公司BJ01 | 正常');
    expect(row!.join(' | ')).toContain('第 1 代第 1 号');
    await shot('hq-console-after-upload');

    await menu('库存汇总').click();
    const stock = page.getByTestId('summary-stock');
    await stock.locator('.ant-table-row').first().waitFor();
    const november = (await rowTexts(stock)).find((cells) => cells[1] === '2026-11');
    expect(november).toEqual(['北京分公司（BJ01）', '2026-11', '未分类', '¥480.00']);
    await shot('hq-console-after-upload-stock');
    expect(pageErrors).toEqual([]);
  });
});
