import { and, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import {
  counterparties,
  documentLines,
  documents,
  employees,
  goods,
  goodsStockLines,
  offices,
  warehouses,
} from '../../db/schema';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import { assertUnchangedSince, lastAuditedChange } from '../records/edit-version';
import { reachesCounterparty } from '../access/customer-scope';
import type { ServiceContext } from '../context';

/** What every master-data table has, so that disabling, the recycle bin and purging work the same for all. */
interface LifecycleTable {
  table: SQLiteTable;
  id: SQLiteColumn;
  code: SQLiteColumn;
  name: SQLiteColumn;
  active: SQLiteColumn;
  deletedAt: SQLiteColumn;
  deletedBy: SQLiteColumn;
  /** 商品, 客户 … in messages. */
  label: string;
  /**
   * Live records that still point at this one and would be left dangling by moving it to the bin,
   * each as a count query and how to name it. Posted documents join this list as they arrive.
   */
  usedBy: (tx: LedgerTx, id: number) => { what: string; count: number }[];
  /**
   * The records this one points at that are in the recycle bin: restoring it would bring back a
   * record hanging under a deleted one, so restore names them instead.
   */
  pointsIntoBin: (tx: LedgerTx, id: number) => string[];
}

/** Names the referenced record when it is in the recycle bin. */
function binned(
  tx: LedgerTx,
  what: string,
  table: SQLiteTable,
  idColumn: SQLiteColumn,
  deletedAt: SQLiteColumn,
  name: SQLiteColumn,
  referencedId: number | null | undefined,
): string[] {
  if (referencedId === null || referencedId === undefined) return [];
  const found = tx
    .select({ name })
    .from(table)
    .where(and(eq(idColumn, referencedId), isNotNull(deletedAt))!)
    .get() as { name: string } | undefined;
  return found ? [`${what}【${found.name}】`] : [];
}

function countWhere(tx: LedgerTx, table: SQLiteTable, where: SQL): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(where)
      .get() as { n: number }
  ).n;
}

export const lifecycleTables = {
  goods: {
    table: goods,
    id: goods.id,
    code: goods.code,
    name: goods.name,
    active: goods.active,
    deletedAt: goods.deletedAt,
    deletedBy: goods.deletedBy,
    label: '商品',
    usedBy: (tx, id) => [
      { what: '单据明细', count: countWhere(tx, documentLines, eq(documentLines.goodsId, id)) },
    ],
    pointsIntoBin: () => [],
  },
  counterparties: {
    table: counterparties,
    id: counterparties.id,
    code: counterparties.code,
    name: counterparties.name,
    active: counterparties.active,
    deletedAt: counterparties.deletedAt,
    deletedBy: counterparties.deletedBy,
    label: '往来单位',
    pointsIntoBin: (tx, id) => {
      const row = tx
        .select({
          parentId: counterparties.parentId,
          officeId: counterparties.officeId,
          salespersonId: counterparties.salespersonId,
        })
        .from(counterparties)
        .where(eq(counterparties.id, id))
        .get();
      return [
        ...binned(
          tx,
          '上级客户',
          counterparties,
          counterparties.id,
          counterparties.deletedAt,
          counterparties.name,
          row?.parentId,
        ),
        ...binned(tx, '办事处', offices, offices.id, offices.deletedAt, offices.name, row?.officeId),
        ...binned(
          tx,
          '业务员',
          employees,
          employees.id,
          employees.deletedAt,
          employees.name,
          row?.salespersonId,
        ),
      ];
    },
    usedBy: (tx, id) => [
      { what: '单据', count: countWhere(tx, documents, eq(documents.counterpartyId, id)) },
      {
        what: '下级客户',
        count: countWhere(
          tx,
          counterparties,
          and(eq(counterparties.parentId, id), isNull(counterparties.deletedAt))!,
        ),
      },
    ],
  },
  warehouses: {
    table: warehouses,
    id: warehouses.id,
    code: warehouses.code,
    name: warehouses.name,
    active: warehouses.active,
    deletedAt: warehouses.deletedAt,
    deletedBy: warehouses.deletedBy,
    label: '仓库',
    usedBy: (tx, id) => [
      {
        what: '单据明细',
        count: countWhere(
          tx,
          documentLines,
          or(eq(documentLines.warehouseId, id), eq(documentLines.toWarehouseId, id))!,
        ),
      },
      {
        what: '商品的库存上下限',
        count: countWhere(tx, goodsStockLines, eq(goodsStockLines.warehouseId, id)),
      },
    ],
    pointsIntoBin: () => [],
  },
  offices: {
    table: offices,
    id: offices.id,
    code: offices.code,
    name: offices.name,
    active: offices.active,
    deletedAt: offices.deletedAt,
    deletedBy: offices.deletedBy,
    label: '办事处/部门',
    pointsIntoBin: (tx, id) => {
      const row = tx.select({ parentId: offices.parentId }).from(offices).where(eq(offices.id, id)).get();
      return binned(tx, '上级', offices, offices.id, offices.deletedAt, offices.name, row?.parentId);
    },
    usedBy: (tx, id) => [
      { what: '单据', count: countWhere(tx, documents, eq(documents.officeId, id)) },
      {
        what: '职员',
        count: countWhere(tx, employees, and(eq(employees.officeId, id), isNull(employees.deletedAt))!),
      },
      {
        what: '往来单位',
        count: countWhere(
          tx,
          counterparties,
          and(eq(counterparties.officeId, id), isNull(counterparties.deletedAt))!,
        ),
      },
      {
        what: '下级办事处/部门',
        count: countWhere(tx, offices, and(eq(offices.parentId, id), isNull(offices.deletedAt))!),
      },
    ],
  },
  employees: {
    table: employees,
    id: employees.id,
    code: employees.code,
    name: employees.name,
    active: employees.active,
    deletedAt: employees.deletedAt,
    deletedBy: employees.deletedBy,
    label: '职员',
    pointsIntoBin: (tx, id) => {
      const row = tx
        .select({ officeId: employees.officeId })
        .from(employees)
        .where(eq(employees.id, id))
        .get();
      return binned(tx, '办事处', offices, offices.id, offices.deletedAt, offices.name, row?.officeId);
    },
    usedBy: (tx, id) => [
      { what: '单据（经手人）', count: countWhere(tx, documents, eq(documents.handlerId, id)) },
      {
        what: '往来单位（业务员）',
        count: countWhere(
          tx,
          counterparties,
          and(eq(counterparties.salespersonId, id), isNull(counterparties.deletedAt))!,
        ),
      },
    ],
  },
} satisfies Record<string, LifecycleTable>;

export type LifecycleEntity = keyof typeof lifecycleTables;

/** A counterparty out of the caller's customer scope is one that does not exist, as on counterparties.get. */
function findRecord(tx: LedgerTx, ctx: ServiceContext, spec: LifecycleTable, id: number) {
  const hidden = spec.table === counterparties && !reachesCounterparty(tx, ctx.actor, id);
  const record = hidden
    ? undefined
    : (tx
        .select({ code: spec.code, name: spec.name, active: spec.active, deletedAt: spec.deletedAt })
        .from(spec.table)
        .where(eq(spec.id, id))
        .get() as { code: string; name: string; active: boolean; deletedAt: string | null } | undefined);
  if (!record) throw new LedgerError('NOT_FOUND', `${spec.label}（编号 ${id}）不存在。`);
  return record;
}

/** Sets columns of one record by their SQL names; the tables differ, the columns are the same. */
function updateRecord(
  tx: LedgerTx,
  spec: LifecycleTable,
  id: number,
  values: [SQLiteColumn, unknown][],
): void {
  const assignments = sql.join(
    values.map(([column, value]) => sql`${sql.identifier(column.name)} = ${value}`),
    sql`, `,
  );
  tx.run(sql`UPDATE ${spec.table} SET ${assignments} WHERE ${sql.identifier(spec.id.name)} = ${id}`);
}

function describe(spec: LifecycleTable, record: { code: string; name: string }): string {
  return `${spec.label}【${record.code} ${record.name}】`;
}

/**
 * A code names one record among all of an entity's, those in the recycle bin included (they keep
 * their code until purged). The one message for every entity.
 */
export function codeTakenError(
  entity: LifecycleEntity,
  code: string,
  holder: { name: string; deletedAt: string | null },
): LedgerError {
  const label = lifecycleTables[entity].label;
  return new LedgerError(
    'CONFLICT',
    holder.deletedAt
      ? `${label}编码 ${code} 已被回收站中的${label}【${holder.name}】占用，请先恢复或彻底删除它。`
      : `${label}编码 ${code} 已存在（${holder.name}）。`,
  );
}

export function assertCodeFree(
  tx: LedgerTx,
  entity: LifecycleEntity,
  code: string,
  existingId: number | null,
): void {
  const spec: LifecycleTable = lifecycleTables[entity];
  const holder = tx
    .select({ id: spec.id, name: spec.name, deletedAt: spec.deletedAt })
    .from(spec.table)
    .where(eq(spec.code, code))
    .get() as { id: number; name: string; deletedAt: string | null } | undefined;
  if (holder && holder.id !== existingId) throw codeTakenError(entity, code, holder);
}

/** The live record (not in the recycle bin) with that code; imports use it to decide create or update. */
export function findLiveIdByCode(
  db: LedgerDb | LedgerTx,
  entity: LifecycleEntity,
  code: string,
): number | null {
  const spec: LifecycleTable = lifecycleTables[entity];
  const found = db
    .select({ id: spec.id })
    .from(spec.table)
    .where(and(eq(spec.code, code.trim()), isNull(spec.deletedAt))!)
    .get() as { id: number } | undefined;
  return found?.id ?? null;
}

/** A record in the recycle bin is restored before it is edited: edits to deleted records go unseen. */
export function assertNotInRecycleBin(
  entity: LifecycleEntity,
  record: { code: string; name: string; deletedAt: string | null } | null,
): void {
  if (record?.deletedAt) {
    throw new LedgerError(
      'CONFLICT',
      `${describe(lifecycleTables[entity], record)}在回收站中，请先恢复再修改。`,
    );
  }
}

/**
 * A save of an existing record opened at `openedVersion` is refused when the record has changed since,
 * naming who changed it and when (services/records/edit-version.ts).
 */
export function assertOpenedVersion(
  tx: LedgerTx,
  ctx: ServiceContext,
  entity: LifecycleEntity,
  record: { code: string; name: string; version: number } | null,
  openedVersion: number | undefined,
): void {
  if (!record) return;
  assertUnchangedSince(
    ctx,
    { label: describe(lifecycleTables[entity], record), version: record.version },
    openedVersion,
    () => lastAuditedChange(tx, entity, record.code),
  );
}

/** The audit row of a create or an update, with the record as it was and as it is. */
export function auditWrite(
  tx: LedgerTx,
  ctx: ServiceContext,
  entity: LifecycleEntity,
  write: { code: string; created: boolean; before: unknown; after: unknown; detail?: string | null },
): void {
  recordAudit(tx, ctx, {
    action: `${entity}.${write.created ? 'create' : 'update'}`,
    entity,
    entityKey: write.code,
    before: write.before,
    after: write.after,
    detail: write.detail ?? null,
  });
}

/** 启用 / 停用: a disabled record stays in lists and history but cannot be chosen on new documents. */
export function setActive(ctx: ServiceContext, entity: LifecycleEntity, id: number, active: boolean): void {
  const spec: LifecycleTable = lifecycleTables[entity];
  ctx.db.transaction((tx) => {
    const record = findRecord(tx, ctx, spec, id);
    if (record.deletedAt) {
      throw new LedgerError('CONFLICT', `${describe(spec, record)}在回收站中，请先恢复。`);
    }
    if (record.active === active) return;
    updateRecord(tx, spec, id, [[spec.active, active ? 1 : 0]]);
    recordAudit(tx, ctx, {
      action: `${entity}.${active ? 'enable' : 'disable'}`,
      entity,
      entityKey: record.code,
      before: { active: record.active },
      after: { active },
    });
  });
}

/**
 * 删除: moves the record to the recycle bin, where it can be restored. Refused while live records
 * still refer to it — it would leave them pointing at nothing — naming what does.
 */
export function moveToRecycleBin(ctx: ServiceContext, entity: LifecycleEntity, id: number): void {
  const spec: LifecycleTable = lifecycleTables[entity];
  ctx.db.transaction((tx) => {
    const record = findRecord(tx, ctx, spec, id);
    if (record.deletedAt) return;
    const users = spec.usedBy(tx, id).filter((use) => use.count > 0);
    if (users.length > 0) {
      throw new LedgerError(
        'CONFLICT',
        `${describe(spec, record)}仍被 ${users.map((use) => `${use.count} 个${use.what}`).join('、')} 引用，不能删除；可以停用它。`,
      );
    }
    updateRecord(tx, spec, id, [
      [spec.deletedAt, ctx.clock.now().toISOString()],
      [spec.deletedBy, ctx.actor.username],
    ]);
    recordAudit(tx, ctx, {
      action: `${entity}.delete`,
      entity,
      entityKey: record.code,
      detail: `${describe(spec, record)}移入回收站`,
    });
  });
}

export function restoreFromRecycleBin(ctx: ServiceContext, entity: LifecycleEntity, id: number): void {
  const spec: LifecycleTable = lifecycleTables[entity];
  ctx.db.transaction((tx) => {
    const record = findRecord(tx, ctx, spec, id);
    if (!record.deletedAt) return;
    const deletedTargets = spec.pointsIntoBin(tx, id);
    if (deletedTargets.length > 0) {
      throw new LedgerError(
        'CONFLICT',
        `${describe(spec, record)}的${deletedTargets.join('、')}也在回收站中，请先恢复它们。`,
      );
    }
    updateRecord(tx, spec, id, [
      [spec.deletedAt, null],
      [spec.deletedBy, null],
    ]);
    recordAudit(tx, ctx, {
      action: `${entity}.restore`,
      entity,
      entityKey: record.code,
      detail: `${describe(spec, record)}从回收站恢复`,
    });
  });
}

/**
 * 彻底删除: only from the recycle bin, and only while nothing at all refers to the record — the
 * database's foreign keys are the final word, so a reference nobody listed still stops it.
 */
export function purgeFromRecycleBin(ctx: ServiceContext, entity: LifecycleEntity, id: number): void {
  const spec: LifecycleTable = lifecycleTables[entity];
  ctx.db.transaction((tx) => {
    const record = findRecord(tx, ctx, spec, id);
    if (!record.deletedAt) {
      throw new LedgerError('CONFLICT', `${describe(spec, record)}不在回收站中，请先删除。`);
    }
    try {
      tx.delete(spec.table)
        .where(and(eq(spec.id, id), isNotNull(spec.deletedAt))!)
        .run();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new LedgerError('CONFLICT', `${describe(spec, record)}仍被其他记录或单据引用，不能彻底删除。`);
      }
      throw error;
    }
    recordAudit(tx, ctx, {
      action: `${entity}.purge`,
      entity,
      entityKey: record.code,
      detail: `${describe(spec, record)}彻底删除`,
    });
  });
}
