import { channelReportSpec } from '../../domain/channel/channel-report-spec';
import { periodOf, previousPeriod } from '../../domain/channel/report-period';
import { reportKindLabels, type ReportKind } from '../../../shared/channel/channel-report';
import { LedgerError } from '../../../shared/ledger-error';
import { formatScaled } from '../../../shared/numbers/decimal';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { baseUnitRatio } from '../../../shared/numbers/scales';
import { counterpartyInReach } from '../access/customer-scope';
import { getBranchProfile } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { templateWorkbook } from '../import/import-template';
import { contractedCustomers, recentLines } from './channel-report-reads';

/**
 * 进销存动态表模板 for one office and period (issue 15: "prefilled with that office's contracted customers and
 * goods"): a row per contracted customer × goods of its agreement (and any goods it reported last period),
 * with the office, the period, and the opening stock already written as last period's counted stock — the
 * office fills in purchases, stock counted on site and in transit.
 */
export function reportTemplate(
  ctx: ServiceContext,
  input: { officeId: number; kind: ReportKind; day: string },
): { fileName: string; content: Buffer } {
  const sqlite = ctx.db.$client;
  const office = sqlite
    .prepare('SELECT name FROM offices WHERE id = ? AND deleted_at IS NULL')
    .get(input.officeId) as { name: string } | undefined;
  if (!office) throw new LedgerError('NOT_FOUND', `办事处（编号 ${input.officeId}）不存在。`);
  const period = periodOf(input.kind, input.day);
  const decimals = getBranchProfile(ctx).quantityDecimals;
  const last = recentLines(sqlite, input.officeId, period, 1);
  const previousStart = previousPeriod(period).start;
  const inReach = new Set(
    (
      sqlite
        .prepare(
          `SELECT p.id FROM counterparties p WHERE ${counterpartyInReach(ctx.actor.customerReach, 'p')}`,
        )
        .all() as { id: number }[]
    ).map((row) => row.id),
  );
  const goodsStatement = sqlite.prepare(
    'SELECT DISTINCT g.id, g.code, g.name, (SELECT name FROM goods_units u WHERE u.goods_id = g.id ORDER BY ratio DESC LIMIT 1) AS unitName, ' +
      '(SELECT ratio FROM goods_units u WHERE u.goods_id = g.id ORDER BY ratio DESC LIMIT 1) AS ratio ' +
      'FROM goods g WHERE g.id IN (SELECT l.goods_id FROM contract_lines l JOIN contracts c ON c.id = l.contract_id ' +
      "WHERE c.counterparty_id = ? AND c.kind = 'sales' AND c.status IN ('approved', 'executing', 'ended') AND c.period_start <= ? AND c.period_end >= ?) " +
      'OR g.id IN (SELECT l.goods_id FROM channel_report_lines l JOIN channel_reports r ON r.id = l.report_id ' +
      "WHERE l.customer_id = ? AND r.office_id = ? AND r.kind = ? AND r.period_start = ? AND r.status <> 'superseded') ORDER BY g.code",
  );
  const rows = contractedCustomers(sqlite, input.officeId, period)
    .filter((customer) => inReach.has(customer.id))
    .flatMap((customer) =>
      (
        goodsStatement.all(
          customer.id,
          period.end,
          period.start,
          customer.id,
          input.officeId,
          input.kind,
          previousStart,
        ) as { id: number; code: string; name: string; unitName: string; ratio: number }[]
      ).map((goods) => {
        const previous = last
          .get(`${customer.id}@${goods.id}`)
          ?.find((line) => line.periodStart === previousStart);
        const opening =
          previous === undefined
            ? null
            : formatScaled(mulDivRound(previous.closing, baseUnitRatio, goods.ratio), decimals);
        return channelReportSpec.fields.map((field) => {
          switch (field.key) {
            case 'office':
              return office.name;
            case 'reportKind':
              return reportKindLabels[input.kind];
            case 'period':
              return period.kind === 'weekly' ? period.start : period.start.slice(0, 7);
            case 'customerCode':
              return customer.code;
            case 'customerName':
              return customer.name;
            case 'goodsCode':
              return goods.code;
            case 'goodsName':
              return goods.name;
            case 'unitName':
              return goods.unitName;
            case 'opening':
              return opening;
            default:
              return null;
          }
        });
      }),
    );
  const notes = [
    `${period.label}：期初库存已按上期实地库存填好，请填写本期进货、实地库存（在店盘点）和在途库存。`,
    input.kind === 'weekly'
      ? '周报于下周一 13:00 前报分公司（周一放假顺延到第一个工作日），分公司 15:00 前导入。'
      : '月报于次月第一个工作日 13:00 前报分公司，分公司 15:00 前导入。',
  ];
  return {
    fileName: `${office.name}${period.label}进销存${reportKindLabels[input.kind]}.xlsx`,
    content: templateWorkbook(channelReportSpec, rows, notes),
  };
}
