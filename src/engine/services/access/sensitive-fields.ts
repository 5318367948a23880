import { permissionLabel, type Permission } from '../../domain/access/permissions';
import { LedgerError } from '../../../shared/ledger-error';
import { actorMay, type ServiceContext } from '../context';

/**
 * A change to a field that guards the branch's money (a customer's credit limit, a unit's lowest sale
 * price, who keeps a warehouse), as its record's writer sees it. Whoever may edit the record may not
 * therefore move these: a clerk who could raise a credit limit to 99,999,999 or lower a minimum price to
 * 0.01 would switch off the very checks a sale is held to (issue 11, separation of duties).
 */
export interface SensitiveChange {
  permission: Permission;
  /** The writer's input field, for whoever places the refusal (the form, an import's cell). */
  field: string;
  /** What the field is called: 信用额度. */
  label: string;
  /** Whose field it is, as messages name it: 往来单位【KH001 华联超市】. */
  record: string;
  /** The value as stored, as people read it; null: the record is new. */
  from: string | null;
  to: string;
  /** More the placing needs (which unit of a goods). */
  extra?: Record<string, string>;
}

/**
 * Refuses a changed sensitive field unless the actor holds its own permission. A writer calls this only
 * for a value that differs from the stored one, so a clerk's save that leaves the field alone goes through.
 */
export function assertMayChangeSensitive(ctx: ServiceContext, change: SensitiveChange): void {
  if (actorMay(ctx.actor, change.permission)) return;
  const to = bracketed(change.to) ? change.to : ` ${change.to}`;
  const from = change.from === null || bracketed(change.from) ? change.from : ` ${change.from} `;
  const what = from === null ? `不能设为${to}` : `不能由${from}改为${to}`;
  throw new LedgerError(
    'FORBIDDEN',
    `没有修改${change.label}的权限：${change.record}的${change.label}${what}。` +
      `请由有【${permissionLabel(change.permission)}】权限的人修改。`,
    { permission: change.permission, field: change.field, ...change.extra },
  );
}

/** Figures and names stand apart from the words around them; bracketed text (（无）) needs no space. */
function bracketed(value: string): boolean {
  return /^[（【]/.test(value);
}

/** The field a refusal by assertMayChangeSensitive names, or null for any other error. */
export function sensitiveFieldOf(
  error: LedgerError,
): { field: string; extra: Record<string, unknown> } | null {
  if (error.code !== 'FORBIDDEN' || typeof error.details !== 'object' || error.details === null) return null;
  const { field, permission: _permission, ...extra } = error.details as Record<string, unknown>;
  return typeof field === 'string' ? { field, extra } : null;
}
