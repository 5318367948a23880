import { prepared } from '../../db/prepared';
import { periodOf } from '../../domain/channel/report-period';
import {
  reportKindLabels,
  reportStatusLabels,
  type ReportKind,
  type ReportStatus,
} from '../../../shared/channel/channel-report';
import { LedgerError } from '../../../shared/ledger-error';
import { formatScaled } from '../../../shared/numbers/decimal';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { baseUnitRatio } from '../../../shared/numbers/scales';
import { counterpartyInReach } from '../access/customer-scope';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { linesInReach } from './channel-report-reads';

interface ReportRow {
  id: number;
  officeId: number;
  officeName: string;
  kind: ReportKind;
  periodStart: string;
  periodEnd: string;
  version: number;
  status: ReportStatus;
  fileName: string;
  receivedLocal: string;
  importedLocal: string;
  importedByName: string;
  reviewedLocal: string | null;
  reviewedByName: string | null;
}

/**
 * One report as the clerk reviews it: its lines in the units the office wrote, with each line's net
 * shipments (opening + purchases − closing), and every version of it, the superseded kept as they were.
 * Only the customers in the reader's scope are shown.
 */
export function readReport(ctx: ServiceContext, id: number) {
  const sqlite = ctx.db.$client;
  const report = prepared(
    sqlite,
    'SELECT r.id, r.office_id AS officeId, o.name AS officeName, r.kind, r.period_start AS periodStart, r.period_end AS periodEnd, ' +
      'r.version, r.status, r.file_name AS fileName, r.received_local AS receivedLocal, r.imported_local AS importedLocal, ' +
      'r.imported_by_name AS importedByName, r.reviewed_local AS reviewedLocal, r.reviewed_by_name AS reviewedByName ' +
      'FROM channel_reports r JOIN offices o ON o.id = r.office_id WHERE r.id = ?',
  ).get(id) as ReportRow | undefined;
  if (!report) throw new LedgerError('NOT_FOUND', `进销存动态表（编号 ${id}）不存在。`);
  const decimals = getBranchProfile(ctx).quantityDecimals;
  const lines = (
    sqlite
      .prepare(
        'SELECT l.row_no AS rowNo, p.code AS customerCode, p.name AS customerName, g.code AS goodsCode, g.name AS goodsName, ' +
          'l.unit_name AS unitName, coalesce(u.ratio, ?) AS ratio, l.opening, l.purchases, l.closing, l.in_transit AS inTransit ' +
          'FROM channel_report_lines l JOIN counterparties p ON p.id = l.customer_id JOIN goods g ON g.id = l.goods_id ' +
          'LEFT JOIN goods_units u ON u.goods_id = l.goods_id AND u.name = l.unit_name ' +
          `WHERE l.report_id = ? AND ${counterpartyInReach(ctx.actor.customerReach, 'p')} ORDER BY l.row_no`,
      )
      .all(baseUnitRatio, id) as {
      rowNo: number;
      customerCode: string;
      customerName: string;
      goodsCode: string;
      goodsName: string;
      unitName: string;
      ratio: number;
      opening: number;
      purchases: number;
      closing: number;
      inTransit: number;
    }[]
  ).map(({ ratio, ...line }) => {
    const inUnit = (base: number) => formatScaled(mulDivRound(base, baseUnitRatio, ratio), decimals);
    return {
      ...line,
      opening: inUnit(line.opening),
      purchases: inUnit(line.purchases),
      closing: inUnit(line.closing),
      inTransit: inUnit(line.inTransit),
      netShipments: inUnit(line.opening + line.purchases - line.closing),
    };
  });
  const versions = sqlite
    .prepare(
      'SELECT id, version, status, file_name AS fileName, imported_local AS importedLocal, imported_by_name AS importedByName, ' +
        `reviewed_local AS reviewedLocal, reviewed_by_name AS reviewedByName, ${linesInReach(ctx.actor.customerReach, 'r')} AS lines ` +
        'FROM channel_reports r WHERE office_id = ? AND kind = ? AND period_start = ? ORDER BY version DESC',
    )
    .all(report.officeId, report.kind, report.periodStart) as {
    id: number;
    version: number;
    status: ReportStatus;
    fileName: string;
    importedLocal: string;
    importedByName: string;
    reviewedLocal: string | null;
    reviewedByName: string | null;
    lines: number;
  }[];
  return {
    ...report,
    kindLabel: reportKindLabels[report.kind],
    periodLabel: periodOf(report.kind, report.periodStart).label,
    statusLabel: reportStatusLabels[report.status],
    lines,
    versions: versions.map((version) => ({ ...version, statusLabel: reportStatusLabels[version.status] })),
  };
}
