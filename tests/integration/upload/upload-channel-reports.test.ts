import { describe, expect, it } from 'vitest';
import { verifyBranch } from '../../../src/hq/verify-totals';
import { saveCounterparty, saveOffice } from '../support/money';
import { act } from '../support/stock';
import { headOfficeMatchesBranch } from './support/compare-books';
import { storeKinds } from './support/test-stores';
import { januaryAndFebruary, uploadWorld, type UploadWorld } from './support/upload-world';
import { channelReportRequest, weeklyFile } from '../support/channel-files';

/*
 * 进销存动态 reaching head office (DOMAIN.md §9, §10) over HTTPS through the branch's own upload. Week 10 is
 * 2026-03-02 … 03-08, so its reports belong to the March period. Quantities at head office are in base
 * units × 10^2: a 箱 of 鲜牛奶 is 24 袋 = 2400, a 箱 of 酸奶 12 杯 = 1200.
 *
 *   东城办  KH301 华联商贸  SP001 鲜牛奶  opening 20 + purchases 30 − closing 18 = 32 箱 (76 800), in transit 2
 *           KH301 华联商贸  SP002 酸奶    opening 5 + purchases 10 − closing 9 = 6 箱 (7 200)
 *   西城办  KH303 超市发    SP001 鲜牛奶  opening 5 + purchases 10 − closing 6 = 9 箱 (21 600)
 *
 * After review 东城办 corrects its count of 鲜牛奶 to 17: version 2, 33 箱 (79 200); the reviewed version 1
 * stays at the branch as superseded, and head office holds only the version in force.
 */

const eastWeek10 = (milkClosing: number) =>
  weeklyFile('东城办', '2026-03-02', [
    ['东城办', '周报', '2026-03-02', 'KH301', '华联商贸', 'SP001', '箱', 20, 30, milkClosing, 2],
    ['东城办', '周报', '2026-03-02', 'KH301', '华联商贸', 'SP002', '箱', 5, 10, 9, 0],
  ]);
const westWeek10 = weeklyFile('西城办', '2026-03-02', [
  ['西城办', '周报', '2026-03-02', 'KH303', '超市发', 'SP001', '箱', 5, 10, 6, 0],
]);

const milkBox = 2400;
const yogurtBox = 1200;

interface HeldLine {
  customerUid: string;
  goodsUid: string;
  opening: number;
  purchases: number;
  closing: number;
  inTransit: number;
  netShipments: number;
}

/** Every row head office holds for the branch's channel reports of a period, all its parts. */
async function heldReports(upload: UploadWorld, period: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const part of await upload.store.heldPeriodParts('BJ01')) {
    if (part.section !== 'channel_reports' || part.period !== period) continue;
    rows.push(...(await upload.store.periodPartRows('BJ01', 'channel_reports', period, part.part)));
  }
  return rows;
}

function uidOf(upload: UploadWorld, table: 'counterparties' | 'goods', code: string): string {
  return (
    upload.engine.db.$client.prepare(`SELECT uid FROM ${table} WHERE code = ?`).get(code) as { uid: string }
  ).uid;
}

/** The reports in force at the branch, as the channel_reports table holds them. */
function branchReports(upload: UploadWorld) {
  return upload.engine.db.$client
    .prepare(
      'SELECT r.uid, o.code AS officeCode, r.version, r.status FROM channel_reports r ' +
        'JOIN offices o ON o.id = r.office_id ORDER BY o.code, r.version',
    )
    .all() as { uid: string; officeCode: string; version: number; status: string }[];
}

/**
 * Head office holds, for every month it holds channel reports of, exactly the branch's reports in force
 * whose week or month ends in it: the same uids and versions, and nothing superseded.
 */
async function expectReportsInForceHeld(upload: UploadWorld) {
  const held = await upload.store.heldPeriodParts('BJ01');
  const months = [
    ...new Set(held.filter((part) => part.section === 'channel_reports').map((part) => part.period)),
  ].sort();
  expect(months.length).toBeGreaterThan(0);
  for (const month of months) {
    const inForce = upload.engine.db.$client
      .prepare(
        "SELECT uid, version FROM channel_reports WHERE status <> 'superseded' AND substr(period_end, 1, 7) = ? " +
          'ORDER BY period_start, office_id, kind',
      )
      .all(month) as { uid: string; version: number }[];
    const atHeadOffice = (await heldReports(upload, month)).map((report) => ({
      uid: report.reportUid,
      version: report.version,
    }));
    expect(atHeadOffice, `进销存动态 ${month}`).toEqual(inForce);
  }
}

/** `hq verify`: every period part head office holds recomputes to its manifest's totals. */
async function expectVerified(upload: UploadWorld) {
  const verdicts = await verifyBranch(upload.store, 'BJ01');
  expect(verdicts.filter((verdict) => !verdict.consistent)).toEqual([]);
  expect(verdicts.map((verdict) => `${verdict.section}/${verdict.period}`)).toContain(
    'channel_reports/2026-03',
  );
}

describe.each(storeKinds)('channel reports in the upload to head office (%s)', (kind) => {
  it('holds each report in force with its lines and net shipments, and a correction after review in its place', async () => {
    const upload = await uploadWorld(kind);
    const { engine, clock } = upload;
    await januaryAndFebruary(upload);
    const east = await saveOffice(engine, 'BS01', '东城办');
    const west = await saveOffice(engine, 'BS02', '西城办');
    await saveCounterparty(engine, {
      code: 'KH301',
      name: '华联商贸',
      kind: 'customer',
      channelTier: 'distributor',
      officeId: east,
    });
    await saveCounterparty(engine, {
      code: 'KH303',
      name: '超市发',
      kind: 'customer',
      channelTier: 'signed_wholesaler',
      officeId: west,
    });
    clock.advance(7 * 86_400_000); // Monday 2026-03-09: week 10's reports come in.
    for (const file of [eastWeek10(18), westWeek10]) {
      expect(await act(engine, 'import.commit', channelReportRequest(file))).toMatchObject({
        status: 'committed',
        created: 1,
      });
    }

    expect(await upload.run()).toMatchObject({ outcome: 'uploaded', pending: 0 });
    const hualian = uidOf(upload, 'counterparties', 'KH301');
    const chaoshifa = uidOf(upload, 'counterparties', 'KH303');
    const milk = uidOf(upload, 'goods', 'SP001');
    const yogurt = uidOf(upload, 'goods', 'SP002');
    const [eastV1, westV1] = branchReports(upload);
    let held = await heldReports(upload, '2026-03');
    expect(held).toEqual([
      expect.objectContaining({
        reportUid: eastV1!.uid,
        officeCode: 'BS01',
        kind: 'weekly',
        periodStart: '2026-03-02',
        periodEnd: '2026-03-08',
        version: 1,
        status: 'imported',
        netShipments: 32 * milkBox + 6 * yogurtBox,
        lines: [
          {
            customerUid: hualian,
            goodsUid: milk,
            opening: 20 * milkBox,
            purchases: 30 * milkBox,
            closing: 18 * milkBox,
            inTransit: 2 * milkBox,
            netShipments: 32 * milkBox,
          },
          {
            customerUid: hualian,
            goodsUid: yogurt,
            opening: 5 * yogurtBox,
            purchases: 10 * yogurtBox,
            closing: 9 * yogurtBox,
            inTransit: 0,
            netShipments: 6 * yogurtBox,
          },
        ],
      }),
      expect.objectContaining({
        reportUid: westV1!.uid,
        officeCode: 'BS02',
        periodStart: '2026-03-02',
        version: 1,
        netShipments: 9 * milkBox,
        lines: [
          {
            customerUid: chaoshifa,
            goodsUid: milk,
            opening: 5 * milkBox,
            purchases: 10 * milkBox,
            closing: 6 * milkBox,
            inTransit: 0,
            netShipments: 9 * milkBox,
          },
        ],
      }),
    ]);
    // Each line's net shipments are opening + purchases − closing, and the report's the sum of its lines'.
    for (const report of held) {
      const lines = report.lines as HeldLine[];
      for (const line of lines) expect(line.netShipments).toBe(line.opening + line.purchases - line.closing);
      expect(report.netShipments).toBe(lines.reduce((sum, line) => sum + line.netShipments, 0));
    }
    // No report of another period, and none in February: week 10 ends in March.
    expect(await heldReports(upload, '2026-02')).toEqual([]);
    expect((await upload.store.rowCounts('BJ01')).channel_reports).toBe(2);
    await expectVerified(upload);
    await expectReportsInForceHeld(upload);
    await headOfficeMatchesBranch(upload);

    // Reviewed, then corrected: version 2 is in force, version 1 is kept at the branch as superseded.
    await act(engine, 'channelReports.review', { id: eastReportId(upload, 1) });
    clock.advance(3600_000);
    expect(await act(engine, 'import.commit', channelReportRequest(eastWeek10(17)))).toMatchObject({
      status: 'committed',
    });
    const reports = branchReports(upload);
    expect(reports.map((report) => [report.officeCode, report.version, report.status])).toEqual([
      ['BS01', 1, 'superseded'],
      ['BS01', 2, 'imported'],
      ['BS02', 1, 'imported'],
    ]);
    const eastV2 = reports[1]!;
    expect(eastV2.uid).not.toBe(eastV1!.uid);

    expect(await upload.run()).toMatchObject({ outcome: 'uploaded', pending: 0 });
    held = await heldReports(upload, '2026-03');
    expect(held.map((report) => [report.reportUid, report.officeCode, report.version])).toEqual([
      [eastV2.uid, 'BS01', 2],
      [westV1!.uid, 'BS02', 1],
    ]);
    expect(held[0]).toMatchObject({
      status: 'imported',
      reviewedBy: null,
      netShipments: 33 * milkBox + 6 * yogurtBox,
      lines: [
        expect.objectContaining({ goodsUid: milk, closing: 17 * milkBox, netShipments: 33 * milkBox }),
        expect.objectContaining({ goodsUid: yogurt, netShipments: 6 * yogurtBox }),
      ],
    });
    // Replaced, not added: still one row per office and week.
    expect((await upload.store.rowCounts('BJ01')).channel_reports).toBe(2);
    await expectVerified(upload);
    await expectReportsInForceHeld(upload);
    await headOfficeMatchesBranch(upload);
  });

  /*
   * A correction to an earlier month: February's monthly report of 东城办 (opening 20, purchases 30, closing 18
   * 箱) imported and uploaded on 03-02, reviewed, then corrected to a count of 17 on 03-03. The change log's
   * entries of a report carry the date it counts in (its period's end), so the next upload sends February
   * again; before, they carried none and only the current month went up, leaving version 1 at head office.
   */
  it('sends again the month a correction after review is of, when that month is already sent', async () => {
    const upload = await uploadWorld(kind);
    const { engine, clock } = upload;
    await januaryAndFebruary(upload);
    const east = await saveOffice(engine, 'BS01', '东城办');
    await saveCounterparty(engine, {
      code: 'KH301',
      name: '华联商贸',
      kind: 'customer',
      channelTier: 'distributor',
      officeId: east,
    });
    const february = (closing: number) =>
      weeklyFile('东城办', '2026-02', [
        ['东城办', '月报', '2026-02', 'KH301', '华联商贸', 'SP001', '箱', 20, 30, closing, 0],
      ]);
    expect(await act(engine, 'import.commit', channelReportRequest(february(18)))).toMatchObject({
      status: 'committed',
    });
    expect(await upload.run()).toMatchObject({ outcome: 'uploaded', pending: 0 });
    expect(await heldReports(upload, '2026-02')).toEqual([expect.objectContaining({ version: 1 })]);

    clock.advance(86_400_000);
    await act(engine, 'channelReports.review', { id: eastReportId(upload, 1) });
    expect(await act(engine, 'import.commit', channelReportRequest(february(17)))).toMatchObject({
      status: 'committed',
    });
    expect(await upload.run()).toMatchObject({ outcome: 'uploaded', pending: 0 });

    expect(await heldReports(upload, '2026-02')).toEqual([
      expect.objectContaining({
        version: 2,
        status: 'imported',
        netShipments: 33 * milkBox,
        lines: [expect.objectContaining({ closing: 17 * milkBox, netShipments: 33 * milkBox })],
      }),
    ]);
    await expectReportsInForceHeld(upload);
    await headOfficeMatchesBranch(upload);
  });
});

function eastReportId(upload: UploadWorld, version: number): number {
  return (
    upload.engine.db.$client
      .prepare(
        'SELECT r.id FROM channel_reports r JOIN offices o ON o.id = r.office_id WHERE o.code = ? AND r.version = ?',
      )
      .get('BS01', version) as { id: number }
  ).id;
}
