import { reportStatusLabels } from '../../../shared/channel/channel-report';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import { recordChange } from '../change-log/record-change';
import type { ServiceContext } from '../context';

/**
 * 审核 of an imported report (issue 15 "Review status by the clerk"): 已导入 → 已审核, with who and when. Only
 * the version in force is reviewed, once: a second click finds it reviewed and says by whom.
 */
export function reviewReport(ctx: ServiceContext, reportId: number): void {
  const sqlite = ctx.db.$client;
  ctx.db.transaction((tx) => {
    const report = sqlite
      .prepare(
        'SELECT r.uid, r.status, r.version, r.kind, r.period_start AS periodStart, r.period_end AS periodEnd, r.reviewed_by_name AS reviewedBy, ' +
          'r.reviewed_local AS reviewedAt, o.code AS officeCode, o.name AS officeName FROM channel_reports r ' +
          'JOIN offices o ON o.id = r.office_id WHERE r.id = ?',
      )
      .get(reportId) as
      | {
          uid: string;
          status: 'imported' | 'reviewed' | 'superseded';
          version: number;
          kind: string;
          periodStart: string;
          periodEnd: string;
          reviewedBy: string | null;
          reviewedAt: string | null;
          officeCode: string;
          officeName: string;
        }
      | undefined;
    if (!report) throw new LedgerError('NOT_FOUND', `进销存动态表（编号 ${reportId}）不存在。`);
    if (report.status === 'reviewed')
      throw new LedgerError(
        'CONFLICT',
        `${report.officeName}的这份报表已由 ${report.reviewedBy} 于 ${report.reviewedAt} 审核。`,
      );
    if (report.status !== 'imported')
      throw new LedgerError(
        'CONFLICT',
        `这份报表是第 ${report.version} 版，${reportStatusLabels[report.status]}：请审核现行的版本。`,
      );
    const at = ctx.clock.localTime(ctx.clock.now());
    sqlite
      .prepare(
        "UPDATE channel_reports SET status = 'reviewed', reviewed_local = ?, reviewed_by_name = ? WHERE id = ?",
      )
      .run(at, ctx.actor.displayName, reportId);
    recordChange(tx, ctx, {
      entity: 'channel_report',
      entityUid: report.uid,
      operation: 'update',
      // Its period's end is the date it counts in (channel-reports-section.ts): that period goes up again.
      payload: { status: 'reviewed', version: report.version, businessDate: report.periodEnd },
    });
    recordAudit(tx, ctx, {
      action: 'channelReports.review',
      entity: 'channel_report',
      entityKey: `${report.officeCode} ${report.kind} ${report.periodStart}`,
      after: { status: 'reviewed', version: report.version },
    });
  });
}
