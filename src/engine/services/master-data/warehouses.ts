import { asc, eq, inArray } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { users, warehouseKeepers, warehouses } from '../../db/schema';
import { newUid } from '../../db/uid';
import { LedgerError } from '../../../shared/ledger-error';
import { assertMayChangeSensitive } from '../access/sensitive-fields';
import type { ServiceContext } from '../context';
import {
  assertCodeFree,
  assertNotInRecycleBin,
  assertOpenedVersion,
  auditWrite,
  findLiveIdByCode,
} from './record-lifecycle';

export interface WarehouseInput {
  code: string;
  name: string;
  address: string;
  remark: string;
  active: boolean;
  /** The users who may confirm inbound and outbound for this warehouse (仓管员). */
  keeperIds: number[];
}

type Reader = LedgerDb | LedgerTx;

/** The keepers of some warehouses, by username, as lists and forms show them. */
export function keepersOf(db: Reader, warehouseIds: number[]) {
  if (warehouseIds.length === 0) return [];
  return db
    .select({
      warehouseId: warehouseKeepers.warehouseId,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
    })
    .from(warehouseKeepers)
    .innerJoin(users, eq(users.id, warehouseKeepers.userId))
    .where(inArray(warehouseKeepers.warehouseId, warehouseIds))
    .orderBy(asc(users.username))
    .all();
}

/** A warehouse as the form shows it, with its keepers. */
export function readWarehouse(db: Reader, id: number) {
  const row = db.select().from(warehouses).where(eq(warehouses.id, id)).get();
  if (!row) throw new LedgerError('NOT_FOUND', `仓库（编号 ${id}）不存在。`);
  return {
    ...row,
    keepers: keepersOf(db, [id]).map(({ warehouseId: _warehouseId, ...keeper }) => keeper),
  };
}

export type WarehouseView = ReturnType<typeof readWarehouse>;

/** Code and name each name one warehouse, counting those in the recycle bin (they keep both). */
function assertCodeAndNameFree(tx: LedgerTx, input: WarehouseInput, existingId: number | null): void {
  assertCodeFree(tx, 'warehouses', input.code, existingId);
  const sameName = tx
    .select({ id: warehouses.id, code: warehouses.code, deletedAt: warehouses.deletedAt })
    .from(warehouses)
    .where(eq(warehouses.name, input.name))
    .get();
  if (sameName && sameName.id !== existingId) {
    throw new LedgerError(
      'CONFLICT',
      sameName.deletedAt
        ? `仓库名称【${input.name}】已被回收站中的仓库 ${sameName.code} 占用，请换一个名称，或先恢复或彻底删除它。`
        : `仓库名称【${input.name}】已被仓库 ${sameName.code} 使用，请换一个名称。`,
    );
  }
}

/** A keeper confirms stock movements, so must be a user who can sign in. */
function assertKeepersExist(tx: LedgerTx, input: WarehouseInput, keeperIds: number[]): void {
  if (keeperIds.length === 0) return;
  const found = tx
    .select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active })
    .from(users)
    .where(inArray(users.id, keeperIds))
    .all();
  for (const keeperId of keeperIds) {
    const user = found.find((candidate) => candidate.id === keeperId);
    if (!user) {
      throw new LedgerError('NOT_FOUND', `仓库【${input.name}】的仓管员（用户编号 ${keeperId}）不存在。`);
    }
    if (!user.active) {
      throw new LedgerError(
        'VALIDATION',
        `用户【${user.username} ${user.displayName}】已停用，不能做仓库【${input.name}】的仓管员。`,
      );
    }
  }
}

/**
 * The keepers are who may confirm stock in and out of the warehouse (confirm-warehouse.ts): naming them
 * takes its own permission, from the form or an import, so nobody makes themselves keeper of the stock
 * they also sell. A save that keeps the same keepers needs none.
 */
function assertMayChangeKeepers(
  tx: LedgerTx,
  ctx: ServiceContext,
  input: WarehouseInput,
  keeperIds: number[],
  before: WarehouseView | null,
): void {
  const stored = new Set((before?.keepers ?? []).map((keeper) => keeper.id));
  if (stored.size === keeperIds.length && keeperIds.every((id) => stored.has(id))) return;
  const named = (keepers: { username: string; displayName: string }[]) =>
    keepers.length === 0
      ? '（无）'
      : keepers.map((keeper) => keeper.displayName || keeper.username).join('、');
  const next =
    keeperIds.length === 0
      ? []
      : tx
          .select({ username: users.username, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, keeperIds))
          .orderBy(asc(users.username))
          .all();
  assertMayChangeSensitive(ctx, {
    permission: 'warehouseKeepers.edit',
    field: 'keeperIds',
    label: '仓管员',
    record: `仓库【${input.code} ${input.name}】`,
    from: before === null ? null : named(before.keepers),
    to: named(next),
  });
}

export interface WriteWarehouseOptions {
  /** The version the person opened the record at (edit-version.ts); a writer that read it in this transaction gives none. */
  openedVersion?: number;
  /** Said in the audit row, e.g. which import file and row the record came from. */
  auditDetail?: string | null;
}

/** Creates or replaces a warehouse with its keepers, in the caller's transaction, with its audit row. */
export function writeWarehouse(
  tx: LedgerTx,
  ctx: ServiceContext,
  rawInput: WarehouseInput,
  existingId: number | null,
  options: WriteWarehouseOptions = {},
): number {
  const input = { ...rawInput, code: rawInput.code.trim(), name: rawInput.name.trim() };
  if (!input.code) throw new LedgerError('VALIDATION', `仓库【${input.name}】未填编码。`);
  if (!input.name) throw new LedgerError('VALIDATION', `仓库 ${input.code} 未填名称。`);
  assertCodeAndNameFree(tx, input, existingId);
  const before = existingId === null ? null : readWarehouse(tx, existingId);
  assertNotInRecycleBin('warehouses', before);
  assertOpenedVersion(tx, ctx, 'warehouses', before, options.openedVersion);
  const keeperIds = [...new Set(input.keeperIds)];
  assertKeepersExist(tx, input, keeperIds);
  assertMayChangeKeepers(tx, ctx, input, keeperIds, before);

  const now = ctx.clock.now().toISOString();
  const record = {
    code: input.code,
    name: input.name,
    address: input.address,
    remark: input.remark,
    active: input.active,
    updatedAt: now,
  };
  let id: number;
  if (existingId === null) {
    id = tx
      .insert(warehouses)
      .values({ ...record, uid: newUid(), createdAt: now })
      .returning({ id: warehouses.id })
      .get().id;
  } else {
    id = existingId;
    tx.update(warehouses).set(record).where(eq(warehouses.id, id)).run();
    tx.delete(warehouseKeepers).where(eq(warehouseKeepers.warehouseId, id)).run();
  }
  for (const userId of keeperIds) {
    tx.insert(warehouseKeepers).values({ warehouseId: id, userId }).run();
  }

  auditWrite(tx, ctx, 'warehouses', {
    code: input.code,
    created: existingId === null,
    before,
    after: readWarehouse(tx, id),
    detail: options.auditDetail,
  });
  return id;
}

export function saveWarehouse(
  ctx: ServiceContext,
  input: WarehouseInput,
  id: number | null,
  openedVersion?: number,
): WarehouseView {
  return ctx.db.transaction((tx) => readWarehouse(tx, writeWarehouse(tx, ctx, input, id, { openedVersion })));
}

export const findWarehouseIdByCode = (db: Reader, code: string) => findLiveIdByCode(db, 'warehouses', code);
