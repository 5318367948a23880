import type { LedgerTx } from '../../db/connection';
import { newUid } from '../../db/uid';
import { reportKindLabels } from '../../../shared/channel/channel-report';
import { recordAudit } from '../audit/record-audit';
import { recordChange } from '../change-log/record-change';
import type { ServiceContext } from '../context';
import { inForceReport } from './channel-report-reads';
import type { ReportLine } from './report-rows';

/**
 * One office's report for one period, written from its checked lines in the import's transaction: a
 * period not yet reported gets version 1; a report not yet reviewed is replaced in place (the key is
 * office, customer, goods and period — importing again never adds); a reviewed one is kept as 已替换 and the
 * correction becomes the next version. The time the file reached the branch is what was recorded for it,
 * else this first import; a correction keeps the original's.
 */
export function writeReport(
  tx: LedgerTx,
  ctx: ServiceContext,
  lines: readonly ReportLine[],
  fileName: string,
) {
  const sqlite = ctx.db.$client;
  const { officeId, period } = lines[0]!;
  const now = ctx.clock.now();
  const local = ctx.clock.localTime(now);
  const standing = inForceReport(sqlite, officeId, period);
  const receipt = sqlite
    .prepare(
      'SELECT received_local AS receivedLocal FROM channel_report_receipts WHERE office_id = ? AND kind = ? AND period_start = ?',
    )
    .get(officeId, period.kind, period.start) as { receivedLocal: string } | undefined;
  let reportId: number;
  let uid: string;
  let version: number;
  if (standing && standing.status === 'imported') {
    ({ id: reportId, uid, version } = standing);
    sqlite.prepare('DELETE FROM channel_report_lines WHERE report_id = ?').run(reportId);
    sqlite
      .prepare(
        'UPDATE channel_reports SET file_name = ?, imported_at = ?, imported_local = ?, imported_by_name = ?, lines = ? WHERE id = ?',
      )
      .run(fileName, now.toISOString(), local, ctx.actor.displayName, lines.length, reportId);
  } else {
    if (standing)
      sqlite.prepare("UPDATE channel_reports SET status = 'superseded' WHERE id = ?").run(standing.id);
    uid = newUid();
    version = (standing?.version ?? 0) + 1;
    reportId = (
      sqlite
        .prepare(
          'INSERT INTO channel_reports (uid, office_id, kind, period_start, period_end, version, status, file_name, ' +
            "received_local, imported_at, imported_local, first_imported_local, imported_by_name, lines) VALUES (?, ?, ?, ?, ?, ?, 'imported', ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .get(
          uid,
          officeId,
          period.kind,
          period.start,
          period.end,
          version,
          fileName,
          standing?.receivedLocal ?? receipt?.receivedLocal ?? local,
          now.toISOString(),
          local,
          standing?.firstImportedLocal ?? local,
          ctx.actor.displayName,
          lines.length,
        ) as { id: number }
    ).id;
  }
  const insert = sqlite.prepare(
    'INSERT INTO channel_report_lines (report_id, row_no, customer_id, goods_id, unit_name, opening, purchases, closing, in_transit) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const line of lines) {
    insert.run(
      reportId,
      line.row,
      line.customerId,
      line.goodsId,
      line.unitName,
      line.opening,
      line.purchases,
      line.closing,
      line.inTransit,
    );
  }
  const office = sqlite.prepare('SELECT code, name FROM offices WHERE id = ?').get(officeId) as {
    code: string;
    name: string;
  };
  recordChange(tx, ctx, {
    entity: 'channel_report',
    entityUid: uid,
    operation: standing && standing.status === 'imported' ? 'update' : 'insert',
    // The date the report counts in for head office (channel-reports-section.ts): a correction to an earlier
    // month sends that month again.
    payload: {
      office: office.code,
      kind: period.kind,
      periodStart: period.start,
      version,
      businessDate: period.end,
    },
  });
  recordAudit(tx, ctx, {
    action: 'channelReports.import',
    entity: 'channel_report',
    entityKey: `${office.code} ${period.label}`,
    after: {
      office: office.name,
      kind: reportKindLabels[period.kind],
      period: period.label,
      version,
      fileName,
      lines: lines.length,
    },
  });
}
