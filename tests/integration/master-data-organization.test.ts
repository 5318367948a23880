import { describe, expect, it } from 'vitest';
import { cliActor, type Engine } from '../../src/engine';
import type { ServiceContext } from '../../src/engine/services/context';
import {
  ensureEmployee,
  findEmployeeIdByCode,
  findEmployeeIdByName,
} from '../../src/engine/services/master-data/employees';
import {
  ensureOffice,
  findOfficeIdByCode,
  findOfficeIdByName,
} from '../../src/engine/services/master-data/offices';
import { findUserIdByUsername } from '../../src/engine/services/master-data/users-list';
import { findWarehouseIdByCode } from '../../src/engine/services/master-data/warehouses';
import { beijingLedger, callFailing, callOk, signIn, type TestLedger } from './support/ledger';
import { addUser, setActive } from './support/users';

const keeperZhao = {
  username: 'zhaogang',
  displayName: '赵刚',
  role: 'keeper',
  password: 'Keeper-2026!',
} as const;
const keeperQian = {
  username: 'qianli',
  displayName: '钱丽',
  role: 'keeper',
  password: 'Keeper-2026!',
} as const;
const salesWang = {
  username: 'wangqiang',
  displayName: '王强',
  role: 'salesperson',
  password: 'Sales-2026!',
} as const;

async function userId(engine: Engine, session: string, username: string): Promise<number> {
  const user = (await callOk(engine, 'users.list', {}, session)).find((found) => found.username === username);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

/** The engine's own context, as the import will pass it: a service call inside one transaction. */
function importContext(ledger: TestLedger): ServiceContext {
  return { db: ledger.engine.db, actor: cliActor, clock: ledger.clock };
}

describe('users for choosing keepers and logins', () => {
  it('lists who may sign in, without password hashes or lockout state', async () => {
    const { engine, adminSession } = await beijingLedger();
    await addUser(engine, keeperZhao);
    setActive(engine, 'zhaogang', false);
    const users = await callOk(engine, 'users.list', {}, adminSession);
    expect(users).toEqual([
      { id: expect.any(Number), username: 'admin', displayName: '张经理', role: 'admin', active: true },
      { id: expect.any(Number), username: 'zhaogang', displayName: '赵刚', role: 'keeper', active: false },
    ]);
    expect(findUserIdByUsername(engine.db, ' zhaogang ')).toBe(users[1]!.id);
    expect(findUserIdByUsername(engine.db, 'nobody')).toBeNull();
  });
});

describe('a warehouse', () => {
  it('keeps its keepers: saved, read back, replaced, and listed by name', async () => {
    const { engine, adminSession, clock } = await beijingLedger();
    await addUser(engine, keeperZhao);
    await addUser(engine, keeperQian);
    const zhao = await userId(engine, adminSession, 'zhaogang');
    const qian = await userId(engine, adminSession, 'qianli');

    const saved = await callOk(
      engine,
      'warehouses.save',
      {
        id: null,
        warehouse: {
          code: ' CK01 ',
          name: '一号仓',
          address: '通州区物流园 3 号库',
          keeperIds: [zhao, qian, zhao],
        },
      },
      adminSession,
    );
    expect(saved).toMatchObject({
      code: 'CK01',
      name: '一号仓',
      address: '通州区物流园 3 号库',
      active: true,
    });
    expect(saved.keepers).toEqual([
      { id: qian, username: 'qianli', displayName: '钱丽' },
      { id: zhao, username: 'zhaogang', displayName: '赵刚' },
    ]);
    expect(await callOk(engine, 'warehouses.get', { id: saved.id }, adminSession)).toEqual(saved);
    await callOk(
      engine,
      'warehouses.save',
      { id: null, warehouse: { code: 'CK02', name: '二号仓' } },
      adminSession,
    );
    expect(await callOk(engine, 'warehouses.list', {}, adminSession)).toMatchObject({
      total: 2,
      rows: [
        { code: 'CK01', name: '一号仓', keepers: '钱丽、赵刚' },
        { code: 'CK02', name: '二号仓', keepers: '' },
      ],
    });

    clock.advance(60_000);
    const updated = await callOk(
      engine,
      'warehouses.save',
      {
        id: saved.id,
        version: saved.version,
        warehouse: { code: 'CK01', name: '一号仓（常温）', keeperIds: [zhao] },
      },
      adminSession,
    );
    expect(updated.keepers.map((keeper) => keeper.displayName)).toEqual(['赵刚']);
    expect(updated.address).toBe('');
    expect(findWarehouseIdByCode(engine.db, 'CK01')).toBe(saved.id);

    const audit = await callOk(engine, 'audit.list', { action: 'warehouses.update' }, adminSession);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      entity: 'warehouses',
      entityKey: 'CK01',
      before: { name: '一号仓', keepers: [{ username: 'qianli' }, { username: 'zhaogang' }] },
      after: { name: '一号仓（常温）', keepers: [{ username: 'zhaogang' }] },
    });
  });

  it('refuses a keeper who is not a user, or who can no longer sign in', async () => {
    const { engine, adminSession } = await beijingLedger();
    await addUser(engine, keeperZhao);
    const zhao = await userId(engine, adminSession, 'zhaogang');
    expect(
      await callFailing(
        engine,
        'warehouses.save',
        { id: null, warehouse: { code: 'CK01', name: '一号仓', keeperIds: [zhao, 999] } },
        adminSession,
      ),
    ).toEqual({ code: 'NOT_FOUND', message: '仓库【一号仓】的仓管员（用户编号 999）不存在。' });
    setActive(engine, 'zhaogang', false);
    expect(
      (
        await callFailing(
          engine,
          'warehouses.save',
          { id: null, warehouse: { code: 'CK01', name: '一号仓', keeperIds: [zhao] } },
          adminSession,
        )
      ).message,
    ).toBe('用户【zhaogang 赵刚】已停用，不能做仓库【一号仓】的仓管员。');
    expect((await callOk(engine, 'warehouses.list', {}, adminSession)).total).toBe(0);
  });

  it('keeps its code and its name to itself, also from the recycle bin', async () => {
    const { engine, adminSession } = await beijingLedger();
    const first = await callOk(
      engine,
      'warehouses.save',
      { id: null, warehouse: { code: 'CK01', name: '一号仓' } },
      adminSession,
    );
    const save = (code: string, name: string) =>
      callFailing(engine, 'warehouses.save', { id: null, warehouse: { code, name } }, adminSession);
    expect(await save('CK01', '二号仓')).toEqual({
      code: 'CONFLICT',
      message: '仓库编码 CK01 已存在（一号仓）。',
    });
    expect((await save('CK02', '一号仓')).message).toBe(
      '仓库名称【一号仓】已被仓库 CK01 使用，请换一个名称。',
    );
    await callOk(engine, 'masterData.delete', { entity: 'warehouses', id: first.id }, adminSession);
    expect((await save('CK01', '二号仓')).message).toBe(
      '仓库编码 CK01 已被回收站中的仓库【一号仓】占用，请先恢复或彻底删除它。',
    );
    expect((await save('CK02', '一号仓')).message).toBe(
      '仓库名称【一号仓】已被回收站中的仓库 CK01 占用，请换一个名称，或先恢复或彻底删除它。',
    );
    expect(await callOk(engine, 'warehouses.list', { recycleBin: true }, adminSession)).toMatchObject({
      total: 1,
      rows: [{ code: 'CK01', deletedBy: 'admin' }],
    });
    expect(findWarehouseIdByCode(engine.db, 'CK01')).toBeNull();
  });
});

describe('offices and departments', () => {
  it('form a tree that can never loop', async () => {
    const { engine, adminSession } = await beijingLedger();
    const save = (
      office: { code: string; name: string; kind?: 'office' | 'department'; parentId?: number },
      id: number | null = null,
    ) => callOk(engine, 'offices.save', { id, office }, adminSession);
    const sales = await save({ code: 'BM01', name: '销售部', kind: 'department' });
    const east = await save({ code: 'BSC01', name: '城东办事处', parentId: sales.id });
    const eastTeam = await save({ code: 'BSC0101', name: '城东一组', parentId: east.id });
    expect(east).toMatchObject({
      kind: 'office',
      kindLabel: '办事处',
      parentCode: 'BM01',
      parentName: '销售部',
    });
    expect(await callOk(engine, 'offices.get', { id: east.id }, adminSession)).toEqual(east);

    expect(
      await callFailing(
        engine,
        'offices.save',
        {
          id: sales.id,
          version: sales.version,
          office: { code: 'BM01', name: '销售部', kind: 'department', parentId: eastTeam.id },
        },
        adminSession,
      ),
    ).toEqual({
      code: 'VALIDATION',
      message: '【BSC0101 城东一组】是【BM01 销售部】的下级，上级不能是它自己的下级。',
    });
    expect(
      (
        await callFailing(
          engine,
          'offices.save',
          {
            id: east.id,
            version: east.version,
            office: { code: 'BSC01', name: '城东办事处', parentId: east.id },
          },
          adminSession,
        )
      ).message,
    ).toBe('办事处/部门【BSC01 城东办事处】的上级不能是它自己。');

    const list = await callOk(engine, 'offices.list', {}, adminSession);
    expect(list.rows.map((row) => [row.code, row.kindLabel, row.parentName])).toEqual([
      ['BM01', '部门', null],
      ['BSC01', '办事处', '销售部'],
      ['BSC0101', '办事处', '城东办事处'],
    ]);
    expect(
      (await callOk(engine, 'offices.list', { kind: 'department' }, adminSession)).rows.map(
        (row) => row.name,
      ),
    ).toEqual(['销售部']);
    expect((await callOk(engine, 'offices.list', { search: '城东' }, adminSession)).total).toBe(2);

    // A parent with live members stays out of the recycle bin (record-lifecycle.ts).
    const refused = await callFailing(
      engine,
      'masterData.delete',
      { entity: 'offices', id: sales.id },
      adminSession,
    );
    expect(refused.message).toContain('下级办事处/部门');
  });

  it('keep their codes to themselves, also from the recycle bin', async () => {
    const { engine, adminSession } = await beijingLedger();
    const east = await callOk(
      engine,
      'offices.save',
      { id: null, office: { code: 'BSC01', name: '城东办事处' } },
      adminSession,
    );
    expect(
      (
        await callFailing(
          engine,
          'offices.save',
          { id: null, office: { code: 'BSC01', name: '城西办事处' } },
          adminSession,
        )
      ).message,
    ).toBe('办事处/部门编码 BSC01 已存在（城东办事处）。');
    await callOk(engine, 'masterData.delete', { entity: 'offices', id: east.id }, adminSession);
    expect(
      (
        await callFailing(
          engine,
          'offices.save',
          { id: null, office: { code: 'BSC01', name: '城西办事处' } },
          adminSession,
        )
      ).message,
    ).toBe('办事处/部门编码 BSC01 已被回收站中的办事处/部门【城东办事处】占用，请先恢复或彻底删除它。');
    expect(findOfficeIdByCode(engine.db, 'BSC01')).toBeNull();
    expect(findOfficeIdByName(engine.db, '城东办事处')).toBeNull();
  });
});

describe('an employee', () => {
  it('belongs to an office, links to one login, and is listed with both', async () => {
    const { engine, adminSession, clock } = await beijingLedger();
    await addUser(engine, salesWang);
    const wangUser = await userId(engine, adminSession, 'wangqiang');
    const east = await callOk(
      engine,
      'offices.save',
      { id: null, office: { code: 'BSC01', name: '城东办事处' } },
      adminSession,
    );
    const wang = await callOk(
      engine,
      'employees.save',
      {
        id: null,
        employee: {
          code: 'ZY001',
          name: '王强',
          officeId: east.id,
          phone: '13700001111',
          title: '业务员',
          userId: wangUser,
        },
      },
      adminSession,
    );
    expect(wang).toMatchObject({
      code: 'ZY001',
      name: '王强',
      officeName: '城东办事处',
      phone: '13700001111',
      title: '业务员',
      username: 'wangqiang',
      userDisplayName: '王强',
    });
    expect(await callOk(engine, 'employees.get', { id: wang.id }, adminSession)).toEqual(wang);

    expect(
      await callFailing(
        engine,
        'employees.save',
        { id: null, employee: { code: 'ZY002', name: '王强（兼职）', userId: wangUser } },
        adminSession,
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: '用户【wangqiang 王强】已关联职员【ZY001 王强】，一个用户只能关联一个职员。',
    });
    expect(
      (
        await callFailing(
          engine,
          'employees.save',
          { id: null, employee: { code: 'ZY002', name: '李明', userId: 404 } },
          adminSession,
        )
      ).message,
    ).toBe('职员【李明】的登录用户（编号 404）不存在。');
    const li = await callOk(
      engine,
      'employees.save',
      { id: null, employee: { code: 'ZY002', name: '李明' } },
      adminSession,
    );

    // Saving the same employee again keeps its own login.
    clock.advance(60_000);
    const moved = await callOk(
      engine,
      'employees.save',
      {
        id: wang.id,
        version: wang.version,
        employee: {
          code: 'ZY001',
          name: '王强',
          officeId: null,
          userId: wangUser,
          phone: '13700001111',
          title: '主任',
        },
      },
      adminSession,
    );
    expect(moved).toMatchObject({ officeName: null, title: '主任', username: 'wangqiang' });

    expect((await callOk(engine, 'employees.list', {}, adminSession)).rows).toMatchObject([
      { code: 'ZY001', name: '王强', officeName: null, username: 'wangqiang' },
      { code: 'ZY002', name: '李明', officeName: null, username: null },
    ]);
    await callOk(
      engine,
      'employees.save',
      { id: li.id, version: li.version, employee: { code: 'ZY002', name: '李明', officeId: east.id } },
      adminSession,
    );
    expect(await callOk(engine, 'employees.list', { officeId: east.id }, adminSession)).toMatchObject({
      total: 1,
      rows: [{ code: 'ZY002', officeName: '城东办事处' }],
    });
    expect(
      (await callOk(engine, 'employees.list', { search: '1370000' }, adminSession)).rows.map(
        (row) => row.name,
      ),
    ).toEqual(['王强']);
    expect(findEmployeeIdByCode(engine.db, 'ZY002')).toBe(li.id);

    const audit = await callOk(engine, 'audit.list', { actionPrefix: 'employees.' }, adminSession);
    expect(audit.rows.map((row) => row.action)).toEqual([
      'employees.update',
      'employees.update',
      'employees.create',
      'employees.create',
    ]);
    expect(audit.rows[1]).toMatchObject({
      entityKey: 'ZY001',
      before: { officeName: '城东办事处', title: '业务员' },
      after: { officeName: null, title: '主任' },
    });
  });

  it('in the recycle bin still holds its login', async () => {
    const { engine, adminSession } = await beijingLedger();
    await addUser(engine, salesWang);
    const wangUser = await userId(engine, adminSession, 'wangqiang');
    const wang = await callOk(
      engine,
      'employees.save',
      { id: null, employee: { code: 'ZY001', name: '王强', userId: wangUser } },
      adminSession,
    );
    await callOk(engine, 'masterData.delete', { entity: 'employees', id: wang.id }, adminSession);
    expect(
      (
        await callFailing(
          engine,
          'employees.save',
          { id: null, employee: { code: 'ZY009', name: '王强', userId: wangUser } },
          adminSession,
        )
      ).message,
    ).toBe('用户【wangqiang 王强】已关联回收站中的职员【ZY001 王强】，一个用户只能关联一个职员。');
    expect(
      (
        await callFailing(
          engine,
          'employees.save',
          { id: null, employee: { code: 'ZY001', name: '李明' } },
          adminSession,
        )
      ).message,
    ).toBe('职员编码 ZY001 已被回收站中的职员【王强】占用，请先恢复或彻底删除它。');
  });
});

describe('offices and salespeople named in an import', () => {
  it('are created once with the first free code and found by name the second time', async () => {
    const ledger = await beijingLedger();
    const { engine, adminSession } = ledger;
    // BSC001 is taken by hand (and then binned): the generated code skips it.
    const manual = await callOk(
      engine,
      'offices.save',
      { id: null, office: { code: 'BSC001', name: '总部联络处' } },
      adminSession,
    );
    await callOk(engine, 'masterData.delete', { entity: 'offices', id: manual.id }, adminSession);

    const ctx = importContext(ledger);
    const first = engine.db.transaction((tx) => {
      const officeId = ensureOffice(tx, ctx, ' 城东办事处 ');
      return { officeId, salespersonId: ensureEmployee(tx, ctx, '王强', officeId) };
    });
    const second = engine.db.transaction((tx) => {
      const officeId = ensureOffice(tx, ctx, '城东办事处');
      return { officeId, salespersonId: ensureEmployee(tx, ctx, '王强', officeId) };
    });
    expect(second).toEqual(first);
    expect(findOfficeIdByName(engine.db, '城东办事处')).toBe(first.officeId);
    expect(findEmployeeIdByName(engine.db, '王强')).toBe(first.salespersonId);

    expect(await callOk(engine, 'offices.get', { id: first.officeId }, adminSession)).toMatchObject({
      code: 'BSC002',
      name: '城东办事处',
      kind: 'office',
    });
    expect(await callOk(engine, 'employees.get', { id: first.salespersonId }, adminSession)).toMatchObject({
      code: 'ZY001',
      name: '王强',
      officeName: '城东办事处',
    });
    const west = engine.db.transaction((tx) => ensureOffice(tx, ctx, '城西办事处'));
    expect((await callOk(engine, 'offices.get', { id: west }, adminSession)).code).toBe('BSC003');

    const audit = await callOk(engine, 'audit.list', { username: 'cli' }, adminSession);
    expect(audit.rows.map((row) => [row.action, row.entityKey, row.detail])).toEqual([
      ['offices.create', 'BSC003', '按名称自动创建办事处【城西办事处】'],
      ['employees.create', 'ZY001', '按姓名自动创建职员【王强】'],
      ['offices.create', 'BSC002', '按名称自动创建办事处【城东办事处】'],
    ]);
  });

  it('refuses a name two records share, naming their codes, unless the office tells them apart', async () => {
    const ledger = await beijingLedger();
    const { engine, adminSession } = ledger;
    const east = await callOk(
      engine,
      'offices.save',
      { id: null, office: { code: 'BSC01', name: '城东办事处' } },
      adminSession,
    );
    const west = await callOk(
      engine,
      'offices.save',
      { id: null, office: { code: 'BSC02', name: '城西办事处' } },
      adminSession,
    );
    const eastWang = await callOk(
      engine,
      'employees.save',
      { id: null, employee: { code: 'ZY001', name: '王强', officeId: east.id } },
      adminSession,
    );
    await callOk(
      engine,
      'employees.save',
      { id: null, employee: { code: 'ZY002', name: '王强', officeId: west.id } },
      adminSession,
    );
    await callOk(
      engine,
      'offices.save',
      { id: null, office: { code: 'BM01', name: '城东办事处', kind: 'department' } },
      adminSession,
    );

    expect(findEmployeeIdByName(engine.db, '王强', east.id)).toBe(eastWang.id);
    expect(() => findEmployeeIdByName(engine.db, '王强')).toThrow(
      '有 2 个名为【王强】的职员（ZY001、ZY002），无法确定是哪一位，请先修改姓名加以区分。',
    );
    const ctx = importContext(ledger);
    expect(() => engine.db.transaction((tx) => ensureOffice(tx, ctx, '城东办事处'))).toThrow(
      '有 2 个名为【城东办事处】的办事处/部门（BM01、BSC01），无法确定是哪一个，请先修改名称加以区分。',
    );
    // Namesakes elsewhere are no licence to invent a third 王强.
    const north = await callOk(
      engine,
      'offices.save',
      { id: null, office: { code: 'BSC03', name: '城北办事处' } },
      adminSession,
    );
    expect(() => engine.db.transaction((tx) => ensureEmployee(tx, ctx, '王强', north.id))).toThrow(
      '有 2 个名为【王强】的职员',
    );
    expect((await callOk(engine, 'employees.list', {}, adminSession)).total).toBe(2);
  });
});

describe('who may change the organisation', () => {
  it('a clerk saves warehouses, offices and employees; a keeper only reads them', async () => {
    const { engine } = await beijingLedger();
    await addUser(engine, { username: 'liwei', displayName: '李伟', role: 'clerk', password: 'Clerk-2026!' });
    await addUser(engine, keeperZhao);
    const clerk = await signIn(engine, 'liwei', 'Clerk-2026!');
    const keeper = await signIn(engine, keeperZhao.username, keeperZhao.password);

    await callOk(engine, 'warehouses.save', { id: null, warehouse: { code: 'CK01', name: '一号仓' } }, clerk);
    await callOk(engine, 'offices.save', { id: null, office: { code: 'BSC01', name: '城东办事处' } }, clerk);
    await callOk(engine, 'employees.save', { id: null, employee: { code: 'ZY001', name: '王强' } }, clerk);

    for (const [method, input] of [
      ['warehouses.save', { id: null, warehouse: { code: 'CK02', name: '二号仓' } }],
      ['offices.save', { id: null, office: { code: 'BSC02', name: '城西办事处' } }],
      ['employees.save', { id: null, employee: { code: 'ZY002', name: '李明' } }],
    ] as const) {
      expect(await callFailing(engine, method, input, keeper)).toEqual({
        code: 'FORBIDDEN',
        message: `当前用户没有权限执行此操作（${method}：基础资料·新增）。`,
        details: { permission: 'masterData.create' },
      });
    }
    expect((await callOk(engine, 'warehouses.list', {}, keeper)).total).toBe(1);
    expect((await callOk(engine, 'offices.list', {}, keeper)).total).toBe(1);
    expect((await callOk(engine, 'employees.list', {}, keeper)).total).toBe(1);
    expect((await callOk(engine, 'users.list', {}, keeper)).map((user) => user.username)).toEqual([
      'admin',
      'liwei',
      'zhaogang',
    ]);
  });
});
