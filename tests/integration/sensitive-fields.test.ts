import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { beijingLedger, callFailing, callOk, signIn } from './support/ledger';
import { addUser } from './support/users';

/**
 * Fields that guard the branch's money change only with their own permission (issue 11): a clerk keeps
 * master data but cannot raise 华联超市's credit limit from 50,000.00 to 99,999,999.00, lower 鲜牛奶's
 * lowest price per 箱 from 30.00 to 0.01, or name the keepers of 一号仓. The accountant holds
 * 信用额度·修改; the administrator holds everything. Saves that leave those fields alone go through.
 */

const password = 'Ledger-2026!';

async function staff(engine: Engine, username: string, displayName: string, role: string): Promise<string> {
  await addUser(engine, { username, displayName, role, password });
  return signIn(engine, username, password);
}

async function branch() {
  const { engine, adminSession } = await beijingLedger();
  const customer = await callOk(
    engine,
    'counterparties.save',
    { id: null, counterparty: { code: 'KH001', name: '华联超市', kind: 'customer', creditLimit: '50000' } },
    adminSession,
  );
  const milk = await callOk(
    engine,
    'goods.save',
    {
      id: null,
      goods: {
        code: 'SP001',
        name: '鲜牛奶',
        units: [
          { name: '袋', ratio: '1', isBase: true, salePrice: '2', minSalePrice: '1.5' },
          { name: '箱', ratio: '24', isBase: false, salePrice: '40', minSalePrice: '30' },
        ],
      },
    },
    adminSession,
  );
  const warehouse = await callOk(
    engine,
    'warehouses.save',
    { id: null, warehouse: { code: 'CK01', name: '一号仓' } },
    adminSession,
  );
  const clerk = await staff(engine, 'lixiaoyun', '李晓云', 'clerk');
  return { engine, adminSession, customer, milk, warehouse, clerk };
}

describe('credit limits', () => {
  it('a clerk cannot raise a credit limit to 99,999,999', async () => {
    const { engine, customer, clerk } = await branch();
    const error = await callFailing(
      engine,
      'counterparties.save',
      {
        id: customer.id,
        version: customer.version,
        counterparty: { code: 'KH001', name: '华联超市', kind: 'customer', creditLimit: '99999999' },
      },
      clerk,
    );
    expect(error).toEqual({
      code: 'FORBIDDEN',
      message:
        '没有修改信用额度的权限：往来单位【KH001 华联超市】的信用额度不能由 50,000.00 改为 99,999,999.00。' +
        '请由有【信用额度·修改】权限的人修改。',
      details: { permission: 'creditLimit.edit', field: 'creditLimit' },
    });
    const stored = await callOk(engine, 'counterparties.get', { id: customer.id }, clerk);
    expect(stored.creditLimit).toBe('50000.00');
  });

  it('a clerk cannot set one on a new customer, nor clear one, but saves a customer with its limit kept', async () => {
    const { engine, customer, clerk } = await branch();
    const created = await callFailing(
      engine,
      'counterparties.save',
      { id: null, counterparty: { code: 'KH002', name: '物美超市', kind: 'customer', creditLimit: '80000' } },
      clerk,
    );
    expect(created.message).toContain('往来单位【KH002 物美超市】的信用额度不能设为 80,000.00。');
    const cleared = await callFailing(
      engine,
      'counterparties.save',
      {
        id: customer.id,
        version: customer.version,
        counterparty: { code: 'KH001', name: '华联超市', kind: 'customer', creditLimit: null },
      },
      clerk,
    );
    expect(cleared.message).toContain('信用额度不能由 50,000.00 改为 不限。');

    const renamed = await callOk(
      engine,
      'counterparties.save',
      {
        id: customer.id,
        version: customer.version,
        counterparty: {
          code: 'KH001',
          name: '华联超市（朝阳店）',
          kind: 'customer',
          creditLimit: '50000.00',
          address: '朝阳路 1 号',
        },
      },
      clerk,
    );
    expect(renamed).toMatchObject({ name: '华联超市（朝阳店）', creditLimit: '50000.00' });
    const noLimit = await callOk(
      engine,
      'counterparties.save',
      { id: null, counterparty: { code: 'KH003', name: '家乐福', kind: 'customer' } },
      clerk,
    );
    expect(noLimit.creditLimit).toBeNull();
  });

  it('the accountant, who holds 信用额度·修改, raises it', async () => {
    const { engine, customer } = await branch();
    const accountant = await staff(engine, 'wangfang', '王芳', 'accountant');
    const saved = await callOk(
      engine,
      'counterparties.save',
      {
        id: customer.id,
        version: customer.version,
        counterparty: { code: 'KH001', name: '华联超市', kind: 'customer', creditLimit: '80000' },
      },
      accountant,
    );
    expect(saved.creditLimit).toBe('80000.00');
  });

  it('an import by a clerk that raises a credit limit is refused at the 信用额度 cell', async () => {
    const { engine, clerk } = await branch();
    const file = Buffer.from(['编码,名称,类型,信用额度', 'KH001,华联超市,客户,99999999'].join('\r\n'));
    const outcome = await callOk(
      engine,
      'import.commit',
      { entity: 'counterparties', fileName: '客户.csv', contentBase64: file.toString('base64') },
      clerk,
    );
    expect(outcome).toMatchObject({
      status: 'refused',
      errors: [
        {
          row: 2,
          column: '信用额度',
          message:
            '没有修改信用额度的权限：往来单位【KH001 华联超市】的信用额度不能由 50,000.00 改为 99,999,999.00。' +
            '请由有【信用额度·修改】权限的人修改。',
        },
      ],
    });
  });
});

describe('lowest sale prices', () => {
  const milkWith = (boxMinimum: string) => ({
    code: 'SP001',
    name: '鲜牛奶',
    units: [
      { name: '袋', ratio: '1', isBase: true, salePrice: '2', minSalePrice: '1.5' },
      { name: '箱', ratio: '24', isBase: false, salePrice: '40', minSalePrice: boxMinimum },
    ],
  });

  it('a clerk cannot lower one to 0.01, but saves the goods with its prices kept', async () => {
    const { engine, milk, clerk } = await branch();
    const error = await callFailing(
      engine,
      'goods.save',
      { id: milk.id, version: milk.version, goods: milkWith('0.01') },
      clerk,
    );
    expect(error).toEqual({
      code: 'FORBIDDEN',
      message:
        '没有修改最低售价的权限：商品【SP001 鲜牛奶】单位【箱】的最低售价不能由 30.00 改为 0.01。' +
        '请由有【最低售价·修改】权限的人修改。',
      details: { permission: 'minSalePrice.edit', field: 'units', unit: '箱' },
    });
    const kept = await callOk(
      engine,
      'goods.save',
      { id: milk.id, version: milk.version, goods: { ...milkWith('30'), spec: '250ml' } },
      clerk,
    );
    expect(kept).toMatchObject({ spec: '250ml' });
    expect(kept.units.map((unit) => unit.minSalePrice)).toEqual(['30.00', '1.50']);
  });

  it('a manager given 基础资料·修改 lowers it, holding 最低售价·修改', async () => {
    const { engine, adminSession, milk } = await branch();
    // The shipped 经理 approves rather than keeps master data; here the branch lets a manager do both.
    const { roles } = await callOk(engine, 'roles.list', {}, adminSession);
    const manager = roles.find((role) => role.code === 'manager')!;
    await callOk(
      engine,
      'roles.save',
      {
        id: manager.id,
        version: manager.version,
        role: { ...manager, permissions: [...manager.permissions, 'masterData.edit'] },
      },
      adminSession,
    );
    const session = await staff(engine, 'zhaolei', '赵磊', 'manager');
    const saved = await callOk(
      engine,
      'goods.save',
      { id: milk.id, version: milk.version, goods: milkWith('28') },
      session,
    );
    expect(saved.units.map((unit) => unit.minSalePrice)).toEqual(['28.00', '1.50']);
  });

  it('an import by a clerk that lowers it is refused at the 最低售价 cell', async () => {
    const { engine, clerk } = await branch();
    const file = Buffer.from(
      ['商品编码,商品名称,基本单位,大单位,大单位换算率,大单位最低售价', 'SP001,鲜牛奶,袋,箱,24,0.01'].join(
        '\r\n',
      ),
    );
    const outcome = await callOk(
      engine,
      'import.commit',
      { entity: 'goods', fileName: '商品.csv', contentBase64: file.toString('base64') },
      clerk,
    );
    expect(outcome).toMatchObject({
      status: 'refused',
      errors: [
        {
          row: 2,
          column: '大单位最低售价',
          message:
            '没有修改最低售价的权限：商品【SP001 鲜牛奶】单位【箱】的最低售价不能由 30.00 改为 0.01。' +
            '请由有【最低售价·修改】权限的人修改。',
        },
      ],
    });
  });
});

describe('warehouse keepers', () => {
  it('a clerk cannot name the keepers, but saves the warehouse with them kept', async () => {
    const { engine, warehouse, clerk } = await branch();
    const keeperId = (
      engine.db.$client.prepare("SELECT id FROM users WHERE username = 'lixiaoyun'").get() as { id: number }
    ).id;
    const error = await callFailing(
      engine,
      'warehouses.save',
      {
        id: warehouse.id,
        version: warehouse.version,
        warehouse: { code: 'CK01', name: '一号仓', keeperIds: [keeperId] },
      },
      clerk,
    );
    expect(error).toEqual({
      code: 'FORBIDDEN',
      message:
        '没有修改仓管员的权限：仓库【CK01 一号仓】的仓管员不能由（无）改为 李晓云。' +
        '请由有【仓库的仓管员·修改】权限的人修改。',
      details: { permission: 'warehouseKeepers.edit', field: 'keeperIds' },
    });
    const kept = await callOk(
      engine,
      'warehouses.save',
      {
        id: warehouse.id,
        version: warehouse.version,
        warehouse: { code: 'CK01', name: '一号仓', address: '通州区 8 号' },
      },
      clerk,
    );
    expect(kept).toMatchObject({ address: '通州区 8 号', keepers: [] });
  });

  it('an import by a clerk that names keepers is refused at the 仓管员 cell', async () => {
    const { engine, clerk } = await branch();
    const file = Buffer.from(['仓库编码,仓库名称,仓管员', 'CK01,一号仓,lixiaoyun'].join('\r\n'));
    const outcome = await callOk(
      engine,
      'import.commit',
      { entity: 'warehouses', fileName: '仓库.csv', contentBase64: file.toString('base64') },
      clerk,
    );
    expect(outcome).toMatchObject({
      status: 'refused',
      errors: [
        { row: 2, column: '仓管员', message: expect.stringContaining('仓库【CK01 一号仓】的仓管员不能由') },
      ],
    });
  });
});
