import { and, asc, eq, isNull, like } from 'drizzle-orm';
import type { LedgerDb, LedgerTx } from '../../db/connection';
import { employees, offices, users } from '../../db/schema';
import { newUid } from '../../db/uid';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import {
  assertCodeFree,
  assertNotInRecycleBin,
  assertOpenedVersion,
  auditWrite,
  findLiveIdByCode,
} from './record-lifecycle';
import { firstFreeCode } from './offices';

export interface EmployeeInput {
  code: string;
  name: string;
  officeId: number | null;
  phone: string;
  title: string;
  /** The login of this person, when they use the app; one employee per user. */
  userId: number | null;
  remark: string;
  active: boolean;
}

type Reader = LedgerDb | LedgerTx;

/** An employee as the form shows it, with the office and login names. */
export function readEmployee(db: Reader, id: number) {
  const found = db
    .select({
      row: employees,
      officeName: offices.name,
      username: users.username,
      userDisplayName: users.displayName,
    })
    .from(employees)
    .leftJoin(offices, eq(offices.id, employees.officeId))
    .leftJoin(users, eq(users.id, employees.userId))
    .where(eq(employees.id, id))
    .get();
  if (!found) throw new LedgerError('NOT_FOUND', `职员（编号 ${id}）不存在。`);
  return {
    ...found.row,
    officeName: found.officeName,
    username: found.username,
    userDisplayName: found.userDisplayName,
  };
}

export type EmployeeView = ReturnType<typeof readEmployee>;

function describeEmployee(record: { code: string; name: string }): string {
  return `【${record.code} ${record.name}】`;
}

function assertOfficeLive(tx: LedgerTx, input: EmployeeInput): void {
  if (input.officeId === null) return;
  const office = tx
    .select({ code: offices.code, name: offices.name, deletedAt: offices.deletedAt })
    .from(offices)
    .where(eq(offices.id, input.officeId))
    .get();
  if (!office || office.deletedAt) {
    throw new LedgerError(
      'NOT_FOUND',
      office
        ? `职员【${input.name}】的办事处【${office.code} ${office.name}】在回收站中，请先恢复它。`
        : `职员【${input.name}】的办事处（编号 ${input.officeId}）不存在。`,
    );
  }
}

/**
 * A login belongs to one person: two employees on one user would make "whose documents are these"
 * ambiguous. One in the recycle bin still holds its user, as it keeps its code.
 */
function assertUserFree(tx: LedgerTx, input: EmployeeInput, existingId: number | null): void {
  if (input.userId === null) return;
  const user = tx
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, input.userId))
    .get();
  if (!user) {
    throw new LedgerError('NOT_FOUND', `职员【${input.name}】的登录用户（编号 ${input.userId}）不存在。`);
  }
  const linked = tx
    .select({
      id: employees.id,
      code: employees.code,
      name: employees.name,
      deletedAt: employees.deletedAt,
    })
    .from(employees)
    .where(eq(employees.userId, input.userId))
    .all()
    .find((employee) => employee.id !== existingId);
  if (linked) {
    throw new LedgerError(
      'CONFLICT',
      `用户【${user.username} ${user.displayName}】已关联${linked.deletedAt ? '回收站中的' : ''}职员${describeEmployee(linked)}，一个用户只能关联一个职员。`,
    );
  }
}

export interface WriteEmployeeOptions {
  /** The version the person opened the record at (edit-version.ts); a writer that read it in this transaction gives none. */
  openedVersion?: number;
  /** Said in the audit row, e.g. which import file and row the record came from. */
  auditDetail?: string | null;
}

/** Creates or replaces an employee, in the caller's transaction, with its audit row. */
export function writeEmployee(
  tx: LedgerTx,
  ctx: ServiceContext,
  rawInput: EmployeeInput,
  existingId: number | null,
  options: WriteEmployeeOptions = {},
): number {
  const input = { ...rawInput, code: rawInput.code.trim(), name: rawInput.name.trim() };
  if (!input.code) throw new LedgerError('VALIDATION', `职员【${input.name}】未填编码。`);
  if (!input.name) throw new LedgerError('VALIDATION', `职员 ${input.code} 未填姓名。`);
  assertCodeFree(tx, 'employees', input.code, existingId);
  const before = existingId === null ? null : readEmployee(tx, existingId);
  assertNotInRecycleBin('employees', before);
  assertOpenedVersion(tx, ctx, 'employees', before, options.openedVersion);
  assertOfficeLive(tx, input);
  assertUserFree(tx, input, existingId);

  const now = ctx.clock.now().toISOString();
  const record = {
    code: input.code,
    name: input.name,
    officeId: input.officeId,
    phone: input.phone,
    title: input.title,
    userId: input.userId,
    remark: input.remark,
    active: input.active,
    updatedAt: now,
  };
  let id: number;
  if (existingId === null) {
    id = tx
      .insert(employees)
      .values({ ...record, uid: newUid(), createdAt: now })
      .returning({ id: employees.id })
      .get().id;
  } else {
    id = existingId;
    tx.update(employees).set(record).where(eq(employees.id, id)).run();
  }

  auditWrite(tx, ctx, 'employees', {
    code: input.code,
    created: existingId === null,
    before,
    after: readEmployee(tx, id),
    detail: options.auditDetail,
  });
  return id;
}

export function saveEmployee(
  ctx: ServiceContext,
  input: EmployeeInput,
  id: number | null,
  openedVersion?: number,
): EmployeeView {
  return ctx.db.transaction((tx) => readEmployee(tx, writeEmployee(tx, ctx, input, id, { openedVersion })));
}

export const findEmployeeIdByCode = (db: Reader, code: string) => findLiveIdByCode(db, 'employees', code);

/**
 * The live employee of that name (customer lists name salespeople: 王强). Namesakes are told apart
 * by the office when one is given; still more than one is refused, naming their codes.
 */
export function findEmployeeIdByName(
  db: Reader,
  name: string,
  officeId: number | null = null,
): number | null {
  const found = db
    .select({ id: employees.id, code: employees.code, officeId: employees.officeId })
    .from(employees)
    .where(and(eq(employees.name, name.trim()), isNull(employees.deletedAt)))
    .orderBy(asc(employees.code))
    .all();
  if (found.length <= 1) return found[0]?.id ?? null;
  const inOffice = found.filter((employee) => officeId !== null && employee.officeId === officeId);
  if (inOffice.length === 1) return inOffice[0]!.id;
  const namesakes = inOffice.length > 1 ? inOffice : found;
  throw new LedgerError(
    'CONFLICT',
    `有 ${namesakes.length} 个名为【${name.trim()}】的职员（${namesakes.map((employee) => employee.code).join('、')}），无法确定是哪一位，请先修改姓名加以区分。`,
  );
}

/** Prefix of the codes given to employees created from a name (职员 → ZY). */
export const generatedEmployeeCodePrefix = 'ZY';

/**
 * The live employee of that name, or a new one in `officeId` (code ZY001… the first free) when there
 * is none: what an import does when the clerk chooses to create missing references.
 */
export function ensureEmployee(
  tx: LedgerTx,
  ctx: ServiceContext,
  rawName: string,
  officeId: number | null,
): number {
  const name = rawName.trim();
  if (!name) throw new LedgerError('VALIDATION', '职员姓名为空。');
  const existing = findEmployeeIdByName(tx, name, officeId);
  if (existing !== null) return existing;
  const taken = tx
    .select({ code: employees.code })
    .from(employees)
    .where(like(employees.code, `${generatedEmployeeCodePrefix}%`))
    .all();
  const code = firstFreeCode(new Set(taken.map((employee) => employee.code)), generatedEmployeeCodePrefix);
  return writeEmployee(
    tx,
    ctx,
    { code, name, officeId, phone: '', title: '', userId: null, remark: '', active: true },
    null,
    { auditDetail: `按姓名自动创建职员【${name}】` },
  );
}
