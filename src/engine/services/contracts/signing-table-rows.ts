import type Database from 'better-sqlite3';
import type { LedgerTx } from '../../db/connection';
import { signingTableSpec } from '../../domain/contracts/signing-table-spec';
import { channelTierLabels, contractTiers, type ChannelTier } from '../../domain/master-data/channel';
import { contractStatusLabels, type ContractStatus } from '../../../shared/contracts/contract-status';
import { formatScaled } from '../../../shared/numbers/decimal';
import { ratioScale } from '../../../shared/numbers/scales';
import { LedgerError } from '../../../shared/ledger-error';
import { actorMay, type ServiceContext } from '../context';
import { findBranchRow } from '../branch/branch-profile';
import type { EntityImporter, PlannedRow } from '../import/entity-importer';
import type { ImportRow } from '../import/import-row';
import { recordContractChange } from './contract-change';
import { saveContract, type ContractLineInput } from './save-contract';
import { tierRebatePolicy } from './tier-rebate-policy';

/**
 * 签约表 (issue 14 "Signing tables from offices"): each row checked against master data; the rows of one
 * customer and year become one draft contract, with the standard rebate terms of its tier. All or nothing.
 * Importing an office's table for a year again replaces the drafts the last import of it made — never
 * adds to them — and refuses where a contract of that customer and year has gone further than a draft.
 */
export interface SigningLine extends ContractLineInput {
  row: number;
  officeId: number;
  year: number;
  counterpartyId: number;
  tier: ChannelTier;
  signedOn: string | null;
}

interface Lookups {
  sqlite: Database.Database;
  offices: Map<string, { id: number; name: string }>;
  customers: Map<string, Customer>;
  goods: Map<string, { id: number; name: string; units: Set<string> }>;
  categories: Map<string, number>;
  quantityDecimals: number;
}

interface Customer {
  id: number;
  code: string;
  name: string;
  kind: string;
  tier: ChannelTier | null;
  officeId: number | null;
}

function loadLookups(ctx: ServiceContext, tx: LedgerTx): Lookups {
  const sqlite = ctx.db.$client;
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
          'SELECT id, code, name, kind, channel_tier AS tier, office_id AS officeId FROM counterparties WHERE deleted_at IS NULL',
        )
        .all() as Customer[]
    ).map((customer) => [customer.code, customer]),
  );
  const goods = new Map<string, { id: number; name: string; units: Set<string> }>();
  const byId = new Map<number, { id: number; name: string; units: Set<string> }>();
  for (const row of sqlite.prepare('SELECT id, code, name FROM goods WHERE deleted_at IS NULL').all() as {
    id: number;
    code: string;
    name: string;
  }[]) {
    const facts = { id: row.id, name: row.name, units: new Set<string>() };
    goods.set(row.code, facts);
    byId.set(row.id, facts);
  }
  for (const unit of sqlite.prepare('SELECT goods_id AS goodsId, name FROM goods_units').all() as {
    goodsId: number;
    name: string;
  }[])
    byId.get(unit.goodsId)?.units.add(unit.name);
  const categories = new Map(
    (sqlite.prepare('SELECT id, path FROM goods_categories').all() as { id: number; path: string }[]).map(
      (category) => [category.path, category.id],
    ),
  );
  return {
    sqlite,
    offices,
    customers,
    goods,
    categories,
    quantityDecimals: findBranchRow(tx)?.quantityDecimals ?? 2,
  };
}

/** 全年 / 空 → the whole year; 3, 03, 3月, 2026-03, 2026年3月 → that month of the row's year. */
function monthOf(text: string | null, year: number): string | null | undefined {
  if (text === null || text === '' || text === '全年') return null;
  const match = /^(?:(\d{4})\s*[-/年.]\s*)?(\d{1,2})\s*月?$/.exec(text.trim());
  if (!match) return undefined;
  const [, written, month] = match;
  if (written !== undefined && Number(written) !== year) return undefined;
  const number = Number(month);
  if (number < 1 || number > 12) return undefined;
  return `${year}-${String(number).padStart(2, '0')}`;
}

function planRow(row: ImportRow, lookups: Lookups): PlannedRow<SigningLine> {
  const error = (): PlannedRow<SigningLine> => ({ row, action: 'error', existingId: null, write: null });
  const officeKey = row.text('office');
  const office = officeKey === null ? undefined : lookups.offices.get(officeKey);
  if (officeKey !== null && !office) row.error('office', `办事处【${officeKey}】不存在（按名称或编码查找）`);

  const year = row.number('year');
  if (year !== null && (year < 2000 || year > 2099)) row.error('year', `年度 ${year} 应在 2000 至 2099 之间`);

  const code = row.text('customerCode');
  const customer = code === null ? undefined : lookups.customers.get(code);
  if (code !== null && !customer) row.error('customerCode', `客户编码 ${code} 不存在，请先导入客户`);
  if (customer) {
    if (customer.kind === 'supplier')
      row.error('customerCode', `【${customer.code} ${customer.name}】是供应商，不是客户`);
    else if (!customer.tier || !contractTiers.includes(customer.tier)) {
      const tier = customer.tier ? channelTierLabels[customer.tier] : '未设置';
      row.error(
        'customerCode',
        `客户【${customer.code} ${customer.name}】的渠道类型为${tier}，不在合同化管理范围内`,
      );
    }
    const name = row.text('customerName');
    if (name !== null && name !== customer.name) {
      row.warn('customerName', `与客户编码 ${customer.code} 对应的名称为【${customer.name}】，按编码导入`);
    }
    const tierText = row.text('channelTier');
    if (tierText !== null && customer.tier && tierText !== channelTierLabels[customer.tier]) {
      row.warn('channelTier', `客户资料中的渠道类型为【${channelTierLabels[customer.tier]}】，按客户资料`);
    }
    if (office && customer.officeId !== null && customer.officeId !== office.id) {
      row.warn('office', `客户【${customer.name}】在客户资料中不属于【${office.name}】`);
    }
  }

  const goodsCode = row.text('goodsCode');
  const categoryPath = row.text('category');
  const goods = goodsCode === null ? undefined : lookups.goods.get(goodsCode);
  const categoryId = categoryPath === null ? undefined : lookups.categories.get(categoryPath);
  if (goodsCode === null && categoryPath === null) row.error('goodsCode', '商品编码与商品类别要填一个');
  if (goodsCode !== null && categoryPath !== null) row.error('category', '商品编码与商品类别只填一个');
  if (goodsCode !== null && !goods) row.error('goodsCode', `商品编码 ${goodsCode} 不存在`);
  if (categoryPath !== null && categoryId === undefined)
    row.error('category', `商品类别【${categoryPath}】不存在`);
  const unitName = row.text('unitName') ?? '';
  if (goods && unitName && !goods.units.has(unitName)) {
    row.error(
      'unitName',
      `商品【${goods.name}】没有单位【${unitName}】（有：${[...goods.units].join('、')}）`,
    );
  }

  const month = year === null ? null : monthOf(row.text('month'), year);
  if (month === undefined) row.error('month', `月份“${row.raw('month')}”应为 1–12、${year}-03 或“全年”`);

  const quantity = row.number('quantity');
  if (quantity !== null && quantity <= 0) row.error('quantity', '签约量应大于 0');
  const perStored = 10 ** (ratioScale - lookups.quantityDecimals);
  if (quantity !== null && quantity % perStored !== 0) {
    row.error('quantity', `签约量超过本机构数量精度（${lookups.quantityDecimals} 位小数）`);
  }
  const agreedPrice = row.number('agreedPrice');
  if (agreedPrice !== null && agreedPrice < 0) row.error('agreedPrice', '协议价不能为负数');

  if (row.hasErrors || !office || !customer || year === null || quantity === null || month === undefined)
    return error();
  return {
    row,
    action: 'create',
    existingId: null,
    write: {
      row: row.rowNumber,
      officeId: office.id,
      year,
      counterpartyId: customer.id,
      tier: customer.tier!,
      signedOn: row.text('signedOn'),
      goodsId: goods?.id ?? null,
      categoryId: categoryId ?? null,
      unitName,
      month,
      quantity: quantity / perStored,
      agreedPrice,
    },
    derived: {
      customer: customer.name,
      office: office.name,
      month: month ?? '全年',
      quantity: formatScaled(quantity / perStored, lookups.quantityDecimals),
    },
  };
}

interface ExistingContract {
  number: string;
  status: ContractStatus;
  signing_table_id: number | null;
}

/** Rules across rows: one customer's rows agree on signing date and on month or year, no target twice. */
function checkCustomers(planned: readonly PlannedRow<SigningLine>[], lookups: Lookups): void {
  const byCustomer = new Map<string, PlannedRow<SigningLine>[]>();
  for (const entry of planned) {
    if (!entry.write) continue;
    const key = `${entry.write.counterpartyId}@${entry.write.year}`;
    byCustomer.set(key, [...(byCustomer.get(key) ?? []), entry]);
  }
  for (const rows of byCustomer.values()) {
    const [first] = rows as [PlannedRow<SigningLine>];
    const seen = new Map<string, number>();
    for (const entry of rows) {
      const line = entry.write!;
      const target = `${line.goodsId ?? `c${line.categoryId}`}@${line.month ?? 'all'}`;
      const earlier = seen.get(target);
      if (earlier !== undefined)
        entry.row.error('goodsCode', `与第 ${earlier} 行的客户、商品（类别）和月份相同`);
      else seen.set(target, line.row);
      if ((line.month === null) !== (first.write!.month === null)) {
        entry.row.error(
          'month',
          `同一客户的签约量要么全部按月、要么全部按全年，第 ${first.write!.row} 行是${first.write!.month === null ? '全年' : '按月'}`,
        );
      }
      if (line.signedOn !== first.write!.signedOn) {
        entry.row.warn('signedOn', `与第 ${first.write!.row} 行的签约日期不同，按第 ${first.write!.row} 行`);
      }
    }
    const existing = lookups.sqlite
      .prepare(
        "SELECT number, status, signing_table_id FROM contracts WHERE kind = 'sales' AND counterparty_id = ? " +
          "AND status <> 'voided' AND period_start <= ? AND period_end >= ?",
      )
      .all(
        first.write!.counterpartyId,
        `${first.write!.year}-12-31`,
        `${first.write!.year}-01-01`,
      ) as ExistingContract[];
    for (const contract of existing) {
      if (contract.status === 'draft' && contract.signing_table_id !== null) continue;
      first.row.error(
        'customerCode',
        contract.status === 'draft'
          ? `该客户 ${first.write!.year} 年已有手工录入的草稿合同 ${contract.number}，请先删除它或在其中修改`
          : `该客户 ${first.write!.year} 年的合同 ${contract.number} ${contractStatusLabels[contract.status]}，签约表不能覆盖；变更请签补充协议`,
      );
    }
  }
  for (const entry of planned) if (entry.write && entry.row.hasErrors) entry.action = 'error';
}

/** The office's table for the year: found, or made; the drafts its last import made are removed. */
function tableFor(
  ctx: ServiceContext,
  officeId: number,
  year: number,
  fileName: string,
  lines: SigningLine[],
) {
  const sqlite = ctx.db.$client;
  const signed = lines
    .map((line) => line.signedOn)
    .filter((date): date is string => date !== null)
    .sort();
  const today = ctx.clock.today();
  const row = sqlite
    .prepare(
      'INSERT INTO signing_tables (office_id, year, kind, signed_on, received_on, imported_at, imported_on, file_name, contracts) ' +
        "VALUES (?, ?, 'sales', ?, ?, ?, ?, ?, 0) ON CONFLICT (office_id, year, kind) DO UPDATE SET signed_on = excluded.signed_on, " +
        'received_on = coalesce(signing_tables.received_on, excluded.received_on), imported_at = excluded.imported_at, ' +
        'imported_on = excluded.imported_on, file_name = excluded.file_name RETURNING id',
    )
    .get(officeId, year, signed[0] ?? null, today, ctx.clock.now().toISOString(), today, fileName) as {
    id: number;
  };
  return row.id;
}

export const signingTableImporter: EntityImporter<SigningLine> = {
  spec: signingTableSpec,
  allOrNothing: true,
  plan(tx, ctx, rows) {
    const lookups = loadLookups(ctx, tx);
    const planned = rows.map((row) => planRow(row, lookups));
    checkCustomers(planned, lookups);
    return planned;
  },
  writeAll(tx, ctx, planned, source) {
    if (!actorMay(ctx.actor, 'contracts.edit')) {
      throw new LedgerError('FORBIDDEN', '导入签约表需要“合同·修改”权限。');
    }
    const policy = tierRebatePolicy(ctx);
    const lines = planned.map((entry) => entry.write!);
    const tables = new Map<string, SigningLine[]>();
    for (const line of lines) {
      const key = `${line.officeId}@${line.year}`;
      tables.set(key, [...(tables.get(key) ?? []), line]);
    }
    let created = 0;
    for (const tableLines of tables.values()) {
      const { officeId, year } = tableLines[0]!;
      const tableId = tableFor(ctx, officeId, year, source.fileName, tableLines);
      const replaced = ctx.db.$client
        .prepare("SELECT id, uid FROM contracts WHERE signing_table_id = ? AND status = 'draft'")
        .all(tableId) as { id: number; uid: string }[];
      for (const draft of replaced) {
        ctx.db.$client.prepare('DELETE FROM contracts WHERE id = ?').run(draft.id);
        recordContractChange(tx, ctx, { uid: draft.uid }, 'delete');
      }
      const customers = new Map<number, SigningLine[]>();
      for (const line of tableLines)
        customers.set(line.counterpartyId, [...(customers.get(line.counterpartyId) ?? []), line]);
      for (const customerLines of customers.values()) {
        const [first] = customerLines as [SigningLine];
        saveContract(
          ctx,
          {
            kind: 'sales',
            counterpartyId: first.counterpartyId,
            officeId,
            salespersonId: null,
            periodStart: `${year}-01-01`,
            periodEnd: `${year}-12-31`,
            signedOn: first.signedOn,
            terms: '',
            remark: `签约表 ${source.fileName} 第 ${customerLines.map((line) => line.row).join('、')} 行`,
            lines: customerLines.map(({ goodsId, categoryId, unitName, month, quantity, agreedPrice }) => ({
              goodsId,
              categoryId,
              unitName,
              month,
              quantity,
              agreedPrice,
            })),
            rebateTerms: policy[first.tier] ?? [],
          },
          null,
          undefined,
          tableId,
        );
        created += 1;
      }
      ctx.db.$client
        .prepare('UPDATE signing_tables SET contracts = ? WHERE id = ?')
        .run(customers.size, tableId);
    }
    return { created };
  },
};
