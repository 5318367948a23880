import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { prepared } from '../../db/prepared';
import { contractLines, contracts } from '../../db/schema';
import { newUid } from '../../db/uid';
import { isIsoDate } from '../../domain/calendar/calendar';
import type { ChannelTier } from '../../domain/master-data/channel';
import {
  contractKindLabels,
  contractStatusLabels,
  type ContractKind,
} from '../../../shared/contracts/contract-status';
import {
  rebateTermsSchema,
  type RebateTerm,
  type RebateTermInput,
} from '../../../shared/contracts/rebate-terms';
import { LedgerError } from '../../../shared/ledger-error';
import { assertReachesCounterparty, reachesCounterparty } from '../access/customer-scope';
import type { Actor, ServiceContext } from '../context';
import { nextDocumentNumber } from '../documents/numbering';
import { assertUnchangedSince } from '../records/edit-version';
import { recordContractChange } from './contract-change';
import { lastContractChange, recordContractEvent } from './contract-events';

/** 签约量 of one goods or category, in a stated unit, for a month of the period or (null) the whole of it. */
export interface ContractLineInput {
  goodsId: number | null;
  categoryId: number | null;
  unitName: string;
  month: string | null;
  /** In `unitName` × 10^quantityDecimals. */
  quantity: number;
  /** Millionths of a yuan per `unitName`, with tax. */
  agreedPrice: number | null;
}

/** What the contract says: its header, signed volumes and rebate terms. */
export interface ContractBody {
  periodEnd: string;
  terms: string;
  lines: ContractLineInput[];
  rebateTerms: RebateTermInput[];
}

export interface ContractInput extends ContractBody {
  kind: ContractKind;
  counterpartyId: number;
  officeId: number | null;
  salespersonId: number | null;
  periodStart: string;
  signedOn: string | null;
  remark: string;
}

export type ContractRow = typeof contracts.$inferSelect;

export function findContract(tx: LedgerDb | LedgerTx, id: number): ContractRow {
  const row = tx.select().from(contracts).where(eq(contracts.id, id)).get();
  if (!row) throw new LedgerError('NOT_FOUND', `合同（编号 ${id}）不存在。`);
  return row;
}

/**
 * A contract as the actor may reach it: one with a customer out of their customer scope (客户数据范围) does
 * not exist for them, as the customer itself does not (customer-scope.ts).
 */
export function findContractInReach(db: LedgerDb | LedgerTx, actor: Actor, id: number): ContractRow {
  const row = findContract(db, id);
  if (!reachesCounterparty(db, actor, row.counterpartyId)) {
    throw new LedgerError('NOT_FOUND', `合同（编号 ${id}）不存在。`);
  }
  return row;
}

export function contractLabel(row: { kind: ContractKind; number: string }): string {
  return `${contractKindLabels[row.kind]} ${row.number}`;
}

interface PartyRow {
  code: string;
  name: string;
  kind: 'customer' | 'supplier' | 'both';
  channel_tier: ChannelTier | null;
  office_id: number | null;
  salesperson_id: number | null;
  is_internal: number;
  deleted_at: string | null;
}

function partyOf(sqlite: Database.Database, input: ContractInput): PartyRow {
  const party = prepared(
    sqlite,
    'SELECT code, name, kind, channel_tier, office_id, salesperson_id, is_internal, deleted_at FROM counterparties WHERE id = ?',
  ).get(input.counterpartyId) as PartyRow | undefined;
  const role = input.kind === 'sales' ? '客户' : '供应商';
  if (!party || party.deleted_at) {
    throw new LedgerError('VALIDATION', `合同的${role}（编号 ${input.counterpartyId}）不存在。`, {
      field: 'counterpartyId',
    });
  }
  const fits = party.kind === 'both' || party.kind === (input.kind === 'sales' ? 'customer' : 'supplier');
  if (!fits || party.is_internal) {
    throw new LedgerError(
      'VALIDATION',
      `【${party.code} ${party.name}】不是${role}，不能签${contractKindLabels[input.kind]}。`,
      {
        field: 'counterpartyId',
      },
    );
  }
  return party;
}

function assertPeriod(input: Pick<ContractInput, 'periodStart' | 'periodEnd' | 'signedOn'>): void {
  for (const [field, label, value] of [
    ['periodStart', '合同开始日期', input.periodStart],
    ['periodEnd', '合同结束日期', input.periodEnd],
  ] as const) {
    if (!isIsoDate(value)) throw new LedgerError('VALIDATION', `${label}“${value}”不是有效日期。`, { field });
  }
  if (input.periodEnd < input.periodStart) {
    throw new LedgerError(
      'VALIDATION',
      `合同结束日期 ${input.periodEnd} 早于开始日期 ${input.periodStart}。`,
      {
        field: 'periodEnd',
      },
    );
  }
  if (input.signedOn !== null && !isIsoDate(input.signedOn)) {
    throw new LedgerError('VALIDATION', `签约日期“${input.signedOn}”不是有效日期。`, { field: 'signedOn' });
  }
}

/** Goods or category of a line, named for messages; its goods must have the stated unit. */
function targetOf(sqlite: Database.Database, line: ContractLineInput, at: string): string {
  if ((line.goodsId === null) === (line.categoryId === null)) {
    throw new LedgerError('VALIDATION', `${at}要指定一个商品或一个商品类别。`);
  }
  if (line.goodsId !== null) {
    const goods = prepared(sqlite, 'SELECT code, name, deleted_at FROM goods WHERE id = ?').get(
      line.goodsId,
    ) as { code: string; name: string; deleted_at: string | null } | undefined;
    if (!goods || goods.deleted_at)
      throw new LedgerError('VALIDATION', `${at}的商品（编号 ${line.goodsId}）不存在。`);
    const unit = prepared(sqlite, 'SELECT 1 FROM goods_units WHERE goods_id = ? AND name = ?').get(
      line.goodsId,
      line.unitName,
    );
    if (!unit) {
      throw new LedgerError(
        'VALIDATION',
        `${at}：商品【${goods.code} ${goods.name}】没有单位“${line.unitName}”。`,
      );
    }
    return `goods:${line.goodsId}`;
  }
  const category = prepared(sqlite, 'SELECT 1 FROM goods_categories WHERE id = ?').get(line.categoryId);
  if (!category) throw new LedgerError('VALIDATION', `${at}的商品类别（编号 ${line.categoryId}）不存在。`);
  return `category:${line.categoryId}`;
}

/** The lines must name real goods or categories, months inside the period, and no target twice in a month. */
export function checkLines(sqlite: Database.Database, body: ContractBody, periodStart: string): void {
  const seen = new Set<string>();
  body.lines.forEach((line, index) => {
    const at = `签约量第 ${index + 1} 行`;
    const target = targetOf(sqlite, line, at);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new LedgerError('VALIDATION', `${at}的签约量应大于 0。`);
    }
    if (line.agreedPrice !== null && (!Number.isSafeInteger(line.agreedPrice) || line.agreedPrice < 0)) {
      throw new LedgerError('VALIDATION', `${at}的协议价不能为负数。`);
    }
    if (line.month !== null) {
      const inPeriod =
        /^\d{4}-(0[1-9]|1[0-2])$/.test(line.month) &&
        line.month >= periodStart.slice(0, 7) &&
        line.month <= body.periodEnd.slice(0, 7);
      if (!inPeriod) {
        throw new LedgerError(
          'VALIDATION',
          `${at}的月份“${line.month}”不在合同期 ${periodStart} 至 ${body.periodEnd} 内。`,
        );
      }
    }
    const key = `${target}@${line.month ?? 'all'}`;
    if (seen.has(key))
      throw new LedgerError('VALIDATION', `${at}与前面的行重复（同一商品或类别、同一月份）。`);
    seen.add(key);
  });
  const months = new Set(body.lines.map((line) => line.month === null));
  if (months.size > 1) {
    throw new LedgerError('VALIDATION', '签约量要么全部按月填写，要么全部按全期填写，不能混用。');
  }
}

/** Rebate terms as stored: validated, with every scope inside what the lines sign. */
export function checkRebateTerms(sqlite: Database.Database, body: ContractBody): RebateTerm[] {
  const parsed = rebateTermsSchema.safeParse(body.rebateTerms);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const index = typeof issue.path[0] === 'number' ? `返利条款第 ${issue.path[0] + 1} 条：` : '返利条款：';
    throw new LedgerError('VALIDATION', `${index}${issue.message}`);
  }
  parsed.data.forEach((term, index) => {
    const { goodsId, categoryId } = term.scope;
    if (goodsId !== null && !prepared(sqlite, 'SELECT 1 FROM goods WHERE id = ?').get(goodsId)) {
      throw new LedgerError('VALIDATION', `返利条款第 ${index + 1} 条的商品（编号 ${goodsId}）不存在。`);
    }
    if (
      categoryId !== null &&
      !prepared(sqlite, 'SELECT 1 FROM goods_categories WHERE id = ?').get(categoryId)
    ) {
      throw new LedgerError(
        'VALIDATION',
        `返利条款第 ${index + 1} 条的商品类别（编号 ${categoryId}）不存在。`,
      );
    }
    if (term.conditions.paidBy !== null && !isIsoDate(term.conditions.paidBy)) {
      throw new LedgerError(
        'VALIDATION',
        `返利条款第 ${index + 1} 条的回款日期“${term.conditions.paidBy}”不是有效日期。`,
      );
    }
  });
  return parsed.data;
}

export function writeLines(tx: LedgerTx, contractId: number, lines: readonly ContractLineInput[]): void {
  tx.delete(contractLines).where(eq(contractLines.contractId, contractId)).run();
  lines.forEach((line, index) =>
    tx
      .insert(contractLines)
      .values({ ...line, contractId, lineNo: index + 1 })
      .run(),
  );
}

/**
 * Saves a draft contract: a new one draws its number from the contract numbering rule (DOMAIN.md §5) and
 * takes the customer's tier, office and salesperson where the input leaves them empty; an existing one must
 * still be a draft. Lines and terms are replaced as a whole, in one transaction with the change log.
 */
export function saveContract(
  ctx: ServiceContext,
  input: ContractInput,
  id: number | null,
  openedVersion?: number,
  signingTableId: number | null = null,
): { id: number; number: string; version: number } {
  const sqlite = ctx.db.$client;
  return ctx.db.transaction((tx) => {
    assertPeriod(input);
    assertReachesCounterparty(tx, ctx.actor, input.counterpartyId);
    const party = partyOf(sqlite, input);
    checkLines(sqlite, input, input.periodStart);
    const rebateTerms = checkRebateTerms(sqlite, input);
    const now = ctx.clock.now().toISOString();
    const header = {
      counterpartyId: input.counterpartyId,
      channelTier: input.kind === 'sales' ? party.channel_tier : null,
      officeId: input.officeId ?? party.office_id,
      salespersonId: input.salespersonId ?? party.salesperson_id,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      signedOn: input.signedOn,
      terms: input.terms,
      rebateTerms,
      remark: input.remark,
      updatedAt: now,
    };
    if (id === null) {
      const number = nextDocumentNumber(
        sqlite,
        `${input.kind}_contract`,
        input.signedOn ?? input.periodStart,
      );
      const created = tx
        .insert(contracts)
        .values({
          ...header,
          uid: newUid(),
          number,
          kind: input.kind,
          status: 'draft',
          signingTableId,
          createdBy: ctx.actor.userId,
          createdByName: ctx.actor.displayName,
          createdAt: now,
        })
        .returning()
        .get();
      writeLines(tx, created.id, input.lines);
      recordContractEvent(tx, ctx, { contractId: created.id, action: 'create', from: null, to: 'draft' });
      recordContractChange(tx, ctx, created.id, 'insert');
      return { id: created.id, number, version: created.version };
    }
    const existing = findContractInReach(tx, ctx.actor, id);
    assertUnchangedSince(
      ctx,
      { label: `${contractLabel(existing)} `, version: existing.version },
      openedVersion,
      () => lastContractChange(tx, id),
    );
    if (existing.kind !== input.kind) throw new LedgerError('VALIDATION', '不能修改合同类型。');
    if (existing.status !== 'draft') {
      throw new LedgerError(
        'CONFLICT',
        `${contractLabel(existing)}${contractStatusLabels[existing.status]}，只有草稿可以修改；已审核的合同请签补充协议。`,
      );
    }
    const version = existing.version + 1;
    tx.update(contracts)
      .set({ ...header, version })
      .where(eq(contracts.id, id))
      .run();
    writeLines(tx, id, input.lines);
    recordContractEvent(tx, ctx, { contractId: id, action: 'edit', from: 'draft', to: 'draft' });
    recordContractChange(tx, ctx, id, 'update');
    return { id, number: existing.number, version };
  });
}

/** A draft never submitted can be deleted outright; anything further is voided instead, and stays. */
export function deleteContractDraft(ctx: ServiceContext, id: number): void {
  ctx.db.transaction((tx) => {
    const existing = findContractInReach(tx, ctx.actor, id);
    if (existing.status !== 'draft') {
      throw new LedgerError('CONFLICT', `${contractLabel(existing)}不是草稿，不能删除；请作废。`);
    }
    tx.delete(contracts).where(eq(contracts.id, id)).run();
    recordContractChange(tx, ctx, { uid: existing.uid }, 'delete');
  });
}
