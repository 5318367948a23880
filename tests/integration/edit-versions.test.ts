import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import type { ApiInput } from '../../src/shared/api';
import path from 'node:path';
import {
  callFailing,
  callOk,
  ManualClock,
  openLedger,
  setUpBeijing,
  signIn,
  tempFolder,
} from './support/ledger';
import { stockWorld } from './support/stock';
import { createAccount } from './support/users';

/*
 * Lost updates (issue 11): two people editing the same goods or draft must not silently overwrite each
 * other. A save of an existing record carries the version it was opened at; a stale one is refused,
 * naming who changed the record and when, and writes nothing.
 */

/** 北京分公司 on a clock reading Beijing time, whatever the machine's zone: the messages name 09:30. */
async function beijingLedger() {
  const clock = new ManualClock('2026-03-02T01:30:00.000Z', 'Asia/Shanghai');
  const engine = await openLedger(path.join(tempFolder(), 'ledger.db'), { clock });
  await setUpBeijing(engine);
  return { engine, clock, adminSession: await signIn(engine) };
}

async function twoClerks(engine: Engine, adminSession: string) {
  for (const [username, displayName] of [
    ['zhangli', '张丽'],
    ['wanggang', '王刚'],
  ] as const) {
    await createAccount(engine, adminSession, {
      username,
      displayName,
      role: 'clerk',
      password: 'Clerk#2026x',
    });
  }
  return {
    zhang: await signIn(engine, 'zhangli', 'Clerk#2026x'),
    wang: await signIn(engine, 'wanggang', 'Clerk#2026x'),
  };
}

type GoodsInput = ApiInput<'goods.save'>['goods'];
const milk: GoodsInput = {
  code: 'SP001',
  name: '鲜牛奶',
  units: [
    { name: '袋', ratio: '1', isBase: true },
    { name: '箱', ratio: '24', isBase: false, salePrice: '33.60' },
  ],
};

describe('a save opened before someone else’s change', () => {
  it('of a goods is refused with who changed it and when, and leaves their change in place', async () => {
    const { engine, adminSession, clock } = await beijingLedger();
    const { zhang, wang } = await twoClerks(engine, adminSession);
    const created = await callOk(engine, 'goods.save', { id: null, goods: milk }, zhang);
    expect(created.version).toBe(1);

    // Both open the form.
    const openedByZhang = await callOk(engine, 'goods.get', { id: created.id }, zhang);
    const openedByWang = await callOk(engine, 'goods.get', { id: created.id }, wang);

    // 10:05 Beijing time: 王刚 saves a new price first.
    clock.advance(35 * 60_000);
    const byWang = await callOk(
      engine,
      'goods.save',
      {
        id: created.id,
        version: openedByWang.version,
        goods: { ...milk, units: [milk.units[0]!, { ...milk.units[1]!, salePrice: '34.80' }] },
      },
      wang,
    );
    expect(byWang.version).toBe(2);

    // 张丽 saves what she opened before it: refused, nothing of hers written.
    const stale = await callFailing(
      engine,
      'goods.save',
      { id: created.id, version: openedByZhang.version, goods: { ...milk, name: '鲜牛奶（新包装）' } },
      zhang,
    );
    expect(stale).toEqual({
      code: 'STALE',
      message:
        '商品【SP001 鲜牛奶】在您打开后已被 王刚 于 2026-03-02 10:05 修改。请重新打开，看过对方的修改后再保存；您这次的修改未保存。',
      details: { version: 2, openedAt: 1, changedBy: '王刚', changedAt: '2026-03-02T02:05:00.000Z' },
    });
    const now = await callOk(engine, 'goods.get', { id: created.id }, zhang);
    expect(now).toMatchObject({ name: '鲜牛奶', version: 2 });
    expect(now.units[0]).toMatchObject({ name: '箱', salePrice: '34.80' });

    // Opened again, her save goes through.
    const again = await callOk(
      engine,
      'goods.save',
      { id: created.id, version: now.version, goods: { ...milk, name: '鲜牛奶（新包装）' } },
      zhang,
    );
    expect(again).toMatchObject({ name: '鲜牛奶（新包装）', version: 3 });
  });

  it('of a goods disabled meanwhile is stale too: every write of the record moves its version', async () => {
    const { engine, adminSession } = await beijingLedger();
    const opened = await callOk(engine, 'goods.save', { id: null, goods: milk }, adminSession);
    await callOk(
      engine,
      'masterData.setActive',
      { entity: 'goods', id: opened.id, active: false },
      adminSession,
    );
    const stale = await callFailing(
      engine,
      'goods.save',
      { id: opened.id, version: opened.version, goods: { ...milk, active: true } },
      adminSession,
    );
    expect(stale.code).toBe('STALE');
    expect((await callOk(engine, 'goods.get', { id: opened.id }, adminSession)).active).toBe(false);
  });

  it('of a counterparty, a warehouse, an office or an employee is refused the same way', async () => {
    const { engine, adminSession } = await beijingLedger();
    const { zhang, wang } = await twoClerks(engine, adminSession);
    const cases = [
      {
        method: 'counterparties.save',
        key: 'counterparty',
        record: { code: 'KH001', name: '华联超市', kind: 'customer' },
      },
      { method: 'warehouses.save', key: 'warehouse', record: { code: 'CK01', name: '一号仓' } },
      { method: 'offices.save', key: 'office', record: { code: 'BSC01', name: '城东办事处' } },
      { method: 'employees.save', key: 'employee', record: { code: 'ZY001', name: '王强' } },
    ] as const;
    for (const { method, key, record } of cases) {
      const created = (await callOk(engine, method, { id: null, [key]: record } as never, adminSession)) as {
        id: number;
        version: number;
      };
      const edit = (name: string, session: string) =>
        callOk(
          engine,
          method,
          { id: created.id, version: created.version, [key]: { ...record, name } } as never,
          session,
        );
      await edit(`${record.name}（王）`, wang);
      const stale = await callFailing(
        engine,
        method,
        { id: created.id, version: created.version, [key]: { ...record, name: `${record.name}（张）` } },
        zhang,
      );
      expect(stale.code, method).toBe('STALE');
      expect(stale.message, method).toContain(`已被 王刚 于 2026-03-02 09:30 修改`);
    }
  });

  it('of a draft document is refused, and submitting or saving it moves its version', async () => {
    const { engine, adminSession } = await beijingLedger();
    const { zhang, wang } = await twoClerks(engine, adminSession);
    const world = await stockWorld(engine);
    const receipt = (quantity: string): ApiInput<'documents.save'>['document'] => ({
      type: 'purchase_receipt',
      businessDate: '2026-03-02',
      counterpartyId: world.supplier,
      warehouseId: world.warehouse1,
      lines: [{ goodsId: world.milk, unitName: '箱', quantity, unitPrice: '30' }],
    });
    const saved = await callOk(engine, 'documents.save', { id: null, document: receipt('10') }, zhang);
    expect(saved.version).toBe(1);
    const opened = await callOk(engine, 'documents.get', { id: saved.id }, wang);
    expect(opened.version).toBe(1);

    const byZhang = await callOk(
      engine,
      'documents.save',
      { id: saved.id, version: saved.version, document: receipt('12') },
      zhang,
    );
    expect(byZhang.version).toBe(2);
    const stale = await callFailing(
      engine,
      'documents.save',
      { id: saved.id, version: opened.version, document: receipt('20') },
      wang,
    );
    expect(stale.code).toBe('STALE');
    expect(stale.message).toBe(
      `采购入库单 ${saved.number} 在您打开后已被 张丽 于 2026-03-02 09:30 修改。请重新打开，看过对方的修改后再保存；您这次的修改未保存。`,
    );
    expect((await callOk(engine, 'documents.get', { id: saved.id }, wang)).lines[0]).toMatchObject({
      quantity: '12',
    });

    // Submitted and taken back to draft by someone else: a save opened before is stale, not silently applied.
    const beforeSubmit = await callOk(engine, 'documents.get', { id: saved.id }, wang);
    await callOk(engine, 'documents.submit', { id: saved.id }, zhang);
    const afterSubmit = await callOk(engine, 'documents.get', { id: saved.id }, wang);
    expect(afterSubmit.version).toBeGreaterThan(beforeSubmit.version);
    expect(
      (
        await callFailing(
          engine,
          'documents.save',
          { id: saved.id, version: beforeSubmit.version, document: receipt('30') },
          wang,
        )
      ).code,
    ).toBe('STALE');
  });

  it('without the version it was opened at is refused as incomplete', async () => {
    const { engine, adminSession } = await beijingLedger();
    const created = await callOk(engine, 'goods.save', { id: null, goods: milk }, adminSession);
    expect(
      await callFailing(engine, 'goods.save', { id: created.id, goods: milk }, adminSession),
    ).toMatchObject({
      code: 'VALIDATION',
      details: {
        issues: [{ path: ['version'], message: '修改已有的记录须带上打开它时的版本号（version）。' }],
      },
    });
  });
});
