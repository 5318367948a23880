import { and, asc, eq, isNull, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { offices } from '../../db/schema';
import { newUid } from '../../db/uid';
import { LedgerError } from '../../../shared/ledger-error';
import { officeKindLabels, type OfficeKind } from '../../domain/master-data/office-kinds';
import type { ServiceContext } from '../context';
import {
  assertCodeFree,
  assertNotInRecycleBin,
  assertOpenedVersion,
  auditWrite,
  findLiveIdByCode,
} from './record-lifecycle';

export interface OfficeInput {
  code: string;
  name: string;
  kind: OfficeKind;
  /** The office or department this one belongs to; the organisation is a tree. */
  parentId: number | null;
  remark: string;
  active: boolean;
}

type Reader = LedgerDb | LedgerTx;
const parent = alias(offices, 'parent');

/** An office or department as the form shows it, with the one it belongs to. */
export function readOffice(db: Reader, id: number) {
  const found = db
    .select({ row: offices, parentCode: parent.code, parentName: parent.name })
    .from(offices)
    .leftJoin(parent, eq(parent.id, offices.parentId))
    .where(eq(offices.id, id))
    .get();
  if (!found) throw new LedgerError('NOT_FOUND', `办事处/部门（编号 ${id}）不存在。`);
  return {
    ...found.row,
    kindLabel: officeKindLabels[found.row.kind],
    parentCode: found.parentCode,
    parentName: found.parentName,
  };
}

export type OfficeView = ReturnType<typeof readOffice>;

function describeOffice(record: { code: string; name: string }): string {
  return `【${record.code} ${record.name}】`;
}

/** The parent must be live, not the record itself, and not below it: the tree must stay a tree. */
function assertParentFits(tx: LedgerTx, input: OfficeInput, existingId: number | null): void {
  if (input.parentId === null) return;
  const self = { code: input.code, name: input.name };
  if (input.parentId === existingId) {
    throw new LedgerError('VALIDATION', `办事处/部门${describeOffice(self)}的上级不能是它自己。`);
  }
  const chosen = tx
    .select({ code: offices.code, name: offices.name, deletedAt: offices.deletedAt })
    .from(offices)
    .where(eq(offices.id, input.parentId))
    .get();
  if (!chosen || chosen.deletedAt) {
    throw new LedgerError(
      'NOT_FOUND',
      chosen
        ? `办事处/部门${describeOffice(self)}的上级${describeOffice(chosen)}在回收站中，请先恢复它。`
        : `办事处/部门${describeOffice(self)}的上级（编号 ${input.parentId}）不存在。`,
    );
  }
  if (existingId === null) return;
  const seen = new Set<number>();
  let ancestorId: number | null = input.parentId;
  while (ancestorId !== null && !seen.has(ancestorId)) {
    if (ancestorId === existingId) {
      throw new LedgerError(
        'VALIDATION',
        `${describeOffice(chosen)}是${describeOffice(self)}的下级，上级不能是它自己的下级。`,
      );
    }
    seen.add(ancestorId);
    ancestorId =
      tx.select({ parentId: offices.parentId }).from(offices).where(eq(offices.id, ancestorId)).get()
        ?.parentId ?? null;
  }
}

export interface WriteOfficeOptions {
  /** The version the person opened the record at (edit-version.ts); a writer that read it in this transaction gives none. */
  openedVersion?: number;
  /** Said in the audit row, e.g. which import file and row the record came from. */
  auditDetail?: string | null;
}

/** Creates or replaces an office or department, in the caller's transaction, with its audit row. */
export function writeOffice(
  tx: LedgerTx,
  ctx: ServiceContext,
  rawInput: OfficeInput,
  existingId: number | null,
  options: WriteOfficeOptions = {},
): number {
  const input = { ...rawInput, code: rawInput.code.trim(), name: rawInput.name.trim() };
  if (!input.code) throw new LedgerError('VALIDATION', `办事处/部门【${input.name}】未填编码。`);
  if (!input.name) throw new LedgerError('VALIDATION', `办事处/部门 ${input.code} 未填名称。`);
  assertCodeFree(tx, 'offices', input.code, existingId);
  const before = existingId === null ? null : readOffice(tx, existingId);
  assertNotInRecycleBin('offices', before);
  assertOpenedVersion(tx, ctx, 'offices', before, options.openedVersion);
  assertParentFits(tx, input, existingId);

  const now = ctx.clock.now().toISOString();
  const record = {
    code: input.code,
    name: input.name,
    kind: input.kind,
    parentId: input.parentId,
    remark: input.remark,
    active: input.active,
    updatedAt: now,
  };
  let id: number;
  if (existingId === null) {
    id = tx
      .insert(offices)
      .values({ ...record, uid: newUid(), createdAt: now })
      .returning({ id: offices.id })
      .get().id;
  } else {
    id = existingId;
    tx.update(offices).set(record).where(eq(offices.id, id)).run();
  }

  auditWrite(tx, ctx, 'offices', {
    code: input.code,
    created: existingId === null,
    before,
    after: readOffice(tx, id),
    detail: options.auditDetail,
  });
  return id;
}

export function saveOffice(
  ctx: ServiceContext,
  input: OfficeInput,
  id: number | null,
  openedVersion?: number,
): OfficeView {
  return ctx.db.transaction((tx) => readOffice(tx, writeOffice(tx, ctx, input, id, { openedVersion })));
}

export const findOfficeIdByCode = (db: Reader, code: string) => findLiveIdByCode(db, 'offices', code);

/**
 * The live office or department of that name (channel reports and customer lists name offices,
 * not codes). Two of the same name cannot be told apart: refused, naming their codes.
 */
export function findOfficeIdByName(db: Reader, name: string): number | null {
  const found = db
    .select({ id: offices.id, code: offices.code })
    .from(offices)
    .where(and(eq(offices.name, name.trim()), isNull(offices.deletedAt)))
    .orderBy(asc(offices.code))
    .all();
  if (found.length > 1) {
    throw new LedgerError(
      'CONFLICT',
      `有 ${found.length} 个名为【${name.trim()}】的办事处/部门（${found.map((office) => office.code).join('、')}），无法确定是哪一个，请先修改名称加以区分。`,
    );
  }
  return found[0]?.id ?? null;
}

/**
 * The first code `prefix` + three or more digits (BSC001, BSC002 …) not in `taken`, for records an
 * import creates from a name alone. `taken` counts the recycle bin too: a binned record keeps its code.
 */
export function firstFreeCode(taken: ReadonlySet<string>, prefix: string): string {
  for (let number = 1; ; number += 1) {
    const code = `${prefix}${String(number).padStart(3, '0')}`;
    if (!taken.has(code)) return code;
  }
}

/** Prefix of the codes given to offices created from a name (办事处 → BSC). */
export const generatedOfficeCodePrefix = 'BSC';

/**
 * The live office of that name, or a new one (kind 办事处, code BSC001… the first free) when there is
 * none: what an import does when the clerk chooses to create missing references.
 */
export function ensureOffice(tx: LedgerTx, ctx: ServiceContext, rawName: string): number {
  const name = rawName.trim();
  if (!name) throw new LedgerError('VALIDATION', '办事处名称为空。');
  const existing = findOfficeIdByName(tx, name);
  if (existing !== null) return existing;
  const taken = tx
    .select({ code: offices.code })
    .from(offices)
    .where(like(offices.code, `${generatedOfficeCodePrefix}%`))
    .all();
  const code = firstFreeCode(new Set(taken.map((office) => office.code)), generatedOfficeCodePrefix);
  return writeOffice(
    tx,
    ctx,
    { code, name, kind: 'office', parentId: null, remark: '', active: true },
    null,
    { auditDetail: `按名称自动创建办事处【${name}】` },
  );
}
