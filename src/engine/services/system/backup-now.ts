import { backupDatabase, type BackupResult } from '../../db/backup';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';

/**
 * An online backup to a path the person chose, encrypted if they give a passphrase (used for this backup
 * only, kept nowhere); the database stays open and usable meanwhile.
 */
export async function backupNow(
  ctx: ServiceContext,
  target: string,
  passphrase: string | null = null,
): Promise<BackupResult> {
  let result: BackupResult;
  try {
    result = await backupDatabase(ctx.db.$client, target, { passphrase });
  } catch (error) {
    if (error instanceof LedgerError) throw error;
    throw new LedgerError('BACKUP_FAILED', `备份到 ${target} 失败：${(error as Error).message}`);
  }
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'system.backup',
      entity: 'database',
      entityKey: result.path,
      detail: `${result.bytes} 字节${result.encrypted ? '，已加密' : ''}`,
      // The figures themselves, for the audit page to word in the reader's language.
      after: { bytes: result.bytes, encrypted: result.encrypted },
    }),
  );
  return result;
}
