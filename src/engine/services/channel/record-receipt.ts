import { isIsoDate } from '../../domain/calendar/calendar';
import { periodOf } from '../../domain/channel/report-period';
import type { ReportKind } from '../../../shared/channel/channel-report';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';

const wallClock = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d$/;

/**
 * When an office's report reached the branch (收到时间), recorded before it is imported so the board
 * measures the office by its arrival and the branch by its import: yyyy-MM-dd HH:mm on the branch's clock,
 * never later than now. A report already imported keeps the time of its arrival as recorded here.
 */
export function recordReceipt(
  ctx: ServiceContext,
  input: { officeId: number; kind: ReportKind; day: string; receivedAt: string },
): void {
  const match = wallClock.exec(input.receivedAt);
  if (!match || !isIsoDate(match[1]!))
    throw new LedgerError(
      'VALIDATION',
      `收到时间“${input.receivedAt}”应为 yyyy-MM-dd HH:mm（如 2026-03-09 11:30）。`,
    );
  if (!isIsoDate(input.day)) throw new LedgerError('VALIDATION', `报表期间“${input.day}”不是有效日期。`);
  const now = ctx.clock.localTime(ctx.clock.now());
  if (input.receivedAt > now)
    throw new LedgerError('VALIDATION', `收到时间 ${input.receivedAt} 晚于现在（${now}）。`);
  const period = periodOf(input.kind, input.day);
  if (input.receivedAt.slice(0, 10) < period.start)
    throw new LedgerError('VALIDATION', `收到时间 ${input.receivedAt} 早于${period.label}开始。`);
  const sqlite = ctx.db.$client;
  ctx.db.transaction((tx) => {
    const office = sqlite
      .prepare('SELECT code, name FROM offices WHERE id = ? AND deleted_at IS NULL')
      .get(input.officeId) as { code: string; name: string } | undefined;
    if (!office) throw new LedgerError('NOT_FOUND', `办事处（编号 ${input.officeId}）不存在。`);
    sqlite
      .prepare(
        'INSERT INTO channel_report_receipts (office_id, kind, period_start, received_local, recorded_by_name) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT (office_id, kind, period_start) DO UPDATE SET received_local = excluded.received_local, recorded_by_name = excluded.recorded_by_name',
      )
      .run(input.officeId, input.kind, period.start, input.receivedAt, ctx.actor.displayName);
    // The report already in: its arrival is what the clerk now says it was.
    sqlite
      .prepare(
        'UPDATE channel_reports SET received_local = ? WHERE office_id = ? AND kind = ? AND period_start = ?',
      )
      .run(input.receivedAt, input.officeId, input.kind, period.start);
    recordAudit(tx, ctx, {
      action: 'channelReports.received',
      entity: 'channel_report',
      entityKey: `${office.code} ${period.label}`,
      after: { receivedAt: input.receivedAt },
    });
  });
}
