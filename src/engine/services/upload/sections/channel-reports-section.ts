import type { PeriodSection } from '../upload-section';

/**
 * 进销存动态 per period (DOMAIN.md §9, §10): the offices' channel reports in force whose week or month ends
 * within the period, each with its lines in base units and its net shipments — what head office pays channel
 * funds and verifies promotions from — and when it reached the branch, was imported and reviewed, so a late
 * report is visible there too. A correction after review replaces its report here by being the one in force.
 */
export const channelReportsSection: PeriodSection = {
  shape: 'period',
  name: 'channel_reports',
  write({ sqlite, uids }, period, out) {
    const reports = sqlite
      .prepare(
        'SELECT r.id, r.uid, o.code AS officeCode, r.kind, r.period_start AS periodStart, r.period_end AS periodEnd, r.version, ' +
          'r.status, r.received_local AS receivedAt, r.first_imported_local AS importedAt, r.reviewed_by_name AS reviewedBy, ' +
          'r.reviewed_local AS reviewedAt FROM channel_reports r JOIN offices o ON o.id = r.office_id ' +
          "WHERE r.status <> 'superseded' AND r.period_end BETWEEN ? AND ? ORDER BY r.period_start, o.code, r.kind",
      )
      .all(period.from, period.to) as ({ id: number; uid: string } & Record<
      string,
      string | number | null
    >)[];
    const lines = sqlite.prepare(
      'SELECT customer_id AS customerId, goods_id AS goodsId, opening, purchases, closing, in_transit AS inTransit ' +
        'FROM channel_report_lines WHERE report_id = ? ORDER BY row_no',
    );
    for (const { id, uid, ...report } of reports) {
      const rows = (
        lines.all(id) as {
          customerId: number;
          goodsId: number;
          opening: number;
          purchases: number;
          closing: number;
          inTransit: number;
        }[]
      ).map(({ customerId, goodsId, ...figures }) => ({
        customerUid: uids.counterparty(customerId),
        goodsUid: uids.goods(goodsId),
        ...figures,
        netShipments: figures.opening + figures.purchases - figures.closing,
      }));
      out.row({
        reportUid: uid,
        ...report,
        netShipments: rows.reduce((sum, line) => sum + line.netShipments, 0),
        lines: rows,
      });
    }
  },
};
