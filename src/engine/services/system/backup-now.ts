import { backupDatabase } from '../../db/backup';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';

/** An online backup to a path the person chose; the database stays open and usable meanwhile. */
export async function backupNow(
  ctx: ServiceContext,
  target: string,
): Promise<{ path: string; bytes: number }> {
  let result: { path: string; bytes: number };
  try {
    result = await backupDatabase(ctx.db.$client, target);
  } catch (error) {
    if (error instanceof LedgerError) throw error;
    throw new LedgerError('BACKUP_FAILED', `备份到 ${target} 失败：${(error as Error).message}`);
  }
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'system.backup',
      entity: 'database',
      entityKey: result.path,
      detail: `${result.bytes} 字节`,
    }),
  );
  return result;
}
