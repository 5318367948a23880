import { eq } from 'drizzle-orm';
import type { LedgerTx } from '../../db/connection';
import { employees } from '../../db/schema';
import { employeeSpec } from '../../domain/master-data/organization-spec';
import { LedgerError } from '../../../shared/ledger-error';
import { writeEmployee, type EmployeeInput } from '../master-data/employees';
import { ensureOffice, findOfficeIdByName } from '../master-data/offices';
import type { EntityImporter, PlannedRow } from './entity-importer';
import type { ImportOptions } from './import-options';
import type { ImportRow } from './import-row';
import {
  checkCode,
  checkLength,
  decideAction,
  existingByCode,
  existingFor,
  refuseDuplicateCodes,
  sameRecord,
  type ExistingRecord,
} from './record-rows';
import { usersByName } from './users-by-name';

/** An employee row ready to write; a new office named in the file is created when it is written. */
export interface EmployeeWrite {
  input: EmployeeInput;
  officeName: string | null;
}

/** Lengths the employee form allows (api/schemas/employee.ts). */
const maxTextLength: Record<string, number> = { name: 20, phone: 40, title: 20, remark: 200 };
const maxCodeLength = 20;

function currentEmployeeInput(tx: LedgerTx, id: number): EmployeeInput {
  const row = tx.select().from(employees).where(eq(employees.id, id)).get()!;
  return {
    code: row.code,
    name: row.name,
    officeId: row.officeId,
    phone: row.phone,
    title: row.title,
    userId: row.userId,
    remark: row.remark,
    active: row.active,
  };
}

interface EmployeeLookups {
  byCode: Map<string, ExistingRecord>;
  officeByName: Map<string, number | null | LedgerError>;
  findUser: ReturnType<typeof usersByName>;
}

function officeIdOf(tx: LedgerTx, lookups: EmployeeLookups, name: string): number | null | LedgerError {
  if (!lookups.officeByName.has(name)) {
    try {
      lookups.officeByName.set(name, findOfficeIdByName(tx, name));
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      lookups.officeByName.set(name, error);
    }
  }
  return lookups.officeByName.get(name)!;
}

function planEmployeeRow(
  tx: LedgerTx,
  row: ImportRow,
  lookups: EmployeeLookups,
  options: ImportOptions,
): PlannedRow<EmployeeWrite> {
  const code = row.text('code');
  const existing = existingFor(row, lookups.byCode, '职员');
  const existingId = existing?.id ?? null;
  checkCode(row, 'code', maxCodeLength);
  for (const [key, max] of Object.entries(maxTextLength)) checkLength(row, key, max);
  const current: EmployeeInput =
    existingId !== null
      ? currentEmployeeInput(tx, existingId)
      : {
          code: code ?? '',
          name: '',
          officeId: null,
          phone: '',
          title: '',
          userId: null,
          remark: '',
          active: true,
        };
  const next: EmployeeInput = { ...current };
  for (const key of ['name', 'phone', 'title', 'remark'] as const) {
    if (row.has(key)) next[key] = row.text(key)!;
  }
  if (row.has('active')) next.active = row.flag('active')!;
  const officeName = row.text('office');
  if (officeName !== null) {
    const office = officeIdOf(tx, lookups, officeName);
    if (office instanceof LedgerError) row.error('office', office.message);
    else if (office !== null) next.officeId = office;
    else if (options.createMissing) row.warn('office', `办事处【${officeName}】不存在，将新建`);
    else row.error('office', `办事处【${officeName}】不存在（可选择自动新建缺少的办事处）`);
  }
  const username = row.text('username');
  if (username !== null) {
    const user = lookups.findUser(username);
    if (user === null) row.error('username', `用户【${username}】不存在`);
    else if (user === 'ambiguous')
      row.error('username', `有多个显示名为【${username}】的用户，请写登录用户名`);
    else next.userId = user.id;
  }
  return decideAction(row, existing, options, { input: next, officeName }, () => sameRecord(next, current));
}

/** 职员: salespeople and office staff, with their office and login. */
export const employeeImporter: EntityImporter<EmployeeWrite> = {
  spec: employeeSpec,
  plan(tx, _ctx, rows, options) {
    refuseDuplicateCodes(rows);
    const lookups: EmployeeLookups = {
      byCode: existingByCode(tx, employees, employees),
      officeByName: new Map(),
      findUser: usersByName(tx),
    };
    return rows.map((row) => planEmployeeRow(tx, row, lookups, options));
  },
  write(tx, ctx, planned, options, source) {
    const { input, officeName } = planned.write!;
    const officeId =
      officeName === null
        ? input.officeId
        : options.createMissing
          ? ensureOffice(tx, ctx, officeName)
          : findOfficeIdByName(tx, officeName);
    writeEmployee(tx, ctx, { ...input, officeId }, planned.existingId, {
      auditDetail: `导入【${source.fileName}】第 ${planned.row.rowNumber} 行`,
      openedVersion: planned.openedVersion,
    });
  },
};
