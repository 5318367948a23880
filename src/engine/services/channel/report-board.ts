import {
  deadlineStateLabels,
  reportStatusLabels,
  type DeadlineState,
  type ReportKind,
  type ReportStatus,
} from '../../../shared/channel/channel-report';
import { LedgerError } from '../../../shared/ledger-error';
import { addDays } from '../../domain/calendar/calendar';
import {
  deadlinesOf,
  lateness,
  minutesBetween,
  nextPeriod,
  periodOf,
  previousPeriod,
  type ReportPeriod,
} from '../../domain/channel/report-period';
import { calendarExceptions } from '../calendar/work-calendar';
import type { ServiceContext } from '../context';
import { linesInReach } from './channel-report-reads';

/** The most periods one board shows: a year of weeks. */
const mostPeriods = 53;

interface Standing {
  officeId: number;
  periodStart: string;
  id: number;
  version: number;
  status: ReportStatus;
  receivedLocal: string;
  firstImportedLocal: string;
  reviewedByName: string | null;
  reviewedLocal: string | null;
  lines: number;
  fileName: string;
}

/**
 * 报表进度 (issue 15 "A deadline board per office × week / month"): for each office and period, whether its
 * report came on time (by 13:00 on the due day), late and by how long, is missing, or came but was imported
 * after 15:00; with the report's review status. Without a range it is the last period due — on Monday, the
 * week just ended, what the clerk sees first.
 */
export function reportBoard(ctx: ServiceContext, input: { kind: ReportKind; from?: string; to?: string }) {
  const sqlite = ctx.db.$client;
  const now = ctx.clock.localTime(ctx.clock.now());
  const today = ctx.clock.today();
  const current = periodOf(input.kind, today);
  const first = input.from ? periodOf(input.kind, input.from) : previousPeriod(current);
  const last = input.to ? periodOf(input.kind, input.to) : first;
  if (last.start < first.start) throw new LedgerError('VALIDATION', '结束期间不能早于开始期间。');
  const periods: ReportPeriod[] = [];
  for (let period = first; period.start <= last.start; period = nextPeriod(period)) {
    periods.push(period);
    if (periods.length > mostPeriods)
      throw new LedgerError('VALIDATION', `一次最多看 ${mostPeriods} 期，请缩短范围。`);
  }
  // Due days fall just after each period; the calendar is read from its start to a month after its end.
  const exceptions = calendarExceptions(sqlite, first.start, addDays(last.end, 40));
  const offices = sqlite
    .prepare('SELECT id, code, name FROM offices WHERE deleted_at IS NULL AND active = 1 ORDER BY code')
    .all() as { id: number; code: string; name: string }[];
  const reports = new Map<string, Standing>();
  for (const row of sqlite
    .prepare(
      'SELECT r.office_id AS officeId, r.period_start AS periodStart, r.id, r.version, r.status, r.received_local AS receivedLocal, ' +
        'r.first_imported_local AS firstImportedLocal, ' +
        `r.reviewed_by_name AS reviewedByName, r.reviewed_local AS reviewedLocal, ${linesInReach(ctx.actor.customerReach, 'r')} AS lines, r.file_name AS fileName ` +
        "FROM channel_reports r WHERE r.kind = ? AND r.period_start BETWEEN ? AND ? AND r.status <> 'superseded'",
    )
    .all(input.kind, first.start, last.start) as Standing[])
    reports.set(`${row.officeId}@${row.periodStart}`, row);
  const receipts = new Map<string, string>();
  for (const row of sqlite
    .prepare(
      'SELECT office_id AS officeId, period_start AS periodStart, received_local AS receivedLocal FROM channel_report_receipts ' +
        'WHERE kind = ? AND period_start BETWEEN ? AND ?',
    )
    .all(input.kind, first.start, last.start) as {
    officeId: number;
    periodStart: string;
    receivedLocal: string;
  }[])
    receipts.set(`${row.officeId}@${row.periodStart}`, row.receivedLocal);

  const cell = (officeId: number, period: ReportPeriod) => {
    const { dueDay, submitBy, importBy } = deadlinesOf(period, exceptions);
    const report = reports.get(`${officeId}@${period.start}`);
    const receivedAt = report?.receivedLocal ?? receipts.get(`${officeId}@${period.start}`) ?? null;
    const importedAt = report?.firstImportedLocal ?? null;
    const lateBy = receivedAt !== null && receivedAt > submitBy ? minutesBetween(submitBy, receivedAt) : 0;
    const importLateBy =
      receivedAt === null
        ? 0
        : importedAt !== null
          ? Math.max(0, minutesBetween(importBy, importedAt))
          : Math.max(0, minutesBetween(importBy, now));
    let state: DeadlineState;
    if (receivedAt === null) state = now <= submitBy ? 'not_due' : 'missing';
    else if (lateBy > 0) state = 'late';
    else if (importedAt === null) state = 'received';
    else state = importLateBy > 0 ? 'imported_late' : 'on_time';
    const missingFor = state === 'missing' ? minutesBetween(submitBy, now) : 0;
    return {
      periodStart: period.start,
      dueDay,
      submitBy,
      importBy,
      receivedAt,
      importedAt,
      state,
      stateLabel: deadlineStateLabels[state],
      /** How late the office was, or has been so far with nothing in. */
      lateBy: lateBy > 0 ? lateness(lateBy) : missingFor > 0 ? lateness(missingFor) : null,
      /** How late the branch imported (or is, with the report waiting). */
      importLateBy: importLateBy > 0 ? lateness(importLateBy) : null,
      reportId: report?.id ?? null,
      version: report?.version ?? null,
      status: report?.status ?? null,
      statusLabel: report ? reportStatusLabels[report.status] : null,
      reviewedBy: report?.reviewedByName ?? null,
      reviewedAt: report?.reviewedLocal ?? null,
      lines: report?.lines ?? 0,
      fileName: report?.fileName ?? null,
    };
  };

  return {
    kind: input.kind,
    periods: periods.map((period) => ({ start: period.start, end: period.end, label: period.label })),
    offices: offices.map((office) => ({
      officeId: office.id,
      officeCode: office.code,
      officeName: office.name,
      cells: periods.map((period) => cell(office.id, period)),
    })),
  };
}
