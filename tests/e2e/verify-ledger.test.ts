import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { branchAdministrator, setUpBranch, type webApi } from './support/api';
import {
  launchChromium,
  openWorkspacePage,
  screenshot,
  signInThroughLogin,
  waitForAnimations,
} from './support/browser';
import { openFromMenu } from './support/workspace';
import { saveCounterparty, saveMilk } from './support/branch-world';
import { startWebMode, type WebMode } from './support/web-mode';

/*
 * 校验账簿 on 系统信息与备份: the administrator verifies a ledger the app wrote, then one that someone changed
 * with a sqlite tool behind the app's back (triggers dropped), and is shown the first broken audit entry
 * and the stock books' problems.
 */

/** Posts a purchase receipt of 鲜牛奶 into 一号仓 through the API, as the administrator. */
async function postReceipt(admin: ReturnType<typeof webApi>, ids: Record<string, number>, quantity: string) {
  const { id } = await admin.call<{ id: number }>('documents.save', {
    id: null,
    document: {
      type: 'purchase_receipt',
      businessDate: '2026-03-02',
      counterpartyId: ids.supplier,
      lines: [{ goodsId: ids.milk, warehouseId: ids.warehouse, unitName: '袋', quantity, unitPrice: '2' }],
    },
  });
  await admin.call('documents.submit', { id });
  const { status } = await admin.call<{ status: string }>('documents.get', { id });
  if (status === 'submitted') await admin.call('documents.approve', { id });
  await admin.call('warehouse.confirm', { documentId: id, warehouseId: ids.warehouse });
}

describe('校验账簿 on the system page', () => {
  let web: WebMode;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    web = await startWebMode();
    const admin = await setUpBranch(web);
    // One administrator posts everything here: the branch lets the maker approve.
    await admin.call('settings.update', { forbidSelfApproval: false });
    const ids: Record<string, number> = {
      warehouse: (
        await admin.call<{ id: number }>('warehouses.save', {
          id: null,
          warehouse: { code: 'CK01', name: '一号仓' },
        })
      ).id,
      supplier: await saveCounterparty(admin, { code: 'GY001', name: '蒙牛乳业', kind: 'supplier' }),
      milk: await saveMilk(admin),
    };
    await postReceipt(admin, ids, '48');
    await postReceipt(admin, ids, '24');
    browser = await launchChromium();
    ({ page, pageErrors } = await openWorkspacePage(browser));
    await signInThroughLogin(page, web.url, branchAdministrator.username, branchAdministrator.password);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  test('a ledger as the app wrote it verifies', async () => {
    await openFromMenu(page, '系统信息与备份');
    const card = page.getByTestId('verify-ledger');
    await card.getByRole('button', { name: '开始校验' }).click();
    await expect
      .poll(() => card.textContent())
      .toMatch(/账簿完整：审计日志 \d+ 条、库存流水 2 条、库存余额 1 条，未发现改动。/);
    await card.scrollIntoViewIfNeeded();
    await waitForAnimations(page);
    await screenshot(page, 'verify-ok');
    expect(pageErrors).toEqual([]);
  });

  test('after an edit with a sqlite tool, the first broken entry and the stock problems are named', async () => {
    const sqlite = new Database(web.databasePath);
    try {
      for (const name of sqlite
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'")
        .pluck()
        .all() as string[]) {
        sqlite.exec(`DROP TRIGGER "${name}"`);
      }
      sqlite.prepare("UPDATE audit_log SET username = 'nobody' WHERE action = 'goods.create'").run();
      sqlite.prepare('UPDATE stock_movements SET quantity = quantity * 100 WHERE id = 2').run();
      sqlite.prepare('UPDATE stock_balances SET quantity = quantity + 99 * 2400').run();
    } finally {
      sqlite.close();
    }
    const card = page.getByTestId('verify-ledger');
    await card.getByRole('button', { name: '开始校验' }).click();
    await expect.poll(() => card.textContent()).toContain('账簿校验未通过');
    const broken = card.locator('.ant-descriptions');
    expect(await broken.textContent()).toMatch(/第一条出问题的审计日志：第 \d+ 条/);
    expect(await broken.textContent()).toContain('内容与它的哈希不符，这一条被改动过。');
    const problems = card.locator('.ant-list');
    // The movement ×100 with its balance changed to match: the costing state no longer adds up.
    expect(await problems.textContent()).toContain('库存账发现 1 处问题');
    expect(await problems.textContent()).toContain('商品【鲜牛奶】在【一号仓】的成本状态为 3箱');
    await card.scrollIntoViewIfNeeded();
    await waitForAnimations(page);
    await screenshot(page, 'verify-broken');
    expect(pageErrors).toEqual([]);
  });
});
