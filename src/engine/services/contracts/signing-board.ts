import { addWorkingDays } from '../../domain/calendar/working-days';
import { LedgerError } from '../../../shared/ledger-error';
import { isIsoDate } from '../../domain/calendar/calendar';
import { recordAudit } from '../audit/record-audit';
import { calendarExceptions } from '../calendar/work-calendar';
import type { ServiceContext } from '../context';

/**
 * 签约表进度 (issue 14 "Deadlines"): per office and year, when its customers signed, when the table reached
 * the branch and when it was imported, against the seed's deadlines — offices send within 5 working days of
 * signing, the branch imports within 3 working days of receipt — counted on the working-day calendar.
 */
export const submitWithinWorkingDays = 5;
export const importWithinWorkingDays = 3;

export type SigningState = 'not_received' | 'received' | 'import_overdue' | 'imported' | 'imported_late';

export const signingStateLabels: Readonly<Record<SigningState, string>> = {
  not_received: '未收到',
  received: '已收到待导入',
  import_overdue: '逾期未导入',
  imported: '已导入',
  imported_late: '逾期导入',
};

interface BoardRow {
  officeId: number;
  officeCode: string;
  officeName: string;
  signedOn: string | null;
  receivedOn: string | null;
  importedOn: string | null;
  fileName: string | null;
  contracts: number;
}

export function signingBoard(ctx: ServiceContext, year: number) {
  const sqlite = ctx.db.$client;
  const today = ctx.clock.today();
  // Deadlines fall up to a few weeks after the year's signing: the calendar is read a year either side.
  const exceptions = calendarExceptions(sqlite, `${year - 1}-01-01`, `${year + 1}-12-31`);
  const rows = sqlite
    .prepare(
      'SELECT o.id AS officeId, o.code AS officeCode, o.name AS officeName, t.signed_on AS signedOn, ' +
        't.received_on AS receivedOn, t.imported_on AS importedOn, t.file_name AS fileName, coalesce(t.contracts, 0) AS contracts ' +
        "FROM offices o LEFT JOIN signing_tables t ON t.office_id = o.id AND t.year = ? AND t.kind = 'sales' " +
        'WHERE o.deleted_at IS NULL AND o.active = 1 ORDER BY o.code',
    )
    .all(year) as BoardRow[];
  return rows.map((row) => {
    const submitBy = row.signedOn ? addWorkingDays(row.signedOn, submitWithinWorkingDays, exceptions) : null;
    const importBy = row.receivedOn
      ? addWorkingDays(row.receivedOn, importWithinWorkingDays, exceptions)
      : null;
    const state: SigningState =
      row.importedOn !== null
        ? importBy !== null && row.importedOn > importBy
          ? 'imported_late'
          : 'imported'
        : row.receivedOn === null
          ? 'not_received'
          : importBy !== null && today > importBy
            ? 'import_overdue'
            : 'received';
    return {
      ...row,
      submitBy,
      submittedLate: submitBy !== null && row.receivedOn !== null && row.receivedOn > submitBy,
      importBy,
      state,
      stateLabel: signingStateLabels[state],
    };
  });
}

/** The day an office's table arrived, recorded before it is imported so the board counts from it. */
export function recordTableReceived(
  ctx: ServiceContext,
  officeId: number,
  year: number,
  receivedOn: string,
): void {
  if (!isIsoDate(receivedOn)) throw new LedgerError('VALIDATION', `收到日期“${receivedOn}”不是有效日期。`);
  if (receivedOn > ctx.clock.today())
    throw new LedgerError('VALIDATION', `收到日期 ${receivedOn} 晚于今天。`);
  ctx.db.transaction((tx) => {
    const office = ctx.db.$client.prepare('SELECT code, name FROM offices WHERE id = ?').get(officeId) as
      { code: string; name: string } | undefined;
    if (!office) throw new LedgerError('NOT_FOUND', `办事处（编号 ${officeId}）不存在。`);
    ctx.db.$client
      .prepare(
        "INSERT INTO signing_tables (office_id, year, kind, received_on) VALUES (?, ?, 'sales', ?) " +
          'ON CONFLICT (office_id, year, kind) DO UPDATE SET received_on = excluded.received_on',
      )
      .run(officeId, year, receivedOn);
    recordAudit(tx, ctx, {
      action: 'contracts.tableReceived',
      entity: 'signing_table',
      entityKey: `${office.code} ${year}`,
      after: { receivedOn },
    });
  });
}
