import type { TFunction, i18n as I18n } from 'i18next';
import type { ApiOutput } from '../../../shared/api';
import { formatBytes } from '../../components/formatBytes';

type AuditRow = ApiOutput<'audit.list'>['rows'][number];

/** The master-data records whose writes are audited as `<record>.<verb>` (record-lifecycle.ts). */
const records = ['goods', 'counterparties', 'warehouses', 'offices', 'employees'] as const;
const recordVerbs = ['create', 'update', 'enable', 'disable', 'delete', 'restore', 'purge'] as const;

/**
 * Every action the audit log can hold, as the reader's language names it: the named ones, and each
 * master-data record with each of its verbs ("新增商品", "Created goods"). An action of a newer version
 * that this one has no words for shows as it is stored rather than not at all.
 */
export function auditActionNames(t: TFunction, i18n: I18n): Map<string, string> {
  const named = Object.keys(i18n.getResource(i18n.language, 'translation', 'audit.actions') as object);
  const names = new Map(named.map((key) => [key, t(`audit.actions.${key}` as 'audit.actions.auth.login')]));
  for (const record of records) {
    for (const verb of recordVerbs) {
      names.set(
        `${record}.${verb}`,
        t(`audit.recordVerbs.${verb}`, { record: t(`audit.records.${record}`) }),
      );
    }
  }
  return names;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What happened, in words: a backup by its kind and size; a record by its code and name (the rest of what
 * was written is in the record's own history, not a JSON dump here); a setting by its new value. An entry
 * without figures of its own keeps the words the engine wrote.
 */
export function describeAuditEntry(t: TFunction, row: AuditRow): string {
  const after = row.after;
  if (isObject(after) && typeof after.bytes === 'number') {
    const size = t(after.encrypted === true ? 'audit.describe.backupEncrypted' : 'audit.describe.backup', {
      size: formatBytes(after.bytes),
    });
    const kind = typeof after.kind === 'string' ? after.kind : null;
    return kind ? `${t(`audit.describe.backupKinds.${kind as 'daily'}`)} · ${size}` : size;
  }
  if (isObject(after) && typeof after.source === 'string') {
    return typeof after.failedAttempts === 'number'
      ? t('audit.describe.failedFrom', { count: after.failedAttempts, source: after.source })
      : t('audit.describe.from', { source: after.source });
  }
  if (isObject(after)) {
    const parts = [after.code, after.number, after.name ?? after.displayName ?? after.path].filter(
      (part): part is string => typeof part === 'string' && part !== '',
    );
    if (parts.length > 0) return parts.join(' · ');
  }
  if (row.action === 'settings.update' && after !== null && !isObject(after)) {
    return t('audit.describe.setting', { key: row.entityKey ?? '', value: String(after) });
  }
  return row.detail ?? '';
}
