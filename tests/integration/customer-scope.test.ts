import * as XLSX from '@e965/xlsx';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { router } from '../../src/engine/api/router';
import { permissions } from '../../src/engine/domain/access/permissions';
import type { ApiInput } from '../../src/shared/api';
import { beijingLedger, callFailing, callOk, openLedger, signIn, tempFolder } from './support/ledger';
import { createAccount, setRoleCustomerScope } from './support/users';
import { notReads as writesAndFiles } from './support/not-reads';
import { migrationsBefore, olderLedgerFile, releaseMigrations } from './support/older-file';
import { act, enterAndApprove, post, stockWorld } from './support/stock';

/*
 * 客户数据范围 (issue 11, "Roles that mean something"): a role sees the customers of its holder (个人: those
 * whose salesperson they are), of their office and the offices below it (本部门), or all (全部) — in
 * lists, search, `get`s, documents, reports, money and exports alike, and may not write for the others.
 *
 * The branch: 华北大区 (a department) with 城东办事处 under it, and 城西办事处 beside it. 王强 (城东) is the
 * salesperson of 城东超市; 李明 (城西) of 城西超市; 大区直营店 hangs at 华北大区 with no salesperson; 华联超市
 * (the stock world's customer) has neither office nor salesperson; 蒙牛乳业 is a supplier. Each customer
 * took a delivery of 鲜牛奶 (an open receivable, a price, a profit) and has an approved sales order open.
 */

const from = '2026-01-01';
const to = '2026-03-02';
const password = 'Tester#2026';

async function scopedLedger() {
  const { engine, adminSession } = await beijingLedger();
  const world = await stockWorld(engine);
  const office = async (code: string, name: string, kind: 'office' | 'department', parentId?: number) =>
    (
      await act(engine, 'offices.save', {
        id: null,
        office: { code, name, kind, ...(parentId ? { parentId } : {}) },
      })
    ).id;
  const region = await office('BM01', '华北大区', 'department');
  const east = await office('BSC01', '城东办事处', 'office', region);
  const west = await office('BSC02', '城西办事处', 'office');

  const user = async (username: string, displayName: string, role: string) =>
    (await createAccount(engine, adminSession, { username, displayName, role, password })).id;
  const employee = async (code: string, name: string, officeId: number, userId?: number) =>
    (
      await act(engine, 'employees.save', {
        id: null,
        employee: { code, name, officeId, ...(userId ? { userId } : {}) },
      })
    ).id;
  // 王强 holds the shipped 业务员 role; 赵总 (华北大区) and the tester hold roles the tests set.
  await callOk(
    engine,
    'roles.save',
    {
      id: null,
      role: {
        code: 'probe',
        name: '试探',
        permissions: [...permissions],
        warehouseScope: 'all',
        customerScope: 'own',
      },
    },
    adminSession,
  );
  const wangUser = await user('wang', '王强', 'salesperson');
  const zhaoUser = await user('zhao', '赵总', 'probe');
  const wang = await employee('ZY001', '王强', east, wangUser);
  const li = await employee('ZY002', '李明', west);
  await employee('ZY003', '赵总', region, zhaoUser);

  const customer = async (
    code: string,
    name: string,
    officeId: number | null,
    salespersonId: number | null,
  ) =>
    (
      await act(engine, 'counterparties.save', {
        id: null,
        counterparty: { code, name, kind: 'customer', officeId, salespersonId },
      })
    ).id;
  const eastShop = await customer('KH101', '城东超市', east, wang);
  const westShop = await customer('KH102', '城西超市', west, li);
  const regionShop = await customer('KH103', '大区直营店', region, null);
  const customers = { eastShop, westShop, regionShop, hualian: world.customer };

  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-02-01',
    counterpartyId: world.supplier,
    lines: [
      { goodsId: world.milk, warehouseId: world.warehouse1, unitName: '箱', quantity: '40', unitPrice: '48' },
    ],
  });
  const deliveries: Record<string, number> = {};
  const orders: Record<string, number> = {};
  for (const [key, counterpartyId] of Object.entries(customers)) {
    const line = { goodsId: world.milk, warehouseId: world.warehouse1, unitName: '箱', unitPrice: '70' };
    deliveries[key] = await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-02-10',
      counterpartyId,
      lines: [{ ...line, quantity: '2' }],
    });
    orders[key] = await enterAndApprove(engine, {
      type: 'sales_order',
      businessDate: '2026-02-20',
      counterpartyId,
      lines: [{ ...line, quantity: '3' }],
    });
  }
  // Each customer signed an annual agreement for the year (年度协议, issue 14).
  const contracts: Record<string, number> = {};
  for (const [key, counterpartyId] of Object.entries(customers)) {
    contracts[key] = (
      await act(engine, 'contracts.save', {
        id: null,
        kind: 'sales',
        counterpartyId,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        signedOn: '2025-12-20',
        lines: [{ goodsId: world.milk, unitName: '箱', quantity: 2400 }],
        rebateTerms: [{ kind: 'per_unit', unitName: '箱', amountPerUnit: 100 }],
      })
    ).id;
    await act(engine, 'contracts.submit', { id: contracts[key] });
    await act(engine, 'contracts.approve', { id: contracts[key] });
  }
  const transfer = await post(engine, {
    type: 'transfer',
    businessDate: '2026-02-25',
    warehouseId: world.warehouse1,
    toWarehouseId: world.warehouse2,
    lines: [{ goodsId: world.milk, unitName: '箱', quantity: '1' }],
  });
  return {
    engine,
    adminSession,
    world,
    offices: { region, east, west },
    employees: { wang, li },
    customers,
    deliveries,
    orders,
    contracts,
    transfer,
    wangSession: await signIn(engine, 'wang', password),
    zhaoSession: await signIn(engine, 'zhao', password),
  };
}
type Ledger = Awaited<ReturnType<typeof scopedLedger>>;

const names = {
  eastShop: '城东超市',
  westShop: '城西超市',
  regionShop: '大区直营店',
  hualian: '华联超市',
} as const;
type CustomerKey = keyof typeof names;

/** Sets the `probe` role's customer scope, as the administrator does on the roles page. */
const setProbeScope = (ledger: Ledger, customerScope: 'own' | 'office' | 'all') =>
  setRoleCustomerScope(ledger.engine, ledger.adminSession, 'probe', customerScope);

async function listedCustomers(engine: Engine, session: string): Promise<string[]> {
  const { rows } = await callOk(engine, 'counterparties.list', { offset: 0, limit: 100 }, session);
  return rows.map((row) => row.name).sort();
}

function sheetRows(base64: string): unknown[][] {
  const workbook = XLSX.read(Buffer.from(base64, 'base64'));
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
}

/** Every text an output carries, the cells of the files it hands over (.xlsx as base64) included. */
function textsIn(output: unknown, key = ''): string[] {
  if (typeof output === 'string') {
    if (key === 'base64' || key === 'contentBase64') {
      return sheetRows(output).flatMap((row) => row.map((cell) => String(cell)));
    }
    return [output];
  }
  if (Array.isArray(output)) return output.flatMap((item) => textsIn(item, key));
  if (output === null || typeof output !== 'object') return [];
  return Object.entries(output).flatMap(([childKey, value]) => textsIn(value, childKey));
}

/**
 * The methods that change the books or need a file (support/not-reads.ts), and audit.list: the audit log is
 * the administrator's record of every change in the ledger, which a role that may read it reads whole.
 */
const notReads = new Set([...writesAndFiles, 'audit.list']);

type ReportExport = ApiInput<'reports.export'>;

/** The reads that list or total customers, each with the input that brings every customer in. */
function listingReads(ledger: Ledger): { method: string; input: object; strict: boolean }[] {
  const { world } = ledger;
  const report = (request: object) => ({ method: 'reports.export', input: request as ReportExport });
  const given = [
    { method: 'counterparties.list', input: { offset: 0, limit: 100 } },
    { method: 'counterparties.search', input: { term: '超市' } },
    { method: 'counterparties.search', input: { term: '店' } },
    { method: 'export.list', input: { entity: 'counterparties', query: {} } },
    { method: 'documents.list', input: {} },
    { method: 'warehouse.queue', input: {} },
    { method: 'reports.aging', input: { side: 'receivable' } },
    { method: 'reports.aging', input: { side: 'receivable', groupBy: 'office' } },
    { method: 'reports.grossProfit', input: { from, to, groupBy: 'customer' } },
    { method: 'reports.priceHistory', input: { goodsId: world.milk, side: 'sale' } },
    { method: 'reports.orderExecution', input: { side: 'sale' } },
    { method: 'prices.history', input: { goodsId: world.milk, side: 'sale' } },
    { method: 'money.balances', input: { side: 'receivable' } },
    report({ report: 'aging', input: { side: 'receivable' } }),
    report({ report: 'grossProfit', input: { from, to, groupBy: 'customer' } }),
    report({ report: 'priceHistory', input: { goodsId: world.milk, side: 'sale' } }),
    report({ report: 'orderExecution', input: { side: 'sale' } }),
    { method: 'contracts.list', input: {} },
    { method: 'reports.contractRewards', input: { year: 2026 } },
    { method: 'reports.contractRewards', input: { year: 2026, groupBy: 'office' } },
    report({ report: 'contractRewards', input: { year: 2026, groupBy: 'contract' } }),
  ];
  const named = new Set(given.map((read) => read.method));
  // Every other read, with no input: those that need one (an id) are the `get`s readsOf calls by id.
  const rest = Object.keys(router)
    .filter((method) => !notReads.has(method) && !named.has(method))
    .map((method) => ({ method, input: {}, strict: false }));
  return [...given.map((read) => ({ ...read, strict: true })), ...rest];
}

/** The reads of one customer by id: NOT_FOUND for a customer out of scope, as if it did not exist. */
function readsOf(ledger: Ledger, key: CustomerKey): { method: string; input: object }[] {
  const id = ledger.customers[key];
  return [
    { method: 'counterparties.get', input: { id } },
    { method: 'documents.get', input: { id: ledger.deliveries[key]! } },
    { method: 'documents.get', input: { id: ledger.orders[key]! } },
    { method: 'documents.fromOrder', input: { id: ledger.orders[key]! } },
    { method: 'contracts.get', input: { id: ledger.contracts[key]! } },
    { method: 'contracts.execution', input: { id: ledger.contracts[key]! } },
    { method: 'contracts.print', input: { id: ledger.contracts[key]! } },
    { method: 'reports.statement', input: { counterpartyId: id, from, to } },
    {
      method: 'reports.priceHistory',
      input: { goodsId: ledger.world.milk, side: 'sale', counterpartyId: id },
    },
    { method: 'reports.orderExecution', input: { side: 'sale', counterpartyId: id } },
    { method: 'money.openItems', input: { counterpartyId: id, side: 'receivable' } },
    { method: 'money.settlements', input: { counterpartyId: id, side: 'receivable' } },
    { method: 'money.credit', input: { counterpartyId: id } },
    {
      method: 'reports.export',
      input: { report: 'statement', input: { counterpartyId: id, from, to } },
    },
  ];
}

async function call(engine: Engine, session: string, method: string, input: object) {
  return engine.call({ method, input, session }, { source: 'test' });
}

/**
 * Walks every listing read as `session` and as the administrator: the customers out of scope are in no
 * output of the session's, and each in-scope customer is in some; the administrator's outputs name every
 * customer (so a walk whose reads show no customers at all fails instead of passing).
 */
async function assertScope(ledger: Ledger, session: string, visible: CustomerKey[]) {
  const hidden = (Object.keys(names) as CustomerKey[]).filter((key) => !visible.includes(key));
  const leaks: string[] = [];
  const seenByAdmin = new Set<string>();
  const seen = new Set<string>();
  for (const read of listingReads(ledger)) {
    const label = `${read.method} ${JSON.stringify(read.input)}`;
    const asAdmin = await call(ledger.engine, ledger.adminSession, read.method, read.input);
    if (!asAdmin.ok && !read.strict && asAdmin.error.code === 'VALIDATION') continue;
    if (!asAdmin.ok) throw new Error(`${label} as the administrator: ${asAdmin.error.message}`);
    for (const text of textsIn(asAdmin.result)) {
      for (const key of Object.keys(names) as CustomerKey[])
        if (text.includes(names[key])) seenByAdmin.add(key);
    }
    const asScoped = await call(ledger.engine, session, read.method, read.input);
    if (!asScoped.ok) throw new Error(`${label} in scope: ${asScoped.error.message}`);
    for (const text of textsIn(asScoped.result)) {
      for (const key of hidden) if (text.includes(names[key])) leaks.push(`${label}: ${text}`);
      for (const key of visible) if (text.includes(names[key])) seen.add(key);
    }
  }
  expect(leaks).toEqual([]);
  expect([...seenByAdmin].sort()).toEqual(Object.keys(names).sort());
  expect([...seen].sort()).toEqual([...visible].sort());

  for (const key of Object.keys(names) as CustomerKey[]) {
    for (const read of readsOf(ledger, key)) {
      const label = `${read.method} ${JSON.stringify(read.input)}`;
      const asScoped = await call(ledger.engine, session, read.method, read.input);
      if (visible.includes(key)) {
        if (!asScoped.ok) throw new Error(`${label} of ${names[key]}: ${asScoped.error.message}`);
      } else {
        expect(asScoped.ok ? 'answered' : asScoped.error.code, `${label} of ${names[key]}`).toBe('NOT_FOUND');
      }
    }
  }
}

describe('customer scope', () => {
  it('ships 业务员 as 个人 and every other role as 全部', async () => {
    const { engine, adminSession } = await beijingLedger();
    const { roles } = await callOk(engine, 'roles.list', {}, adminSession);
    expect(Object.fromEntries(roles.map((role) => [role.code, role.customerScope]))).toEqual({
      admin: 'all',
      manager: 'all',
      clerk: 'all',
      keeper: 'all',
      accountant: 'all',
      salesperson: 'own',
      readonly: 'all',
    });
  });

  it('comes to a ledger from before it: the shipped 业务员 as 个人, every other role as 全部', async () => {
    const folder = tempFolder();
    const { engine, adminSession, databasePath: todays } = await beijingLedger();
    await callOk(
      engine,
      'roles.save',
      {
        id: null,
        role: { code: 'probe', name: '试探', permissions: [], warehouseScope: 'all', customerScope: 'own' },
      },
      adminSession,
    );
    engine.close();
    const databasePath = path.join(folder, 'older.db');
    olderLedgerFile(todays, databasePath, releaseMigrations(folder, migrationsBefore('role_customer_scope')));
    const upgraded = await openLedger(databasePath, { backupDir: path.join(folder, 'backups') });
    const scopes = upgraded.db.$client
      .prepare('SELECT code, customer_scope AS scope FROM roles ORDER BY id')
      .all() as { code: string; scope: string }[];
    expect(Object.fromEntries(scopes.map((role) => [role.code, role.scope]))).toEqual({
      admin: 'all',
      manager: 'all',
      clerk: 'all',
      keeper: 'all',
      accountant: 'all',
      salesperson: 'own',
      readonly: 'all',
      // A role the administrator made before scopes existed kept seeing every customer, and still does.
      probe: 'all',
    });
  });

  it('个人: a salesperson sees their own customers, and suppliers, in every list, report and file', async () => {
    const ledger = await scopedLedger();
    const { engine, wangSession } = ledger;
    expect(await listedCustomers(engine, wangSession)).toEqual(['城东超市', '蒙牛乳业']);
    const found = await callOk(engine, 'counterparties.search', { term: 'KH' }, wangSession);
    expect(found.map((match) => match.code)).toEqual(['KH101']);
    const documents = await callOk(engine, 'documents.list', {}, wangSession);
    // The purchase from the supplier and the transfer (no counterparty) stay in view.
    expect(documents.rows.map((row) => row.counterpartyName ?? row.typeLabel).sort()).toEqual(
      ['城东超市', '城东超市', '蒙牛乳业', '调拨单'].sort(),
    );
    await expect(
      callFailing(engine, 'counterparties.get', { id: ledger.customers.westShop }, wangSession),
    ).resolves.toMatchObject({
      code: 'NOT_FOUND',
      message: `往来单位（编号 ${ledger.customers.westShop}）不存在。`,
    });
    await expect(
      callFailing(engine, 'documents.get', { id: ledger.deliveries.westShop! }, wangSession),
    ).resolves.toMatchObject({ code: 'NOT_FOUND', message: '单据不存在。' });
    const own = await callOk(engine, 'documents.get', { id: ledger.deliveries.eastShop! }, wangSession);
    expect(own.counterpartyName).toBe('城东超市');
    const transfer = await callOk(engine, 'documents.get', { id: ledger.transfer }, wangSession);
    expect(transfer.typeLabel).toBe('调拨单');

    // Every read, by 赵总, whose role may call everything under 个人 and who is nobody's salesperson yet.
    const zhao = ledger.zhaoSession;
    expect(await listedCustomers(engine, zhao)).toEqual(['蒙牛乳业']);
    await assertScope(ledger, zhao, []);
  });

  it('个人, over every read: only the holder’s customers, and the others are not found', async () => {
    const ledger = await scopedLedger();
    // 赵总, made salesperson of 大区直营店, sees it and nothing else of the customers.
    const zhaoEmployee = (
      await callOk(
        ledger.engine,
        'employees.list',
        { offset: 0, limit: 10, search: '赵总' },
        ledger.adminSession,
      )
    ).rows[0]!.id;
    const current = await callOk(
      ledger.engine,
      'counterparties.get',
      { id: ledger.customers.regionShop },
      ledger.adminSession,
    );
    await callOk(
      ledger.engine,
      'counterparties.save',
      {
        id: ledger.customers.regionShop,
        version: current.version,
        counterparty: {
          code: 'KH103',
          name: '大区直营店',
          kind: 'customer',
          officeId: ledger.offices.region,
          salespersonId: zhaoEmployee,
        },
      },
      ledger.adminSession,
    );
    await assertScope(ledger, ledger.zhaoSession, ['regionShop']);
  });

  it('本部门: the holder’s office and every office below it', async () => {
    const ledger = await scopedLedger();
    await setProbeScope(ledger, 'office');
    expect(await listedCustomers(ledger.engine, ledger.zhaoSession)).toEqual([
      '城东超市',
      '大区直营店',
      '蒙牛乳业',
    ]);
    await assertScope(ledger, ledger.zhaoSession, ['eastShop', 'regionShop']);
  });

  it('全部: every customer; a change of the role holds from its holders’ next call', async () => {
    const ledger = await scopedLedger();
    const { engine, zhaoSession } = ledger;
    expect(await listedCustomers(engine, zhaoSession)).toEqual(['蒙牛乳业']);
    await setProbeScope(ledger, 'all');
    expect(await listedCustomers(engine, zhaoSession)).toEqual([
      '华联超市',
      '城东超市',
      '城西超市',
      '大区直营店',
      '蒙牛乳业',
    ]);
    await assertScope(ledger, zhaoSession, ['eastShop', 'westShop', 'regionShop', 'hualian']);
    await setProbeScope(ledger, 'office');
    expect(await listedCustomers(engine, zhaoSession)).toEqual(['城东超市', '大区直营店', '蒙牛乳业']);
  });

  it('a user with no employee record under 个人 sees no customer, only suppliers', async () => {
    const { engine, adminSession } = await beijingLedger();
    await stockWorld(engine);
    await createAccount(engine, adminSession, {
      username: 'newbie',
      displayName: '新业务员',
      role: 'salesperson',
      password,
    });
    const session = await signIn(engine, 'newbie', password);
    expect(await listedCustomers(engine, session)).toEqual(['蒙牛乳业']);
  });

  it('refuses writes for a customer out of scope, and a save that would move one out of it', async () => {
    const ledger = await scopedLedger();
    const { engine, wangSession, zhaoSession, world, customers } = ledger;
    const order = (counterpartyId: number) => ({
      id: null,
      document: {
        type: 'sales_order' as const,
        businessDate: '2026-03-01',
        counterpartyId,
        lines: [
          {
            goodsId: world.milk,
            warehouseId: world.warehouse1,
            unitName: '箱',
            quantity: '1',
            unitPrice: '70',
          },
        ],
      },
    });
    await expect(
      callFailing(engine, 'documents.save', order(customers.westShop), wangSession),
    ).resolves.toMatchObject({
      code: 'VALIDATION',
      message: `往来单位（编号 ${customers.westShop}）不存在。`,
    });
    await callOk(engine, 'documents.save', order(customers.eastShop), wangSession);

    // 赵总's role may do everything, on the customers of his own (none yet).
    for (const [method, input] of [
      ['documents.approve', { id: ledger.orders.westShop }],
      ['documents.void', { id: ledger.orders.westShop }],
      ['documents.close', { id: ledger.orders.westShop }],
      ['documents.reverse', { id: ledger.deliveries.westShop, businessDate: '2026-03-01' }],
      ['masterData.setActive', { entity: 'counterparties', id: customers.westShop, active: false }],
      ['masterData.delete', { entity: 'counterparties', id: customers.westShop }],
      ['money.autoSettle', { side: 'receivable', counterpartyId: customers.westShop }],
      ['contracts.start', { id: ledger.contracts.westShop }],
      ['contracts.unapprove', { id: ledger.contracts.westShop }],
      [
        'contracts.amend',
        {
          id: ledger.contracts.westShop,
          reason: '加量',
          periodEnd: '2026-12-31',
          lines: [{ goodsId: world.milk, unitName: '箱', quantity: 3600 }],
        },
      ],
      [
        'contracts.settle',
        {
          id: ledger.contracts.westShop,
          kind: 'interim',
          throughDate: '2026-03-01',
          businessDate: '2026-03-01',
        },
      ],
      [
        'counterparties.save',
        {
          id: customers.westShop,
          version: 1,
          counterparty: { code: 'KH102', name: '城西超市', kind: 'customer' },
        },
      ],
    ] as const) {
      const error = await callFailing(engine, method, input, zhaoSession);
      expect(error.code, `${method}: ${error.message}`).toBe('NOT_FOUND');
      expect(error.message, method).not.toContain('城西');
    }

    const zhaoEmployee = (
      await callOk(engine, 'employees.list', { offset: 0, limit: 10, search: '赵总' }, ledger.adminSession)
    ).rows[0]!.id;
    const customer = (salespersonId: number) => ({
      id: null,
      counterparty: { code: 'KH104', name: '新开超市', kind: 'customer' as const, salespersonId },
    });
    await expect(
      callFailing(engine, 'counterparties.save', customer(ledger.employees.li), zhaoSession),
    ).resolves.toMatchObject({
      code: 'FORBIDDEN',
      message: '客户【KH104 新开超市】不在您的客户范围内：业务员须是您本人。',
    });
    await callOk(engine, 'counterparties.save', customer(zhaoEmployee), zhaoSession);
    expect(await listedCustomers(engine, zhaoSession)).toEqual(['新开超市', '蒙牛乳业']);
    // Suppliers are outside the customer scope: anyone who may keep master data keeps them.
    await callOk(
      engine,
      'counterparties.save',
      { id: null, counterparty: { code: 'GY002', name: '伊利乳业', kind: 'supplier' } },
      zhaoSession,
    );
  });
});
