import * as XLSX from '@e965/xlsx';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { permissions } from '../../src/engine/domain/access/permissions';
import {
  administrator,
  beijingBranch,
  callOk,
  ManualClock,
  openLedger,
  signIn,
  tempFolder,
} from './support/ledger';
import { saveCounterparty } from './support/money';
import { act, post, stockWorld } from './support/stock';
import { createAccount, setRoleCustomerScope } from './support/users';
import { channelReportRequest, weeklyFile } from './support/channel-files';

/*
 * 客户数据范围 over 进销存动态 (DOMAIN.md §9; customer-scope.test.ts walks the rest of the reads): a role
 * limited to some customers sees, in every channel read and its file, only their report lines and only the
 * figures worked from them.
 *
 * 东城办 reports 华联商贸 (KH301, salesperson 王五) and 物美 (KH302, salesperson 李四); 西城办 reports 超市发
 * (KH303, salesperson 李四). 王五 works at 东城办 and signs in as `wang`, whose role may do everything on
 * the customers of its scope. Weeks 10 and 11 (2026-03-02 … 03-15), in 箱:
 *
 *   week  customer   opening  purchases  closing  net      delivered by the branch
 *   10    华联商贸     20        30        18     32
 *         物美        10        40        20     30
 *         超市发       5        10         6      9
 *   11    华联商贸     18        12        14     16      10 箱 on 03-10
 *         物美        20        24        26     18       5 箱 on 03-10
 *         超市发       6         8         5      9       3 箱 on 03-10
 *
 * 个人: 华联商贸 alone (net 48 over the two weeks); 本部门 (东城办): 华联商贸 and 物美 (net 96).
 */

const password = 'Tester#2026';
const beijing = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

const customers = {
  KH301: '华联商贸',
  KH302: '物美',
  KH303: '超市发',
} as const;
type CustomerCode = keyof typeof customers;
const codes = Object.keys(customers) as CustomerCode[];

/** Each office's lines per week: customer, opening, purchases, closing. */
const weeks: [string, Record<'东城办' | '西城办', [CustomerCode, number, number, number][]>][] = [
  [
    '2026-03-02',
    {
      东城办: [
        ['KH301', 20, 30, 18],
        ['KH302', 10, 40, 20],
      ],
      西城办: [['KH303', 5, 10, 6]],
    },
  ],
  [
    '2026-03-09',
    {
      东城办: [
        ['KH301', 18, 12, 14],
        ['KH302', 20, 24, 26],
      ],
      西城办: [['KH303', 6, 8, 5]],
    },
  ],
];

async function scopedChannelLedger() {
  // Monday 2026-03-16 11:00: both weeks are in.
  const clock = new ManualClock(beijing('2026-03-16 11:00').toISOString(), 'Asia/Shanghai');
  const engine = await openLedger(path.join(tempFolder(), 'ledger.db'), { clock });
  await callOk(engine, 'setup.createBranch', {
    profile: { ...beijingBranch, approvalRequired: false },
    administrator,
  });
  const adminSession = await signIn(engine);
  const world = await stockWorld(engine);
  const office = async (code: string, name: string) =>
    (await act(engine, 'offices.save', { id: null, office: { code, name, kind: 'office' } })).id;
  const east = await office('BS01', '东城办');
  const west = await office('BS02', '西城办');

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
  const wangUser = (
    await createAccount(engine, adminSession, {
      username: 'wang',
      displayName: '王五',
      role: 'probe',
      password,
    })
  ).id;
  const employee = async (code: string, name: string, officeId: number, userId?: number) =>
    (
      await act(engine, 'employees.save', {
        id: null,
        employee: { code, name, officeId, ...(userId ? { userId } : {}) },
      })
    ).id;
  const wang = await employee('ZY01', '王五', east, wangUser);
  const li = await employee('ZY02', '李四', west);

  const ids = {} as Record<CustomerCode, number>;
  for (const [code, channelTier, officeId, salespersonId] of [
    ['KH301', 'distributor', east, wang],
    ['KH302', 'dealer', east, li],
    ['KH303', 'signed_wholesaler', west, li],
  ] as const) {
    ids[code] = await saveCounterparty(engine, {
      code,
      name: customers[code],
      kind: 'customer',
      channelTier,
      officeId,
      salespersonId,
    });
    const { id } = await act(engine, 'contracts.save', {
      id: null,
      kind: 'sales',
      counterpartyId: ids[code],
      officeId,
      salespersonId,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      signedOn: '2025-12-20',
      lines: [{ goodsId: world.milk, unitName: '箱', quantity: 120_000, agreedPrice: 113_000_000 }],
      rebateTerms: [{ kind: 'per_unit', unitName: '箱', amountPerUnit: 100 }],
    });
    await act(engine, 'contracts.submit', { id });
    await act(engine, 'contracts.approve', { id });
  }

  for (const [week, offices] of weeks) {
    for (const [officeName, lines] of Object.entries(offices)) {
      const file = weeklyFile(
        officeName,
        week,
        lines.map(([code, opening, purchases, closing]) => [
          officeName,
          '周报',
          week,
          code,
          customers[code],
          'SP001',
          '箱',
          opening,
          purchases,
          closing,
          1,
        ]),
      );
      expect(await act(engine, 'import.commit', channelReportRequest(file))).toMatchObject({
        status: 'committed',
      });
    }
  }

  const milkLine = (quantity: string) => ({
    goodsId: world.milk,
    warehouseId: world.warehouse1,
    unitName: '箱',
    quantity,
    unitPrice: '100',
  });
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-03-02',
    counterpartyId: world.supplier,
    lines: [{ ...milkLine('40'), unitPrice: '60' }],
  });
  for (const [code, boxes] of [
    ['KH301', '10'],
    ['KH302', '5'],
    ['KH303', '3'],
  ] as const) {
    await post(engine, {
      type: 'sales_delivery',
      businessDate: '2026-03-10',
      counterpartyId: ids[code],
      lines: [milkLine(boxes)],
    });
  }

  const reports = engine.db.$client
    .prepare(
      'SELECT r.id, o.code AS officeCode, r.period_start AS periodStart FROM channel_reports r ' +
        'JOIN offices o ON o.id = r.office_id ORDER BY r.period_start, o.code',
    )
    .all() as { id: number; officeCode: string; periodStart: string }[];
  return {
    engine,
    adminSession,
    offices: { east, west },
    customerIds: ids,
    reports,
    wangSession: await signIn(engine, 'wang', password),
  };
}
type Ledger = Awaited<ReturnType<typeof scopedChannelLedger>>;

/** Sets the `probe` role's customer scope, as the administrator does on the roles page. */
const setProbeScope = (ledger: Ledger, customerScope: 'own' | 'office' | 'all') =>
  setRoleCustomerScope(ledger.engine, ledger.adminSession, 'probe', customerScope);

/** An output as text: its JSON, and the cells of the files it hands over (.xlsx, or CSV, as base64). */
function textOf(output: unknown): string {
  const texts = [JSON.stringify(output)];
  const files = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && (key === 'base64' || key === 'contentBase64')) {
      const bytes = Buffer.from(value, 'base64');
      if (bytes.subarray(0, 2).toString('latin1') === 'PK') {
        const book = XLSX.read(bytes);
        for (const name of book.SheetNames)
          texts.push(JSON.stringify(XLSX.utils.sheet_to_json(book.Sheets[name]!, { header: 1 })));
      } else texts.push(bytes.toString('utf8'));
    } else if (Array.isArray(value)) value.forEach((item) => files(item, key));
    else if (value !== null && typeof value === 'object')
      for (const [childKey, child] of Object.entries(value)) files(child, childKey);
  };
  files(output);
  return texts.join('\n');
}

interface Read {
  method: string;
  input: object;
  /** The customers the read names when they are in scope (the deadline board names offices only). */
  about: readonly CustomerCode[];
}

/** Every channel read, and each report's file, with inputs that bring every customer in. */
function channelReads(ledger: Ledger): Read[] {
  const range = { kind: 'weekly', from: '2026-03-02', to: '2026-03-15' };
  const everyone = codes.map((code) => ledger.customerIds[code]);
  const east: CustomerCode[] = ['KH301', 'KH302'];
  const west: CustomerCode[] = ['KH303'];
  const inputs = {
    channelNetShipments: [
      { ...range, groupBy: 'customer' },
      { ...range, groupBy: 'office' },
      { ...range, groupBy: 'tier' },
      { ...range, groupBy: 'customer', officeId: ledger.offices.west },
    ],
    channelDaysOfStock: [
      { kind: 'weekly', day: '2026-03-09' },
      { kind: 'weekly', day: '2026-03-09', officeId: ledger.offices.west },
    ],
    channelTwoSources: [range, { ...range, officeId: ledger.offices.west }],
    channelActivity: [
      { from: '2026-03-02', to: '2026-03-15' },
      { from: '2026-03-02', to: '2026-03-15', customerIds: everyone },
    ],
  };
  const reads: Read[] = [
    { method: 'channelReports.board', input: { kind: 'weekly' }, about: [] },
    {
      method: 'channelReports.board',
      input: { kind: 'weekly', from: '2026-03-02', to: '2026-03-15' },
      about: [],
    },
    ...ledger.reports.map((report) => ({
      method: 'channelReports.get',
      input: { id: report.id },
      about: report.officeCode === 'BS01' ? east : west,
    })),
    ...[ledger.offices.east, ledger.offices.west].map((officeId) => ({
      method: 'channelReports.template',
      input: { officeId, kind: 'weekly', day: '2026-03-16' },
      about: officeId === ledger.offices.east ? east : west,
    })),
  ];
  for (const [report, list] of Object.entries(inputs)) {
    for (const input of list) {
      // Net shipments by office or tier name those, not customers.
      const about =
        report === 'channelNetShipments' && 'groupBy' in input && input.groupBy !== 'customer'
          ? []
          : 'officeId' in input
            ? west
            : codes;
      reads.push({ method: `reports.${report}`, input, about });
      for (const format of ['xlsx', 'csv'])
        reads.push({ method: 'reports.export', input: { report, input, columns: [], format }, about });
    }
  }
  return reads;
}

async function call(engine: Engine, session: string, method: string, input: object) {
  return engine.call({ method, input, session }, { source: 'test' });
}

const mentions = (text: string, code: CustomerCode) => text.includes(code) || text.includes(customers[code]);

/**
 * Every channel read as `session`: no customer out of scope is in any output (code or name), each customer
 * in scope is in every output that is about it; and the administrator's outputs name every customer,
 * so a walk whose reads show nobody fails instead of passing.
 */
async function assertChannelScope(ledger: Ledger, session: string, visible: CustomerCode[]) {
  const hidden = codes.filter((code) => !visible.includes(code));
  const leaks: string[] = [];
  const missing: string[] = [];
  const seenByAdmin = new Set<CustomerCode>();
  for (const read of channelReads(ledger)) {
    const label = `${read.method} ${JSON.stringify(read.input)}`;
    const asAdmin = await call(ledger.engine, ledger.adminSession, read.method, read.input);
    if (!asAdmin.ok) throw new Error(`${label} as the administrator: ${asAdmin.error.message}`);
    for (const code of codes) if (mentions(textOf(asAdmin.result), code)) seenByAdmin.add(code);

    const asScoped = await call(ledger.engine, session, read.method, read.input);
    if (!asScoped.ok) throw new Error(`${label} in scope: ${asScoped.error.message}`);
    const text = textOf(asScoped.result);
    for (const code of hidden) if (mentions(text, code)) leaks.push(`${label}: ${code} ${customers[code]}`);
    for (const code of read.about)
      if (visible.includes(code) && !mentions(text, code))
        missing.push(`${label}: ${code} ${customers[code]}`);
  }
  expect(leaks).toEqual([]);
  expect(missing).toEqual([]);
  expect([...seenByAdmin].sort()).toEqual([...codes]);
}

describe('customer scope over channel reports (进销存动态)', () => {
  it('个人: only the holder’s customers, in every channel read and file', async () => {
    const ledger = await scopedChannelLedger();
    await assertChannelScope(ledger, ledger.wangSession, ['KH301']);
  });

  it('本部门: the customers of the holder’s office, not those of the office beside it', async () => {
    const ledger = await scopedChannelLedger();
    await setProbeScope(ledger, 'office');
    await assertChannelScope(ledger, ledger.wangSession, ['KH301', 'KH302']);
  });

  it('全部: every customer', async () => {
    const ledger = await scopedChannelLedger();
    await setProbeScope(ledger, 'all');
    await assertChannelScope(ledger, ledger.wangSession, [...codes]);
  });

  it('works the figures from the lines in scope alone: totals, series, deliveries and the report’s lines', async () => {
    const ledger = await scopedChannelLedger();
    const { engine, wangSession: session } = ledger;
    const range = { kind: 'weekly' as const, from: '2026-03-02', to: '2026-03-15' };

    const byCustomer = await callOk(
      engine,
      'reports.channelNetShipments',
      { ...range, groupBy: 'customer' },
      session,
    );
    expect(byCustomer.rows.map((row) => [row.name, row.depth, row.net, row.channelNet])).toEqual([
      ['KH301 华联商贸', 0, '48', '48'],
    ]);
    expect(byCustomer.series.map((point) => [point.periodStart, point.net])).toEqual([
      ['2026-03-02', '32'],
      ['2026-03-09', '16'],
    ]);
    const byOffice = await callOk(
      engine,
      'reports.channelNetShipments',
      { ...range, groupBy: 'office' },
      session,
    );
    expect(byOffice.rows.map((row) => [row.name, row.net])).toEqual([['东城办', '48']]);
    const byTier = await callOk(
      engine,
      'reports.channelNetShipments',
      { ...range, groupBy: 'tier' },
      session,
    );
    expect(byTier.rows.map((row) => [row.name, row.net])).toEqual([['分销商', '48']]);

    const days = await callOk(
      engine,
      'reports.channelDaysOfStock',
      { kind: 'weekly', day: '2026-03-09' },
      session,
    );
    expect(days.rows.map((row) => [row.customerCode, row.closing, row.annualSigned])).toEqual([
      ['KH301', '14', '1200'],
    ]);

    const sources = await callOk(engine, 'reports.channelTwoSources', range, session);
    expect(sources.rows.map((row) => [row.periodStart, row.customerCode, row.system, row.reported])).toEqual([
      ['2026-03-02', 'KH301', '0', '30'],
      ['2026-03-09', 'KH301', '10', '12'],
    ]);

    const activity = await callOk(
      engine,
      'reports.channelActivity',
      { from: '2026-03-02', to: '2026-03-15', customerIds: codes.map((code) => ledger.customerIds[code]) },
      session,
    );
    expect(activity.rows.map((row) => [row.customerCode, row.net, row.delivered, row.weeksMissing])).toEqual([
      ['KH301', '48', '10', 0],
    ]);

    // 东城办's report shows 王五 the line of 华联商贸 alone; 西城办's, none.
    const [eastWeek10, westWeek10] = ledger.reports;
    const east = await callOk(engine, 'channelReports.get', { id: eastWeek10!.id }, session);
    expect(east.lines.map((line) => [line.customerCode, line.netShipments])).toEqual([['KH301', '32']]);
    const west = await callOk(engine, 'channelReports.get', { id: westWeek10!.id }, session);
    expect(west.lines).toEqual([]);

    const template = await callOk(
      engine,
      'channelReports.template',
      { officeId: ledger.offices.east, kind: 'weekly', day: '2026-03-16' },
      session,
    );
    const book = XLSX.read(Buffer.from(template.contentBase64, 'base64'));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
    expect(rows.slice(1).map((row) => [row[3], row[8]])).toEqual([['KH301', '14']]);
  });
  it('counts a report’s lines as the holder sees them: on the board and in its versions', async () => {
    const ledger = await scopedChannelLedger();
    const eastWeek10 = ledger.reports.find((r) => r.officeCode === 'BS01' && r.periodStart === '2026-03-02')!;
    const board = await call(ledger.engine, ledger.wangSession, 'channelReports.board', {
      kind: 'weekly',
      from: '2026-03-02',
      to: '2026-03-02',
    });
    if (!board.ok) throw new Error(board.error.message);
    const cells = (board.result as { offices: { officeCode: string; cells: { lines: number }[] }[] }).offices;
    expect(cells.find((office) => office.officeCode === 'BS01')!.cells[0]!.lines).toBe(1);
    const report = await call(ledger.engine, ledger.wangSession, 'channelReports.get', { id: eastWeek10.id });
    if (!report.ok) throw new Error(report.error.message);
    expect((report.result as { versions: { lines: number }[] }).versions.map((v) => v.lines)).toEqual([1]);
    const asAdmin = await call(ledger.engine, ledger.adminSession, 'channelReports.get', {
      id: eastWeek10.id,
    });
    if (!asAdmin.ok) throw new Error(asAdmin.error.message);
    expect((asAdmin.result as { versions: { lines: number }[] }).versions.map((v) => v.lines)).toEqual([2]);
  });

  // The import wizard is a file method, outside customer-scope.test.ts's walk: its checks and its writes
  // keep to the importer's scope too.
  it('import.preview names no contracted customer out of scope among the missing', async () => {
    const ledger = await scopedChannelLedger();
    const file = weeklyFile('东城办', '2026-03-16', [
      ['东城办', '周报', '2026-03-16', 'KH301', '华联商贸', 'SP001', '箱', 14, 10, 12, 0],
    ]);
    const preview = await call(
      ledger.engine,
      ledger.wangSession,
      'import.preview',
      channelReportRequest(file),
    );
    if (!preview.ok) throw new Error(preview.error.message);
    expect(mentions(textOf(preview.result), 'KH302')).toBe(false);
    // The administrator is told 物美 is missing: the check itself still runs.
    const asAdmin = await call(
      ledger.engine,
      ledger.adminSession,
      'import.preview',
      channelReportRequest(file),
    );
    if (!asAdmin.ok) throw new Error(asAdmin.error.message);
    expect(textOf(asAdmin.result)).toContain(
      '本办事处的签约客户未在2026年第12周（03-16—03-22）的表中：KH302 物美',
    );
  });

  it('import.commit refuses a line for a customer out of scope, and a report holding one', async () => {
    const ledger = await scopedChannelLedger();
    const west = weeklyFile('西城办', '2026-03-16', [
      ['西城办', '周报', '2026-03-16', 'KH303', '超市发', 'SP001', '箱', 5, 8, 6, 0],
    ]);
    const refused = await call(
      ledger.engine,
      ledger.wangSession,
      'import.commit',
      channelReportRequest(west),
    );
    if (!refused.ok) throw new Error(refused.error.message);
    expect(refused.result).toMatchObject({ status: 'refused', created: 0 });
    expect(textOf(refused.result)).toContain('客户编码 KH303 不存在');

    // 东城办's week 10 holds 物美's line too: his file of 华联商贸 alone would drop it unseen.
    const east = weeklyFile('东城办', '2026-03-02', [
      ['东城办', '周报', '2026-03-02', 'KH301', '华联商贸', 'SP001', '箱', 20, 30, 17, 0],
    ]);
    const replacing = await call(
      ledger.engine,
      ledger.wangSession,
      'import.commit',
      channelReportRequest(east),
    );
    if (!replacing.ok) throw new Error(replacing.error.message);
    expect(replacing.result).toMatchObject({ status: 'refused', created: 0 });
    expect(textOf(replacing.result)).toContain('有您的客户范围以外的客户，不能由您重新导入');
    expect(mentions(textOf(replacing.result), 'KH302')).toBe(false);
  });
});
