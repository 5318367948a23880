import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { administrator, beijingBranch, beijingLedger, callOk, newLedger, testSource } from './support/ledger';
import { act, enterAndApprove, post, refused, stockWorld, type StockWorld } from './support/stock';
import { createAccount } from './support/users';

function movementValues(databasePath: string, kind: string): number[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (
      db.prepare('SELECT value FROM stock_movements WHERE kind = ? ORDER BY posting_date, id').all(kind) as {
        value: number;
      }[]
    ).map((row) => row.value);
  } finally {
    db.close();
  }
}

const receipt = (world: StockWorld, date: string, quantity: string, unitPrice: string) => ({
  type: 'purchase_receipt' as const,
  businessDate: date,
  counterpartyId: world.supplier,
  lines: [{ goodsId: world.milk, warehouseId: world.warehouse1, unitName: '袋', quantity, unitPrice }],
});

const delivery = (world: StockWorld, date: string, quantity: string) => ({
  type: 'sales_delivery' as const,
  businessDate: date,
  counterpartyId: world.customer,
  lines: [{ goodsId: world.milk, warehouseId: world.warehouse1, unitName: '袋', quantity, unitPrice: '3' }],
});

describe('month close', () => {
  it('freezes postings in the closed month until an administrator reopens it', async () => {
    const { engine } = await beijingLedger();
    const world = await stockWorld(engine);
    await post(engine, receipt(world, '2026-01-05', '100', '1'));
    const pending = await enterAndApprove(engine, delivery(world, '2026-01-20', '10'));

    const warned = await refused(engine, 'periods.close', { month: '2026-01' });
    expect(warned.message).toContain('XC20260120-0001');
    // Months close in order and only once they are over (the clock says 2026-03-02).
    expect((await refused(engine, 'periods.close', { month: '2026-03', force: true })).message).toBe(
      '2026-03 尚未结束，不能月结。',
    );
    await act(engine, 'periods.close', { month: '2026-01', force: true });
    expect((await refused(engine, 'periods.close', { month: '2026-01', force: true })).code).toBe('CONFLICT');

    const late = await refused(engine, 'warehouse.confirm', {
      documentId: pending,
      warehouseId: world.warehouse1,
    });
    expect(late.message).toBe(
      '库存流水的日期 2026-01-20 在已月结的 2026-01 或之前，不能过账。请改日期，或由管理员反月结。',
    );
    await act(engine, 'periods.close', { month: '2026-02', force: true });
    expect((await refused(engine, 'periods.reopen', { month: '2026-01' })).message).toBe(
      '只能反月结最近一次月结的 2026-02。',
    );
    await act(engine, 'periods.reopen', { month: '2026-02' });
    await act(engine, 'periods.reopen', { month: '2026-01' });
    await act(engine, 'warehouse.confirm', { documentId: pending, warehouseId: world.warehouse1 });
    expect((await act(engine, 'periods.list', {})).map((row) => row.month)).toEqual([]);
  });

  it('only an administrator may reopen a month', async () => {
    const { engine, adminSession } = await beijingLedger();
    await createAccount(engine, adminSession, {
      username: 'kuaiji',
      displayName: '会计',
      role: 'accountant',
      password: 'Ledger-2026!',
    });
    const session = (await callOk(engine, 'auth.login', { username: 'kuaiji', password: 'Ledger-2026!' }))
      .session;
    await callOk(engine, 'periods.close', { month: '2026-01', force: false }, session);
    const response = await engine.call(
      { method: 'periods.reopen', input: { month: '2026-01' }, session },
      testSource,
    );
    expect(response.ok ? null : response.error.code).toBe('FORBIDDEN');
  });

  it('monthly weighted average revalues the month’s issues at close and re-costs the open month after it', async () => {
    const { engine, databasePath } = await newLedger();
    await callOk(engine, 'setup.createBranch', {
      profile: { ...beijingBranch, defaultCostingMethod: 'monthly_average' },
      administrator,
    });
    const world = await stockWorld(engine);
    await post(engine, receipt(world, '2026-01-05', '100', '1'));
    await post(engine, delivery(world, '2026-01-10', '50'));
    await post(engine, receipt(world, '2026-01-15', '100', '2'));
    await post(engine, delivery(world, '2026-01-20', '100'));
    await post(engine, delivery(world, '2026-02-10', '20'));
    // Provisional, by the moving average: 50 × 1.00; 100 × 250.00 / 150; 20 × 83.33 / 50.
    expect(movementValues(databasePath, 'sales')).toEqual([-5000, -16667, -3333]);

    await act(engine, 'periods.close', { month: '2026-01' });
    // Month average (100.00 + 200.00) / 200 袋 = 1.50: 75.00 and 150.00; 50 袋 left worth 75.00,
    // so February's 20 袋 go out at 1.50 = 30.00.
    expect(movementValues(databasePath, 'sales')).toEqual([-7500, -15000, -3000]);
  });
});
