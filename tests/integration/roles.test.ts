import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { router } from '../../src/engine/api/router';
import { permissions, type Permission } from '../../src/engine/domain/access/permissions';
import type { ApiInput } from '../../src/shared/api';
import { beijingLedger, callFailing, callOk, signIn } from './support/ledger';
import { enterAndApprove, stockWorld } from './support/stock';
import { createAccount } from './support/users';

/*
 * Roles that mean something (issue 11): roles are editable permission sets over areas and actions,
 * the engine checks every call against the caller's role as it is now, and no method is left open to a
 * role without its permission.
 */

type RoleInput = ApiInput<'roles.save'>['role'];

async function roleByCode(engine: Engine, session: string, code: string) {
  const { roles } = await callOk(engine, 'roles.list', {}, session);
  return roles.find((role) => role.code === code)!;
}

/** A user `tester` holding role `probe`, whose permissions the test sets as it goes. */
async function probeUser(engine: Engine, adminSession: string, granted: Permission[]) {
  const role = await callOk(
    engine,
    'roles.save',
    {
      id: null,
      role: {
        code: 'probe',
        name: '试探',
        permissions: granted,
        warehouseScope: 'all',
        customerScope: 'all',
      },
    },
    adminSession,
  );
  await createAccount(engine, adminSession, {
    username: 'tester',
    displayName: '测试员',
    role: 'probe',
    password: 'Tester#2026',
  });
  return { role, session: await signIn(engine, 'tester', 'Tester#2026') };
}

/** A valid payload for each method whose permission depends on its input (a save: create or edit). */
const validPayloads: Record<string, object> = {
  'goods.save': {
    goods: { code: 'SP001', name: '鲜牛奶', units: [{ name: '袋', ratio: '1', isBase: true }] },
  },
  'counterparties.save': { counterparty: { code: 'KH001', name: '华联超市', kind: 'customer' } },
  'warehouses.save': { warehouse: { code: 'CK01', name: '一号仓' } },
  'offices.save': { office: { code: 'BSC01', name: '城东办事处' } },
  'employees.save': { employee: { code: 'ZY001', name: '王强' } },
  'documents.save': {
    document: { type: 'purchase_order', businessDate: '2026-03-02', lines: [] },
  },
};

describe('roles', () => {
  it('ship as the seven of DOMAIN.md, and the user menu names the role', async () => {
    const { engine, adminSession } = await beijingLedger();
    const { roles } = await callOk(engine, 'roles.list', {}, adminSession);
    expect(roles.map((role) => [role.code, role.name, role.shipped])).toEqual([
      ['admin', '管理员', true],
      ['manager', '经理', true],
      ['clerk', '信息员', true],
      ['keeper', '仓管员', true],
      ['accountant', '会计', true],
      ['salesperson', '业务员', true],
      ['readonly', '只读', true],
    ]);
    expect((await callOk(engine, 'auth.currentUser', {}, adminSession)).user).toMatchObject({
      role: 'admin',
      roleName: '管理员',
    });
  });

  it('are edited by the administrator, and a holder’s next call follows the change', async () => {
    const { engine, adminSession } = await beijingLedger();
    await createAccount(engine, adminSession, {
      username: 'liwei',
      displayName: '李伟',
      role: 'clerk',
      password: 'Clerk#2026x',
    });
    const clerk = await signIn(engine, 'liwei', 'Clerk#2026x');
    const milk = await callOk(
      engine,
      'goods.save',
      {
        id: null,
        goods: { code: 'SP001', name: '鲜牛奶', units: [{ name: '袋', ratio: '1', isBase: true }] },
      },
      clerk,
    );

    // The branch decides its clerks create goods but only the manager changes them.
    const role = await roleByCode(engine, adminSession, 'clerk');
    await callOk(
      engine,
      'roles.save',
      {
        id: role.id,
        version: role.version,
        role: {
          code: 'clerk',
          name: '信息员',
          permissions: role.permissions.filter((permission) => permission !== 'masterData.edit'),
          warehouseScope: role.warehouseScope,
          customerScope: role.customerScope,
        },
      },
      adminSession,
    );
    expect(
      await callFailing(
        engine,
        'goods.save',
        {
          id: milk.id,
          version: milk.version,
          goods: { code: 'SP001', name: '鲜牛奶（改）', units: milk.units },
        },
        clerk,
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message: '当前用户没有权限执行此操作（goods.save：基础资料·修改）。',
      details: { permission: 'masterData.edit' },
    });
    // Creating is still theirs.
    await callOk(
      engine,
      'goods.save',
      { id: null, goods: { code: 'SP002', name: '酸奶', units: [{ name: '杯', ratio: '1', isBase: true }] } },
      clerk,
    );
    expect((await callOk(engine, 'auth.currentUser', {}, clerk)).permissions).not.toContain(
      'masterData.edit',
    );
  });

  it('keep the administrator’s every permission, the shipped ones, and those still held', async () => {
    const { engine, adminSession } = await beijingLedger();
    const admin = await roleByCode(engine, adminSession, 'admin');
    const without: RoleInput = {
      code: 'admin',
      name: '管理员',
      permissions: admin.permissions.filter((permission) => permission !== 'users.edit'),
      warehouseScope: 'all',
      customerScope: 'all',
    };
    expect(
      (
        await callFailing(
          engine,
          'roles.save',
          { id: admin.id, version: admin.version, role: without },
          adminSession,
        )
      ).message,
    ).toBe('管理员角色始终拥有全部权限，不能修改它的权限。');
    expect((await callFailing(engine, 'roles.delete', { id: admin.id }, adminSession)).message).toBe(
      '角色【管理员】是本软件自带的角色，不能删除；可以修改它的权限。',
    );

    const { role } = await probeUser(engine, adminSession, ['system.view']);
    expect((await callFailing(engine, 'roles.delete', { id: role.id }, adminSession)).message).toBe(
      '角色【试探】还有 1 位用户（测试员），请先给他们换一个角色。',
    );
    expect(
      (
        await callFailing(
          engine,
          'users.create',
          { username: 'nobody', displayName: '无名', role: 'ghost', password: 'Ghost#2026x' },
          adminSession,
        )
      ).message,
    ).toBe('角色【ghost】不存在。');
  });

  it('只读 reads everything it may see and writes nothing', async () => {
    const { engine, adminSession } = await beijingLedger();
    await createAccount(engine, adminSession, {
      username: 'auditor',
      displayName: '审计',
      role: 'readonly',
      password: 'Reader#2026x',
    });
    const reader = await signIn(engine, 'auditor', 'Reader#2026x');
    expect((await callOk(engine, 'goods.list', {}, reader)).total).toBe(0);
    const refused = await callFailing(
      engine,
      'goods.save',
      {
        id: null,
        goods: { code: 'SP001', name: '鲜牛奶', units: [{ name: '袋', ratio: '1', isBase: true }] },
      },
      reader,
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'masterData.create' } });
  });

  it('scope a role to the warehouses its holders keep, or to every warehouse', async () => {
    const { engine, adminSession } = await beijingLedger();
    const world = await stockWorld(engine);
    const receipt = await enterAndApprove(engine, {
      type: 'purchase_receipt',
      businessDate: '2026-03-02',
      counterpartyId: world.supplier,
      warehouseId: world.warehouse1,
      lines: [{ goodsId: world.milk, unitName: '箱', quantity: '2', unitPrice: '30' }],
    });
    // 代班: confirms for whichever warehouse is short of its keeper today, and keeps none itself.
    const { role, session } = await probeUser(engine, adminSession, ['system.view', 'warehouse.confirm']);
    const scoped = async (warehouseScope: 'kept' | 'all', version: number) =>
      callOk(
        engine,
        'roles.save',
        {
          id: role.id,
          version,
          role: {
            code: 'probe',
            name: '试探',
            permissions: role.permissions,
            warehouseScope,
            customerScope: 'all',
          },
        },
        adminSession,
      );
    const kept = await scoped('kept', role.version);
    expect(await callOk(engine, 'warehouse.queue', {}, session)).toEqual([]);
    expect(
      (
        await callFailing(
          engine,
          'warehouse.confirm',
          { documentId: receipt, warehouseId: world.warehouse1 },
          session,
        )
      ).code,
    ).toBe('FORBIDDEN');

    await scoped('all', kept.version);
    expect((await callOk(engine, 'warehouse.queue', {}, session)).map((entry) => entry.documentId)).toEqual([
      receipt,
    ]);
    await callOk(
      engine,
      'warehouse.confirm',
      { documentId: receipt, warehouseId: world.warehouse1 },
      session,
    );
    expect(await callOk(engine, 'warehouse.queue', {}, session)).toEqual([]);
  });

  it('leave no method open to a role without its permission', async () => {
    const { engine, adminSession } = await beijingLedger();
    const { role, session } = await probeUser(engine, adminSession, []);
    let version = role.version;
    const grant = async (granted: Permission[]) => {
      const saved = await callOk(
        engine,
        'roles.save',
        {
          id: role.id,
          version,
          role: {
            code: 'probe',
            name: '试探',
            permissions: granted,
            warehouseScope: 'all',
            customerScope: 'all',
          },
        },
        adminSession,
      );
      version = saved.version;
    };

    const checked: string[] = [];
    for (const [name, method] of Object.entries(router)) {
      const access = method.access;
      if (access === 'public' || access === 'signed-in') continue;
      // A save's permission depends on its input: a valid one, creating and changing.
      const needed: { permission: Permission; input: unknown }[] =
        typeof access === 'function'
          ? [
              { id: null, ...validPayloads[name]! },
              { id: 1, version: 1, ...validPayloads[name]! },
            ].map((input) => ({ permission: (access as (input: unknown) => Permission)(input), input }))
          : [{ permission: access, input: {} }];
      for (const { permission, input } of needed) {
        await grant(permissions.filter((candidate) => candidate !== permission));
        const response = await engine.call({ method: name, input, session }, { source: 'test' });
        // Refused for the permission, before anything of the input is looked at or written.
        expect(response.ok ? null : response.error, `${name} without ${permission}`).toMatchObject({
          code: 'FORBIDDEN',
          details: { permission },
        });
        checked.push(name);
      }
    }
    expect(new Set(checked).size).toBeGreaterThan(80);
  });
});
