import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import type { EngineEnv } from './engine-env';

/**
 * The passphrase automatic backups are encrypted with must be at hand when no one is there to type it (the
 * daily backup, the one on exit). Where it lives:
 * - Not in the ledger. Every backup is a copy of the ledger, and the ledger itself gets copied (to a USB
 *   stick for the accountant): a passphrase inside it would travel with every plain copy and open every
 *   encrypted backup.
 * - In a small file of its own beside the database (`<database file>.backup-passphrase`), readable only by
 *   the account the app runs as (mode 0600), never inside the backups folder. What an encrypted backup
 *   protects against is a backup leaving the machine (a lost stick, a shared folder); this file does not
 *   leave it with them. Someone who can read this machine's files can read the ledger itself anyway.
 * The desktop app can later keep it in the OS keychain instead (as UPLOAD.md "Trust" asks for the upload's
 * secret): only this file knows where it is kept. Whoever restores on another machine must know it: the page
 * says so when it is set.
 */
export function defaultBackupPassphraseFile(databasePath: string): string {
  return `${databasePath}.backup-passphrase`;
}

/** The passphrase for automatic backups, or null: they are written unencrypted. */
export function readBackupPassphrase(env: EngineEnv): string | null {
  try {
    const text = fs.readFileSync(env.backupPassphraseFile, 'utf8');
    return text === '' ? null : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LedgerError(
      'BACKUP_FAILED',
      `读不到自动备份的密码文件 ${env.backupPassphraseFile}：${(error as Error).message}`,
    );
  }
}

/** Sets (or, with null, removes) the passphrase for automatic backups; audited without the passphrase. */
export function setBackupPassphrase(ctx: ServiceContext, env: EngineEnv, passphrase: string | null): void {
  const file = env.backupPassphraseFile;
  if (passphrase === null) fs.rmSync(file, { force: true });
  else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    fs.writeFileSync(partial, passphrase, { mode: 0o600 });
    fs.renameSync(partial, file);
  }
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'system.backup_passphrase',
      entity: 'settings',
      entityKey: 'backupPassphrase',
      detail: passphrase === null ? '取消自动备份加密' : '设置自动备份加密密码',
    }),
  );
}
