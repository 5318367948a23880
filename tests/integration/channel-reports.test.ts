import * as XLSX from '@e965/xlsx';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine';
import { cliActor } from '../../src/engine/services/context';
import { buildPackages } from '../../src/engine/services/upload/build-package';
import { packageBody } from '../../src/engine/services/upload/outbox-list';
import { readPackage } from './support/read-package';
import { saveCounterparty, saveEmployee, saveOffice } from './support/money';
import { administrator, beijingBranch, callOk, ManualClock, openLedger, tempFolder } from './support/ledger';
import { act, attempt, post, stockWorld, type StockWorld } from './support/stock';
import { channelReportRequest, weeklyFile } from './support/channel-files';

/*
 * 进销存动态 (issue 15), on the branch's clock in Beijing. 东城办 has 华联商贸 (分销商) and 物美 (经销商) under
 * contract for 2026, 西城办 超市发 (签约二批商). Week 10 is 2026-03-02 … 03-08: its report is due at the branch
 * by 13:00 on Monday 03-09 and must be imported by 15:00.
 *
 *   11:00 东城办's file is imported: on time; 物美 is missing from it (a warning, not a refusal).
 *   14:00 西城办 has sent nothing: 未报, 1 小时 so far. Its file arrived at 13:40: 迟报 by 40 分钟.
 *   15:30 西城办's file is imported: still 迟报, and imported 30 分钟 after 15:00.
 *   华联商贸 SP001 in 箱: opening 20 + purchases 30 − counted 18 = net shipments 32 箱 (768 袋).
 */

interface ChannelWorld {
  engine: Engine;
  clock: ManualClock;
  world: StockWorld;
  east: number;
  west: number;
  customers: Record<string, number>;
}

/** Beijing's wall clock: 2026-03-09 11:00 is 03:00 UTC. */
const beijing = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

async function channelWorld(): Promise<ChannelWorld> {
  const clock = new ManualClock(beijing('2026-03-09 11:00').toISOString(), 'Asia/Shanghai');
  const engine = await openLedger(path.join(tempFolder(), 'ledger.db'), { clock });
  await callOk(engine, 'setup.createBranch', {
    profile: { ...beijingBranch, approvalRequired: false },
    administrator,
  });
  const world = await stockWorld(engine);
  const east = await saveOffice(engine, 'BS01', '东城办');
  const west = await saveOffice(engine, 'BS02', '西城办');
  const salespersonId = await saveEmployee(engine, 'ZY01', '王五');
  // 物美 is the dealer 华联商贸 buys from: the channel tree dealer → distributor.
  const customers: Record<string, number> = {};
  for (const [code, name, channelTier, officeId, parent] of [
    ['KH302', '物美', 'dealer', east, null],
    ['KH301', '华联商贸', 'distributor', east, 'KH302'],
    ['KH303', '超市发', 'signed_wholesaler', west, null],
  ] as const) {
    const parentId = parent ? customers[parent]! : null;
    const customer = await saveCounterparty(engine, {
      code,
      name,
      kind: 'customer',
      channelTier,
      officeId,
      ...(parentId ? { parentId } : {}),
    });
    customers[code] = customer;
    const { id } = await act(engine, 'contracts.save', {
      id: null,
      kind: 'sales',
      counterpartyId: customer,
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
  return { engine, clock, world, east, west, customers };
}

const eastWeek10 = (closing: number) =>
  weeklyFile('东城办', '2026-03-02', [
    ['东城办', '周报', '2026-03-02', 'KH301', '华联商贸', 'SP001', '箱', 20, 30, closing, 2],
  ]);
const westWeek10 = weeklyFile('西城办', '2026-03-02', [
  ['西城办', '周报', '2026-03-02', 'KH303', '超市发', 'SP001', '箱', 5, 10, 6, 0],
]);

async function weekBoard(t: ChannelWorld, day = '2026-03-02') {
  const board = await act(t.engine, 'channelReports.board', { kind: 'weekly', from: day });
  return Object.fromEntries(board.offices.map((office) => [office.officeName, office.cells[0]!]));
}

describe('channel reports from offices (进销存动态)', () => {
  it('keeps the deadline board, replaces a report imported again, and versions a correction after review', async () => {
    const t = await channelWorld();
    const preview = await act(t.engine, 'import.preview', channelReportRequest(eastWeek10(18)));
    expect(preview.headerRowNumber).toBe(2);
    expect(preview.rows[0]!.warnings).toContainEqual({
      column: '客户编码',
      message: '本办事处的签约客户未在2026年第10周（03-02—03-08）的表中：KH302 物美',
    });
    expect(await act(t.engine, 'import.commit', channelReportRequest(eastWeek10(18)))).toMatchObject({
      status: 'committed',
      created: 1,
    });

    let board = await weekBoard(t);
    expect(board['东城办']).toMatchObject({
      dueDay: '2026-03-09',
      submitBy: '2026-03-09 13:00',
      receivedAt: '2026-03-09 11:00',
      state: 'on_time',
      statusLabel: '已导入',
      version: 1,
    });
    expect(board['西城办']).toMatchObject({ state: 'not_due', receivedAt: null });

    t.clock.advance(3 * 3600_000); // 14:00
    board = await weekBoard(t);
    expect(board['西城办']).toMatchObject({ state: 'missing', stateLabel: '未报', lateBy: '1 小时' });
    await act(t.engine, 'channelReports.received', {
      officeId: t.west,
      kind: 'weekly',
      day: '2026-03-04',
      receivedAt: '2026-03-09 13:40',
    });
    expect((await weekBoard(t))['西城办']).toMatchObject({
      state: 'late',
      lateBy: '40 分钟',
      importLateBy: null,
    });

    t.clock.advance(90 * 60_000); // 15:30
    await act(t.engine, 'import.commit', channelReportRequest(westWeek10));
    expect((await weekBoard(t))['西城办']).toMatchObject({
      state: 'late',
      stateLabel: '迟报',
      lateBy: '40 分钟',
      importedAt: '2026-03-09 15:30',
      importLateBy: '30 分钟',
    });

    // 东城办 corrects its count before review: the same report, its line replaced, not added to.
    await act(t.engine, 'import.commit', channelReportRequest(eastWeek10(16)));
    const eastId = (await weekBoard(t))['东城办']!.reportId!;
    let report = await act(t.engine, 'channelReports.get', { id: eastId });
    expect(report).toMatchObject({ version: 1, status: 'imported' });
    expect(report.lines).toEqual([
      expect.objectContaining({
        customerName: '华联商贸',
        unitName: '箱',
        opening: '20',
        purchases: '30',
        closing: '16',
        inTransit: '2',
        netShipments: '34',
      }),
    ]);

    await act(t.engine, 'channelReports.review', { id: eastId });
    const again = await attempt(t.engine, 'channelReports.review', { id: eastId });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '东城办的这份报表已由 命令行 于 2026-03-09 15:30 审核。' },
    });

    // After review a correction is the next version; the reviewed one is kept as it was.
    const correction = await act(t.engine, 'import.preview', channelReportRequest(eastWeek10(17)));
    expect(correction.rows[0]!.warnings).toContainEqual({
      column: '报表期间',
      message: '2026年第10周（03-02—03-08）的报表已审核：本次导入作为第 2 版更正，第 1 版保留',
    });
    await act(t.engine, 'import.commit', channelReportRequest(eastWeek10(17)));
    const east = (await weekBoard(t))['东城办']!;
    expect(east).toMatchObject({
      version: 2,
      status: 'imported',
      receivedAt: '2026-03-09 11:00',
      state: 'on_time',
    });
    report = await act(t.engine, 'channelReports.get', { id: east.reportId! });
    expect(report.versions.map((v) => [v.version, v.statusLabel, v.reviewedByName])).toEqual([
      [2, '已导入', null],
      [1, '已替换', '命令行'],
    ]);
    const first = await act(t.engine, 'channelReports.get', { id: eastId });
    expect(first.lines[0]).toMatchObject({ closing: '16' });
  });

  it('refuses a file with unknown goods or negative stock, whole, saying where', async () => {
    const t = await channelWorld();
    const file = weeklyFile('东城办', '2026-03-02', [
      ['东城办', '周报', '2026-03-02', 'KH301', '华联商贸', 'SP001', '箱', 20, 30, 18, 0],
      ['东城办', '周报', '2026-03-02', 'KH302', '物美', 'SP999', '箱', 1, 1, 1, 0],
      ['东城办', '周报', '2026-03-02', 'KH302', '物美', 'SP001', '箱', 4, 0, -1, 0],
      ['东城办', '周报', '2026-13-45', 'KH302', '物美', 'SP001', '箱', 4, 0, 1, 0],
    ]);
    const outcome = await act(t.engine, 'import.commit', {
      ...channelReportRequest(file),
      options: { ...channelReportRequest(file).options, validOnly: true },
    });
    expect(outcome.status).toBe('refused');
    expect(outcome.errors.map((error) => [error.row, error.column, error.message])).toEqual([
      [4, '商品编码', '商品编码 SP999 不存在'],
      [5, '实地库存', '实地库存不能为负数'],
      [6, '报表期间', '报表期间“2026-13-45”不是有效的周：写该周任一天（如 2026-03-02）或 2026-W10'],
    ]);
    expect((await weekBoard(t))['东城办']).toMatchObject({ reportId: null });
  });

  it('questions an opening that is not last period’s count, purchases far above the usual, and a skipped week', async () => {
    const t = await channelWorld();
    await act(t.engine, 'import.commit', channelReportRequest(eastWeek10(18)));
    const week11 = weeklyFile('东城办', '2026-W11', [
      ['东城办', '周报', '2026-W11', 'KH301', '华联商贸', 'SP001', '箱', 20, 400, 30, 0],
      ['东城办', '周报', '2026-W11', 'KH302', '物美', 'SP001', '箱', 0, 10, 4, 0],
    ]);
    const preview = await act(t.engine, 'import.preview', channelReportRequest(week11));
    expect(preview.counts).toMatchObject({ total: 2, errors: 0 });
    expect(preview.rows[0]!.warnings).toEqual([
      { column: '期初库存', message: '期初库存 20 与上期（2026年第10周（03-02—03-08））实地库存 18 不同' },
      { column: '本期进货', message: '本期进货 400 超过近 1 期平均（30）的 10 倍，请核对' },
    ]);
    await act(t.engine, 'import.commit', channelReportRequest(week11));

    const week13 = weeklyFile('东城办', '2026年第13周', [
      ['东城办', '周报', '2026年第13周', 'KH301', '华联商贸', 'SP001', '箱', 30, 20, 25, 0],
      ['东城办', '周报', '2026年第13周', 'KH302', '物美', 'SP001', '箱', 4, 10, 4, 0],
    ]);
    const skipped = await act(t.engine, 'import.preview', channelReportRequest(week13));
    expect(skipped.rows[0]!.warnings).toContainEqual({
      column: '报表期间',
      message: '上一期（2026年第12周（03-16—03-22））没有本办事处的周报：是否漏报了一期？',
    });
  });
});

/*
 * The figures, worked by hand: 东城办's weekly reports of SP001 鲜牛奶 in 箱 for weeks 10–13 (03-02 … 03-29).
 *
 *            华联商贸 (分销商, under 物美)          物美 (经销商)
 *   week     opening  purchases  closing  net    opening  purchases  closing  net
 *   10         20        30        18     32       10        40        20     30
 *   11         18        12        14     16       20        24        26     18
 *   12         14        20        16     18       26        10        22     14
 *   13         16        24        20     20       22        34        28     28
 *   weeks 10–13: 华联商贸 20 + 86 − 20 = 86;  物美 10 + 108 − 28 = 90;  物美 with its channel 176
 *   by tier: 分销商 86, 经销商 90;  by office: 东城办 176
 *
 * Days of stock at week 13, each signed 1,200 箱 for 2026:
 *   华联商贸 20 × 365 / 1,200 = 6.08 → 6.1 days (少于 7 天); last 4 weeks average 86 / 4 = 21.5 a week,
 *     cover 20 × 7 / 21.5 = 6.51 → 6.5 days (少于 7 天)
 *   物美 28 × 365 / 1,200 = 8.52 → 8.5 days (7–30 天); average 22.5, cover 28 × 7 / 22.5 = 8.71 → 8.7 days
 *
 * Two sources: the branch delivered 华联商贸 10 箱 on 03-10 (week 11; reported 12: +2, +20.0%) and 物美 10 箱
 * on 03-17 less a 2 箱 return on 03-19 (week 12: 8; reported 10: +2, +25.0%).
 *
 * A promotion 03-09 … 03-24 counts weeks 11 and 12 (week 13 is only partly in it): 华联商贸 18 + 32 − 16 = 34
 * against 10 delivered; 物美 20 + 34 − 22 = 32 against 8.
 */
const eastWeeks: [string, (string | number)[], (string | number)[]][] = [
  ['2026-03-02', [20, 30, 18], [10, 40, 20]],
  ['2026-03-09', [18, 12, 14], [20, 24, 26]],
  ['2026-03-16', [14, 20, 16], [26, 10, 22]],
  ['2026-03-23', [16, 24, 20], [22, 34, 28]],
];

describe('channel figures (净出货量, 库存消化天数, 两个口径, 活动核准)', () => {
  it('match the figures worked by hand', async () => {
    const t = await channelWorld();
    t.clock.advance(21 * 86_400_000); // 2026-03-30
    for (const [week, hualian, wumart] of eastWeeks) {
      const file = weeklyFile('东城办', week, [
        ['东城办', '周报', week, 'KH301', '华联商贸', 'SP001', '箱', ...hualian, 0],
        ['东城办', '周报', week, 'KH302', '物美', 'SP001', '箱', ...wumart, 0],
      ]);
      expect(await act(t.engine, 'import.commit', channelReportRequest(file))).toMatchObject({
        status: 'committed',
      });
    }
    const milkLine = (quantity: string) => ({
      goodsId: t.world.milk,
      warehouseId: t.world.warehouse1,
      unitName: '箱',
      quantity,
      unitPrice: '100',
    });
    await post(t.engine, {
      type: 'purchase_receipt',
      businessDate: '2026-03-02',
      counterpartyId: t.world.supplier,
      lines: [{ ...milkLine('40'), unitPrice: '60' }],
    });
    await post(t.engine, {
      type: 'sales_delivery',
      businessDate: '2026-03-10',
      counterpartyId: t.customers.KH301!,
      lines: [milkLine('10')],
    });
    const delivery = await post(t.engine, {
      type: 'sales_delivery',
      businessDate: '2026-03-17',
      counterpartyId: t.customers.KH302!,
      lines: [milkLine('10')],
    });
    const origin = await act(t.engine, 'documents.get', { id: delivery });
    await post(t.engine, {
      type: 'sales_return',
      businessDate: '2026-03-19',
      counterpartyId: t.customers.KH302!,
      sourceDocumentId: delivery,
      lines: [{ ...milkLine('2'), sourceLineId: origin.lines[0]!.id }],
    });

    const range = { kind: 'weekly' as const, from: '2026-03-02', to: '2026-03-29' };
    const byCustomer = await act(t.engine, 'reports.channelNetShipments', { ...range, groupBy: 'customer' });
    expect(
      byCustomer.rows.map((row) => [
        row.name,
        row.depth,
        row.opening,
        row.purchases,
        row.closing,
        row.net,
        row.channelNet,
      ]),
    ).toEqual([
      ['KH302 物美', 0, '10', '108', '28', '90', '176'],
      ['KH301 华联商贸', 1, '20', '86', '20', '86', '86'],
    ]);
    expect(byCustomer.series.map((point) => [point.periodStart, point.net])).toEqual([
      ['2026-03-02', '62'],
      ['2026-03-09', '34'],
      ['2026-03-16', '32'],
      ['2026-03-23', '48'],
    ]);
    const byTier = await act(t.engine, 'reports.channelNetShipments', { ...range, groupBy: 'tier' });
    expect(byTier.rows.map((row) => [row.name, row.net])).toEqual([
      ['分销商', '86'],
      ['经销商', '90'],
    ]);
    const byOffice = await act(t.engine, 'reports.channelNetShipments', { ...range, groupBy: 'office' });
    expect(byOffice.rows.map((row) => [row.name, row.net])).toEqual([['东城办', '176']]);

    const days = await act(t.engine, 'reports.channelDaysOfStock', { kind: 'weekly', day: '2026-03-25' });
    expect(days.period.label).toBe('2026年第13周（03-23—03-29）');
    expect(
      days.rows.map((row) => [
        row.customerName,
        row.closing,
        row.annualSigned,
        row.daysToConsume,
        row.consumeBandLabel,
        row.weeklyNet,
        row.daysOfCover,
        row.coverBandLabel,
      ]),
    ).toEqual([
      ['华联商贸', '20', '1200', '6.1', '少于 7 天', '21.5', '6.5', '少于 7 天'],
      ['物美', '28', '1200', '8.5', '7–30 天', '22.5', '8.7', '7–30 天'],
    ]);

    const sources = await act(t.engine, 'reports.channelTwoSources', range);
    expect(
      sources.rows
        .filter((row) => row.system !== '0')
        .map((row) => [
          row.periodStart,
          row.customerName,
          row.system,
          row.reported,
          row.difference,
          row.differencePercent,
        ]),
    ).toEqual([
      ['2026-03-09', '华联商贸', '10', '12', '2', '20'],
      ['2026-03-16', '物美', '8', '10', '2', '25'],
    ]);
    expect(sources.rows.find((row) => row.periodStart === '2026-03-02')).toMatchObject({
      system: '0',
      reported: '30',
      differencePercent: null,
    });

    const promotion = await act(t.engine, 'reports.channelActivity', {
      from: '2026-03-09',
      to: '2026-03-24',
    });
    expect(promotion.weeks).toEqual(['2026年第11周（03-09—03-15）', '2026年第12周（03-16—03-22）']);
    expect(promotion.partialWeeks).toEqual(['2026年第13周（03-23—03-29）']);
    expect(
      promotion.rows.map((row) => [
        row.customerName,
        row.opening,
        row.purchases,
        row.closing,
        row.net,
        row.delivered,
        row.weeksMissing,
      ]),
    ).toEqual([
      ['华联商贸', '18', '32', '16', '34', '10', 0],
      ['物美', '20', '34', '22', '32', '8', 0],
    ]);

    const file = await act(t.engine, 'reports.export', {
      report: 'channelNetShipments',
      input: { ...range, groupBy: 'customer' },
      columns: [],
    });
    const sheet = XLSX.read(Buffer.from(file.base64, 'base64'));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet.Sheets[sheet.SheetNames[0]!]!, { header: 1 });
    expect(rows[0]).toContain('净出货量(含下级)');
    expect(rows.slice(1).map((row) => row[0])).toEqual(['KH302 物美', '　KH301 华联商贸']);

    // Head office receives each report in force with its lines and net shipments (base units: 袋 × 100).
    const built = buildPackages(
      { db: t.engine.db, actor: cliActor, clock: t.clock },
      { appVersion: '0.1.0-test' },
    );
    const reports = built.flatMap((pkg) =>
      readPackage(packageBody(t.engine.db.$client, pkg.packageId)).rows.filter(
        (row) => row.s === 'channel_reports',
      ),
    );
    expect(
      reports.map((row) => [
        row.p,
        (row.r as Record<string, unknown>).periodStart,
        (row.r as Record<string, unknown>).netShipments,
      ]),
    ).toEqual([
      ['2026-03', '2026-03-02', 62 * 2400],
      ['2026-03', '2026-03-09', 34 * 2400],
      ['2026-03', '2026-03-16', 32 * 2400],
      ['2026-03', '2026-03-23', 48 * 2400],
    ]);
    expect((reports[0]!.r as { lines: unknown[] }).lines).toContainEqual(
      expect.objectContaining({
        opening: 480 * 100,
        purchases: 720 * 100,
        closing: 432 * 100,
        netShipments: 768 * 100,
      }),
    );
  });
});

describe('the office template (进销存动态表模板)', () => {
  it('lists the office’s contracted customers and goods with last period’s count as opening, and imports as filled in', async () => {
    const t = await channelWorld();
    await act(t.engine, 'import.commit', channelReportRequest(eastWeek10(18)));
    const file = await act(t.engine, 'channelReports.template', {
      officeId: t.east,
      kind: 'weekly',
      day: '2026-03-09',
    });
    expect(file.fileName).toBe('东城办2026年第11周（03-09—03-15）进销存周报.xlsx');
    const book = XLSX.read(Buffer.from(file.contentBase64, 'base64'));
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets[book.SheetNames[0]!]!, {
      header: 1,
      defval: null,
    });
    expect(rows.slice(1)).toEqual([
      ['东城办', '周报', '2026-03-09', 'KH301', '华联商贸', 'SP001', '鲜牛奶', '箱', '18', null, null, null],
      ['东城办', '周报', '2026-03-09', 'KH302', '物美', 'SP001', '鲜牛奶', '箱', null, null, null, null],
    ]);
    const filled = rows.map((row, index) =>
      index === 0 ? row : [...row.slice(0, 8), row[8] ?? 0, 10, 12, 0],
    );
    const sent = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(sent, XLSX.utils.aoa_to_sheet(filled), '周报');
    const base64 = (XLSX.write(sent, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
    const preview = await act(t.engine, 'import.preview', channelReportRequest(base64));
    expect(preview.rows.flatMap((row) => row.errors.concat(row.warnings))).toEqual([]);
    expect(await act(t.engine, 'import.commit', channelReportRequest(base64))).toMatchObject({
      status: 'committed',
      created: 1,
    });
  });
});
