import type Database from 'better-sqlite3';
import type { LedgerTx } from '../../db/connection';
import { channelReportSpec } from '../../domain/channel/channel-report-spec';
import { previousPeriod, readPeriod, type ReportPeriod } from '../../domain/channel/report-period';
import { reportKindLabels, type ReportKind } from '../../../shared/channel/channel-report';
import { LedgerError } from '../../../shared/ledger-error';
import { mulDivRound } from '../../../shared/numbers/integer-math';
import { formatScaled } from '../../../shared/numbers/decimal';
import { baseUnitRatio, ratioScale } from '../../../shared/numbers/scales';
import { groupThousands } from '../../../shared/numbers/yuan-display';
import { findBranchRow } from '../branch/branch-profile';
import { counterpartyInReach } from '../access/customer-scope';
import { actorMay, type ServiceContext } from '../context';
import type { EntityImporter, PlannedRow } from '../import/entity-importer';
import type { ImportRow } from '../import/import-row';
import { contractedCustomers, inForceReport, recentLines } from './channel-report-reads';
import { writeReport } from './write-report';

/**
 * 进销存动态表 (issue 15 "Reports in"): each row checked against master data, then each office's report for
 * its period against what the branch knows — its contracted customers all there, opening stock equal to last
 * period's counted stock, no period skipped, purchases within reason. A file is imported whole or not at
 * all: a report missing rows would be wrong figures. The key is (office, customer, goods, period):
 * importing a period again replaces its report, or after review adds a corrected version.
 */
export interface ReportLine {
  row: number;
  officeId: number;
  period: ReportPeriod;
  customerId: number;
  goodsId: number;
  unitName: string;
  /** Base units × 10^quantityDecimals. */
  opening: number;
  purchases: number;
  closing: number;
  inTransit: number;
}

/** How many past periods make "the usual" purchases, and how far above it a figure is questioned. */
export const usualPeriods = 4;
export const implausibleFactor = 10;

interface Lookups {
  sqlite: Database.Database;
  /** The importer's customer scope, as SQL on a counterparty row `p`. */
  inReach: string;
  offices: Map<string, { id: number; name: string }>;
  customers: Map<string, { id: number; code: string; name: string; kind: string; officeId: number | null }>;
  goods: Map<string, { id: number; name: string; units: Map<string, number> }>;
  goodsById: Map<number, { id: number; name: string; units: Map<string, number> }>;
  quantityDecimals: number;
}

/**
 * What the rows are checked against. Only the customers in the importer's customer scope: one outside it is,
 * to them, a code that does not exist (as a document's customer is, save-document.ts).
 */
function loadLookups(tx: LedgerTx, ctx: ServiceContext): Lookups {
  const sqlite = ctx.db.$client;
  const inReach = counterpartyInReach(ctx.actor.customerReach, 'p');
  const offices = new Map<string, { id: number; name: string }>();
  for (const office of sqlite
    .prepare('SELECT id, code, name FROM offices WHERE deleted_at IS NULL')
    .all() as { id: number; code: string; name: string }[]) {
    offices.set(office.code, office);
    offices.set(office.name, office);
  }
  const customers = new Map(
    (
      sqlite
        .prepare(
          `SELECT id, code, name, kind, office_id AS officeId FROM counterparties p WHERE deleted_at IS NULL AND ${inReach}`,
        )
        .all() as { id: number; code: string; name: string; kind: string; officeId: number | null }[]
    ).map((customer) => [customer.code, customer]),
  );
  const goods = new Map<string, { id: number; name: string; units: Map<string, number> }>();
  const byId = new Map<number, { id: number; name: string; units: Map<string, number> }>();
  for (const row of sqlite.prepare('SELECT id, code, name FROM goods WHERE deleted_at IS NULL').all() as {
    id: number;
    code: string;
    name: string;
  }[]) {
    const facts = { id: row.id, name: row.name, units: new Map<string, number>() };
    goods.set(row.code, facts);
    byId.set(row.id, facts);
  }
  for (const unit of sqlite.prepare('SELECT goods_id AS goodsId, name, ratio FROM goods_units').all() as {
    goodsId: number;
    name: string;
    ratio: number;
  }[])
    byId.get(unit.goodsId)?.units.set(unit.name, unit.ratio);
  return {
    sqlite,
    inReach,
    offices,
    customers,
    goods,
    goodsById: byId,
    quantityDecimals: findBranchRow(tx)?.quantityDecimals ?? 2,
  };
}

const stockFields = ['opening', 'purchases', 'closing', 'inTransit'] as const;
const stockLabels: Readonly<Record<(typeof stockFields)[number], string>> = {
  opening: '期初库存',
  purchases: '本期进货',
  closing: '实地库存',
  inTransit: '在途库存',
};

function planRow(row: ImportRow, lookups: Lookups): PlannedRow<ReportLine> {
  const refused: PlannedRow<ReportLine> = { row, action: 'error', existingId: null, write: null };
  const officeKey = row.text('office');
  const office = officeKey === null ? undefined : lookups.offices.get(officeKey);
  if (officeKey !== null && !office) row.error('office', `办事处【${officeKey}】不存在（按名称或编码查找）`);

  const kind = row.text('reportKind') as ReportKind | null;
  const periodText = row.raw('period');
  const period = kind === null || !periodText ? null : readPeriod(kind, periodText);
  if (kind !== null && periodText && !period) {
    row.error(
      'period',
      kind === 'weekly'
        ? `报表期间“${periodText}”不是有效的周：写该周任一天（如 2026-03-02）或 2026-W10`
        : `报表期间“${periodText}”不是有效的月份：写 2026-03 或 2026年3月`,
    );
  }

  const code = row.text('customerCode');
  const customer = code === null ? undefined : lookups.customers.get(code);
  if (code !== null && !customer) row.error('customerCode', `客户编码 ${code} 不存在，请先导入客户`);
  if (customer?.kind === 'supplier')
    row.error('customerCode', `【${customer.code} ${customer.name}】是供应商，不是客户`);
  if (customer) {
    const name = row.text('customerName');
    if (name !== null && name !== customer.name)
      row.warn('customerName', `与客户编码 ${customer.code} 对应的名称为【${customer.name}】，按编码导入`);
    if (office && customer.officeId !== null && customer.officeId !== office.id)
      row.warn('office', `客户【${customer.name}】在客户资料中不属于【${office.name}】`);
  }

  const goodsCode = row.text('goodsCode');
  const goods = goodsCode === null ? undefined : lookups.goods.get(goodsCode);
  if (goodsCode !== null && !goods) row.error('goodsCode', `商品编码 ${goodsCode} 不存在`);
  const unitName = row.text('unitName') ?? '';
  const ratio = goods?.units.get(unitName);
  if (goods && unitName && ratio === undefined) {
    row.error(
      'unitName',
      `商品【${goods.name}】没有单位【${unitName}】（有：${[...goods.units.keys()].join('、')}）`,
    );
  }

  // Figures arrive in millionths of the row's unit; they are kept in base units at the branch's precision.
  const perStored = 10 ** (ratioScale - lookups.quantityDecimals);
  const base: Partial<Record<(typeof stockFields)[number], number>> = {};
  for (const field of stockFields) {
    const value = field === 'inTransit' ? (row.number(field) ?? 0) : row.number(field);
    if (value === null) continue;
    if (value < 0 && field !== 'purchases') row.error(field, `${stockLabels[field]}不能为负数`);
    if (value < 0 && field === 'purchases') row.warn(field, '本期进货为负数（客户退货？），按所填导入');
    if (ratio === undefined) continue;
    const divisor = perStored * baseUnitRatio;
    // In BigInt: 100,000 箱 in millionths times a ratio in millionths is past 2^53.
    if ((BigInt(value) * BigInt(ratio)) % BigInt(divisor) !== 0n) {
      row.error(
        field,
        `${stockLabels[field]}换算成基本单位后超过本机构数量精度（${lookups.quantityDecimals} 位小数）`,
      );
      continue;
    }
    base[field] = mulDivRound(value, ratio, divisor);
  }

  if (
    row.hasErrors ||
    !office ||
    !period ||
    !customer ||
    !goods ||
    base.opening === undefined ||
    base.purchases === undefined ||
    base.closing === undefined
  )
    return refused;
  return {
    row,
    action: 'create',
    existingId: null,
    write: {
      row: row.rowNumber,
      officeId: office.id,
      period,
      customerId: customer.id,
      goodsId: goods.id,
      unitName,
      opening: base.opening,
      purchases: base.purchases,
      closing: base.closing,
      inTransit: base.inTransit ?? 0,
    },
    derived: {
      office: office.name,
      period: period.label,
      customer: customer.name,
      netShipments: formatScaled(base.opening + base.purchases - base.closing, lookups.quantityDecimals),
    },
  };
}

/** A figure in the row's unit, as the office wrote it, for messages: base 480 袋 → "20" when 1 箱 = 24 袋. */
function inRowUnit(base: number, line: ReportLine, lookups: Lookups): string {
  const ratio = lookups.goodsById.get(line.goodsId)!.units.get(line.unitName)!;
  return groupThousands(formatScaled(mulDivRound(base, baseUnitRatio, ratio), lookups.quantityDecimals));
}

/** The checks across a report: one row per key, contracted customers present, continuity with last period. */
function checkReports(planned: readonly PlannedRow<ReportLine>[], lookups: Lookups): void {
  const groups = new Map<string, PlannedRow<ReportLine>[]>();
  for (const entry of planned) {
    if (!entry.write) continue;
    const key = `${entry.write.officeId}@${entry.write.period.kind}@${entry.write.period.start}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const { officeId, period } = first.write!;
    const seen = new Map<string, number>();
    for (const entry of rows) {
      const line = entry.write!;
      const key = `${line.customerId}@${line.goodsId}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) entry.row.error('goodsCode', `与第 ${earlier} 行的客户和商品相同`);
      else seen.set(key, line.row);
    }

    const present = new Set(rows.map((entry) => entry.write!.customerId));
    const missing = contractedCustomers(lookups.sqlite, officeId, period).filter(
      (customer) => !present.has(customer.id) && lookups.customers.get(customer.code)?.id === customer.id,
    );
    // The file replaces the office's report for the period whole: not one holding customers the importer
    // may not see, which they could neither check nor keep.
    const standing = inForceReport(lookups.sqlite, officeId, period);
    const hidden =
      standing &&
      lookups.sqlite
        .prepare(
          'SELECT 1 FROM channel_report_lines l JOIN counterparties p ON p.id = l.customer_id ' +
            `WHERE l.report_id = ? AND NOT (${lookups.inReach}) LIMIT 1`,
        )
        .get(standing.id);
    if (hidden) {
      first.row.error(
        'office',
        `${period.label}的报表中有您的客户范围以外的客户，不能由您重新导入；请由能查看该办事处全部客户的人导入`,
      );
    }
    if (missing.length > 0) {
      first.row.warn(
        'customerCode',
        `本办事处的签约客户未在${period.label}的表中：${missing.map((customer) => `${customer.code} ${customer.name}`).join('、')}`,
      );
    }

    const previous = previousPeriod(period);
    const lastReport = inForceReport(lookups.sqlite, officeId, previous);
    const earlierAny = lookups.sqlite
      .prepare(
        "SELECT 1 FROM channel_reports WHERE office_id = ? AND kind = ? AND period_start < ? AND status <> 'superseded' LIMIT 1",
      )
      .get(officeId, period.kind, previous.start);
    if (!lastReport && earlierAny) {
      first.row.warn(
        'period',
        `上一期（${previous.label}）没有本办事处的${reportKindLabels[period.kind]}：是否漏报了一期？`,
      );
    }
    const history = recentLines(lookups.sqlite, officeId, period, usualPeriods);
    for (const entry of rows) {
      const line = entry.write!;
      const past = history.get(`${line.customerId}@${line.goodsId}`) ?? [];
      const last = past.find((item) => item.periodStart === previous.start);
      if (last && last.closing !== line.opening) {
        entry.row.warn(
          'opening',
          `期初库存 ${inRowUnit(line.opening, line, lookups)} 与上期（${previous.label}）实地库存 ${inRowUnit(last.closing, line, lookups)} 不同`,
        );
      }
      if (past.length > 0) {
        const usual = past.reduce((sum, item) => sum + item.purchases, 0) / past.length;
        if (usual > 0 && line.purchases > usual * implausibleFactor) {
          entry.row.warn(
            'purchases',
            `本期进货 ${inRowUnit(line.purchases, line, lookups)} 超过近 ${past.length} 期平均（${inRowUnit(Math.round(usual), line, lookups)}）的 ${implausibleFactor} 倍，请核对`,
          );
        }
      }
    }
    if (standing?.status === 'reviewed') {
      first.row.warn(
        'period',
        `${period.label}的报表已审核：本次导入作为第 ${standing.version + 1} 版更正，第 ${standing.version} 版保留`,
      );
    }
  }
  for (const entry of planned) if (entry.write && entry.row.hasErrors) entry.action = 'error';
}

export const channelReportImporter: EntityImporter<ReportLine> = {
  spec: channelReportSpec,
  allOrNothing: true,
  plan(tx, ctx, rows) {
    const lookups = loadLookups(tx, ctx);
    const planned = rows.map((row) => planRow(row, lookups));
    checkReports(planned, lookups);
    return planned;
  },
  writeAll(tx, ctx, planned, source) {
    if (!actorMay(ctx.actor, 'channel.import')) {
      throw new LedgerError('FORBIDDEN', '导入进销存动态表需要“进销存动态·导入”权限。');
    }
    const reports = new Map<string, ReportLine[]>();
    for (const entry of planned) {
      const line = entry.write!;
      const key = `${line.officeId}@${line.period.kind}@${line.period.start}`;
      reports.set(key, [...(reports.get(key) ?? []), line]);
    }
    for (const lines of reports.values()) writeReport(tx, ctx, lines, source.fileName);
    return { created: reports.size };
  },
};
