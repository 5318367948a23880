import { syncOpeningItems } from '../money/opening-items';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { counterparties, counterpartyContacts, employees, offices } from '../../db/schema';
import { newUid } from '../../db/uid';
import {
  channelTierLabels,
  counterpartyKindLabels,
  type ChannelTier,
  type CounterpartyKind,
} from '../../domain/master-data/channel';
import { LedgerError } from '../../../shared/ledger-error';
import { formatScaled } from '../../../shared/numbers/decimal';
import { fenScale, type Fen } from '../../../shared/numbers/scales';
import { groupThousands } from '../../../shared/numbers/yuan-display';
import { assertReachesCounterparty, reachesCounterparty } from '../access/customer-scope';
import { assertMayChangeSensitive } from '../access/sensitive-fields';
import type { ServiceContext } from '../context';
import {
  assertCodeFree,
  assertNotInRecycleBin,
  assertOpenedVersion,
  auditWrite,
  findLiveIdByCode,
} from './record-lifecycle';
import { searchTextOf } from '../../../shared/text/search-text';

export interface CounterpartyContactInput {
  name: string;
  phone: string;
  role: string;
}

export interface CounterpartyInput {
  code: string;
  name: string;
  kind: CounterpartyKind;
  /** 渠道类型; customers only. */
  channelTier: ChannelTier | null;
  /** 上级客户: a live customer; the channel is a tree. */
  parentId: number | null;
  officeId: number | null;
  /** 业务员: an employee. */
  salespersonId: number | null;
  region: string;
  address: string;
  /** Null: no limit. */
  creditLimit: Fen | null;
  paymentTermDays: number | null;
  invoiceTitle: string;
  taxId: string;
  bankName: string;
  bankAccount: string;
  /** Head office or another branch (内部单位). */
  isInternal: boolean;
  /** The branch code of that unit; required when internal. */
  internalBranchCode: string | null;
  openingReceivable: Fen;
  openingPayable: Fen;
  remark: string;
  active: boolean;
  contacts: CounterpartyContactInput[];
}

type Reader = LedgerDb | LedgerTx;
type CounterpartyRow = typeof counterparties.$inferSelect;

/** Fen as the exact yuan text lists and forms show: 1234560 → "12345.60". */
export function yuanText(fen: Fen): string {
  return formatScaled(fen, fenScale, 2);
}

const parent = alias(counterparties, 'parent');

/** A counterparty as the form shows it: the record, whom it hangs under, and its contacts. */
export function readCounterparty(db: Reader, id: number) {
  const found = db
    .select({
      row: counterparties,
      parentCode: parent.code,
      parentName: parent.name,
      officeName: offices.name,
      salespersonName: employees.name,
    })
    .from(counterparties)
    .leftJoin(parent, eq(parent.id, counterparties.parentId))
    .leftJoin(offices, eq(offices.id, counterparties.officeId))
    .leftJoin(employees, eq(employees.id, counterparties.salespersonId))
    .where(eq(counterparties.id, id))
    .get();
  if (!found) throw new LedgerError('NOT_FOUND', `往来单位（编号 ${id}）不存在。`);
  const contacts = db
    .select({
      name: counterpartyContacts.name,
      phone: counterpartyContacts.phone,
      role: counterpartyContacts.role,
    })
    .from(counterpartyContacts)
    .where(eq(counterpartyContacts.counterpartyId, id))
    .orderBy(asc(counterpartyContacts.sortOrder), asc(counterpartyContacts.id))
    .all();
  return toCounterpartyView(found.row, found, contacts);
}

/** counterparties.get: a counterparty out of the caller's customer scope does not exist for them. */
export function readCounterpartyInReach(ctx: ServiceContext, id: number) {
  assertReachesCounterparty(ctx.db, ctx.actor, id);
  return readCounterparty(ctx.db, id);
}

export type CounterpartyView = ReturnType<typeof toCounterpartyView>;

/** Money leaves the engine as exact text with two decimals ("12345.60"), never as a float. */
function toCounterpartyView(
  row: CounterpartyRow,
  names: {
    parentCode: string | null;
    parentName: string | null;
    officeName: string | null;
    salespersonName: string | null;
  },
  contacts: CounterpartyContactInput[],
) {
  const { searchText: _searchText, creditLimit, openingReceivable, openingPayable, ...record } = row;
  return {
    ...record,
    kindLabel: counterpartyKindLabels[row.kind],
    channelTierLabel: row.channelTier ? channelTierLabels[row.channelTier] : null,
    parentCode: names.parentCode,
    parentName: names.parentName,
    officeName: names.officeName,
    salespersonName: names.salespersonName,
    creditLimit: creditLimit === null ? null : yuanText(creditLimit),
    openingReceivable: yuanText(openingReceivable),
    openingPayable: yuanText(openingPayable),
    contacts,
  };
}

function describeCounterparty(record: { code: string; name: string }): string {
  return `【${record.code} ${record.name}】`;
}

function assertAmounts(input: CounterpartyInput): void {
  const amounts: [string, number | null][] = [
    ['信用额度', input.creditLimit],
    ['期初应收', input.openingReceivable],
    ['期初应付', input.openingPayable],
    ['账期（天）', input.paymentTermDays],
  ];
  for (const [label, value] of amounts) {
    if (value === null) continue;
    if (!Number.isSafeInteger(value)) {
      throw new LedgerError('VALIDATION', `往来单位【${input.name}】的${label}【${value}】不是有效的数。`);
    }
    if (value < 0) throw new LedgerError('VALIDATION', `往来单位【${input.name}】的${label}不能为负数。`);
  }
}

/** The channel only runs through customers: a pure supplier has neither a tier nor a 上级客户. */
function assertChannelFits(input: CounterpartyInput): void {
  if (input.kind !== 'supplier') return;
  if (input.channelTier !== null) {
    throw new LedgerError(
      'VALIDATION',
      `往来单位【${input.name}】是供应商，不能设置渠道类型（${channelTierLabels[input.channelTier]}）；渠道类型只用于客户。`,
    );
  }
  if (input.parentId !== null) {
    throw new LedgerError('VALIDATION', `往来单位【${input.name}】是供应商，不能设置上级客户。`);
  }
}

/**
 * 上级客户 (DOMAIN.md §4, the channel is a tree): a live customer, not the record itself, and not
 * one of its own descendants — that would close a loop no channel report could walk.
 */
function assertParentFits(tx: LedgerTx, input: CounterpartyInput, existingId: number | null): void {
  if (input.parentId === null) return;
  const self = { code: input.code, name: input.name };
  if (input.parentId === existingId) {
    throw new LedgerError('VALIDATION', `往来单位${describeCounterparty(self)}的上级客户不能是它自己。`);
  }
  const chosen = tx
    .select({
      code: counterparties.code,
      name: counterparties.name,
      kind: counterparties.kind,
      deletedAt: counterparties.deletedAt,
    })
    .from(counterparties)
    .where(eq(counterparties.id, input.parentId))
    .get();
  if (!chosen || chosen.deletedAt) {
    throw new LedgerError(
      'NOT_FOUND',
      chosen
        ? `往来单位${describeCounterparty(self)}的上级客户${describeCounterparty(chosen)}在回收站中，请先恢复它。`
        : `往来单位${describeCounterparty(self)}的上级客户（编号 ${input.parentId}）不存在。`,
    );
  }
  if (chosen.kind === 'supplier') {
    throw new LedgerError(
      'VALIDATION',
      `往来单位${describeCounterparty(self)}的上级客户${describeCounterparty(chosen)}是供应商，上级客户必须是客户。`,
    );
  }
  if (existingId === null) return;
  // Walk up from the chosen parent; meeting the record itself means it would sit under its own descendant.
  const seen = new Set<number>();
  let ancestorId: number | null = input.parentId;
  while (ancestorId !== null && !seen.has(ancestorId)) {
    if (ancestorId === existingId) {
      throw new LedgerError(
        'VALIDATION',
        `${describeCounterparty(chosen)}是${describeCounterparty(self)}的下级，上级客户不能是它自己的下级。`,
      );
    }
    seen.add(ancestorId);
    ancestorId =
      tx
        .select({ parentId: counterparties.parentId })
        .from(counterparties)
        .where(eq(counterparties.id, ancestorId))
        .get()?.parentId ?? null;
  }
}

/** A customer with live 下级客户 cannot become a pure supplier: its channel would hang from nothing. */
function assertNoChildrenWhenSupplier(
  tx: LedgerTx,
  input: CounterpartyInput,
  existingId: number | null,
): void {
  if (existingId === null || input.kind !== 'supplier') return;
  const children =
    tx
      .select({ n: count() })
      .from(counterparties)
      .where(and(eq(counterparties.parentId, existingId), isNull(counterparties.deletedAt)))
      .get()?.n ?? 0;
  if (children > 0) {
    throw new LedgerError(
      'CONFLICT',
      `往来单位【${input.code} ${input.name}】还有 ${children} 个下级客户，不能改为供应商。`,
    );
  }
}

function assertOfficeAndSalesperson(tx: LedgerTx, input: CounterpartyInput): void {
  if (input.officeId !== null) {
    const office = tx
      .select({ name: offices.name, deletedAt: offices.deletedAt })
      .from(offices)
      .where(eq(offices.id, input.officeId))
      .get();
    if (!office || office.deletedAt) {
      throw new LedgerError(
        'NOT_FOUND',
        office
          ? `往来单位【${input.name}】的办事处【${office.name}】在回收站中，请先恢复它。`
          : `往来单位【${input.name}】的办事处（编号 ${input.officeId}）不存在。`,
      );
    }
  }
  if (input.salespersonId !== null) {
    const salesperson = tx
      .select({ name: employees.name, deletedAt: employees.deletedAt })
      .from(employees)
      .where(eq(employees.id, input.salespersonId))
      .get();
    if (!salesperson || salesperson.deletedAt) {
      throw new LedgerError(
        'NOT_FOUND',
        salesperson
          ? `往来单位【${input.name}】的业务员【${salesperson.name}】在回收站中，请先恢复它。`
          : `往来单位【${input.name}】的业务员（职员编号 ${input.salespersonId}）不存在。`,
      );
    }
  }
}

function assertInternalUnit(input: CounterpartyInput): string | null {
  if (!input.isInternal) return null;
  const code = input.internalBranchCode?.trim() ?? '';
  if (!code) {
    throw new LedgerError(
      'VALIDATION',
      `往来单位【${input.name}】是内部单位，请填写它的机构编码（总部或其他分支机构的编码）。`,
    );
  }
  return code;
}

/** A credit limit as a message says it: "50,000.00", or 不限 for none. */
function creditLimitText(creditLimit: string | null): string {
  return creditLimit === null ? '不限' : groupThousands(creditLimit);
}

/**
 * The credit limit is what a sale is stopped by (trading-checks.ts): setting or moving it takes its own
 * permission, whether the form or an import asks. A save that leaves it as stored needs none.
 */
function assertMayChangeCreditLimit(
  ctx: ServiceContext,
  input: CounterpartyInput,
  before: CounterpartyView | null,
): void {
  const next = input.creditLimit === null ? null : yuanText(input.creditLimit);
  if (before === null ? next === null : before.creditLimit === next) return;
  assertMayChangeSensitive(ctx, {
    permission: 'creditLimit.edit',
    field: 'creditLimit',
    label: '信用额度',
    record: `往来单位${describeCounterparty(before ?? input)}`,
    from: before === null ? null : creditLimitText(before.creditLimit),
    to: creditLimitText(next),
  });
}

/**
 * A customer saved by someone whose customer scope it then leaves (another salesperson, another office)
 * would vanish from their own lists at once: refused, saying why, rather than handed over unseen.
 */
function assertStaysInReach(tx: LedgerTx, ctx: ServiceContext, input: CounterpartyInput, id: number): void {
  if (reachesCounterparty(tx, ctx.actor, id)) return;
  const rule =
    ctx.actor.customerReach.scope === 'own'
      ? '业务员须是您本人'
      : '办事处须是您所在的办事处或部门（或其下级）';
  throw new LedgerError('FORBIDDEN', `客户${describeCounterparty(input)}不在您的客户范围内：${rule}。`, {
    field: ctx.actor.customerReach.scope === 'own' ? 'salespersonId' : 'officeId',
  });
}

export interface WriteCounterpartyOptions {
  /** The version the person opened the record at (edit-version.ts); a writer that read it in this transaction gives none. */
  openedVersion?: number;
  /** Said in the audit row, e.g. which import file and row the record came from. */
  auditDetail?: string | null;
}

/**
 * Creates or replaces a counterparty with its contacts, in the caller's transaction, with its
 * audit row. Shared by the form and the import so both apply the same rules.
 */
export function writeCounterparty(
  tx: LedgerTx,
  ctx: ServiceContext,
  rawInput: CounterpartyInput,
  existingId: number | null,
  options: WriteCounterpartyOptions = {},
): number {
  const input = { ...rawInput, code: rawInput.code.trim(), name: rawInput.name.trim() };
  if (!input.code) throw new LedgerError('VALIDATION', `往来单位【${input.name}】未填编码。`);
  if (!input.name) throw new LedgerError('VALIDATION', `往来单位 ${input.code} 未填名称。`);
  assertCodeFree(tx, 'counterparties', input.code, existingId);
  if (existingId !== null) assertReachesCounterparty(tx, ctx.actor, existingId);
  const before = existingId === null ? null : readCounterparty(tx, existingId);
  assertNotInRecycleBin('counterparties', before);
  assertOpenedVersion(tx, ctx, 'counterparties', before, options.openedVersion);
  assertAmounts(input);
  assertMayChangeCreditLimit(ctx, input, before);
  assertChannelFits(input);
  assertParentFits(tx, input, existingId);
  assertNoChildrenWhenSupplier(tx, input, existingId);
  assertOfficeAndSalesperson(tx, input);
  const internalBranchCode = assertInternalUnit(input);
  input.contacts.forEach((contact, index) => {
    if (!contact.name.trim()) {
      throw new LedgerError('VALIDATION', `往来单位【${input.name}】的第 ${index + 1} 个联系人未填姓名。`);
    }
  });

  const now = ctx.clock.now().toISOString();
  const record = {
    code: input.code,
    name: input.name,
    kind: input.kind,
    channelTier: input.channelTier,
    parentId: input.parentId,
    officeId: input.officeId,
    salespersonId: input.salespersonId,
    region: input.region,
    address: input.address,
    creditLimit: input.creditLimit,
    paymentTermDays: input.paymentTermDays,
    invoiceTitle: input.invoiceTitle,
    taxId: input.taxId,
    bankName: input.bankName,
    bankAccount: input.bankAccount,
    isInternal: input.isInternal,
    internalBranchCode,
    openingReceivable: input.openingReceivable,
    openingPayable: input.openingPayable,
    remark: input.remark,
    active: input.active,
    searchText: searchTextOf([
      input.code,
      input.name,
      input.region,
      ...input.contacts.flatMap((contact) => [contact.name, contact.phone]),
    ]),
    updatedAt: now,
  };

  let id: number;
  if (existingId === null) {
    id = tx
      .insert(counterparties)
      .values({ ...record, uid: newUid(), createdAt: now })
      .returning({ id: counterparties.id })
      .get().id;
  } else {
    id = existingId;
    tx.update(counterparties).set(record).where(eq(counterparties.id, id)).run();
    tx.delete(counterpartyContacts).where(eq(counterpartyContacts.counterpartyId, id)).run();
  }
  input.contacts.forEach((contact, sortOrder) => {
    tx.insert(counterpartyContacts)
      .values({
        counterpartyId: id,
        name: contact.name.trim(),
        phone: contact.phone.trim(),
        role: contact.role.trim(),
        sortOrder,
      })
      .run();
  });

  assertStaysInReach(tx, ctx, input, id);
  syncOpeningItems(ctx.db.$client, ctx, {
    id,
    name: input.name,
    openingReceivable: input.openingReceivable,
    openingPayable: input.openingPayable,
  });
  auditWrite(tx, ctx, 'counterparties', {
    code: input.code,
    created: existingId === null,
    before,
    after: readCounterparty(tx, id),
    detail: options.auditDetail,
  });
  return id;
}

export function saveCounterparty(
  ctx: ServiceContext,
  input: CounterpartyInput,
  id: number | null,
  openedVersion?: number,
): CounterpartyView {
  return ctx.db.transaction((tx) =>
    readCounterparty(tx, writeCounterparty(tx, ctx, input, id, { openedVersion })),
  );
}

export const findCounterpartyIdByCode = (db: Reader, code: string) =>
  findLiveIdByCode(db, 'counterparties', code);
