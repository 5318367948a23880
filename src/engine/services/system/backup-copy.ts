import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isEncryptedBackup, decryptFile } from '../../db/backup-encryption';
import { verifyLedgerCopy } from '../../db/backup';
import { checkSchemaVersion, type SchemaVersions } from '../../db/migrate';
import { LedgerError } from '../../../shared/ledger-error';
import type { EngineEnv } from './engine-env';

/** What making a checked copy needs to know of the engine: where the ledger is, and what schema this app ships. */
export type BackupCopyEnv = Pick<EngineEnv, 'databasePath' | 'migrationsFolder'>;

/** A checked plain copy of a backup, beside the live database (so it can be renamed, and is on its disk). */
export interface BackupCopy {
  from: string;
  file: string;
  encrypted: boolean;
  /** The backup file's modification time: when it was made. */
  madeAt: string;
  versions: SchemaVersions;
  remove(): void;
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function refuseUnusable(from: string, env: BackupCopyEnv): void {
  if (!fs.existsSync(from)) throw new LedgerError('NOT_FOUND', `找不到备份文件 ${from}。`);
  if (path.resolve(from) === env.databasePath) {
    throw new LedgerError('RESTORE_FAILED', `${from} 是正在使用的账簿本身，不是备份。请选择一个备份文件。`);
  }
  if (from.endsWith('.partial')) {
    throw new LedgerError(
      'RESTORE_FAILED',
      `${from} 是一次未完成的备份（.partial 临时文件），不能用来恢复。`,
    );
  }
  if (fs.statSync(from).size === 0) {
    throw new LedgerError('RESTORE_FAILED', `备份文件 ${from} 是空文件（0 字节），不能用来恢复。`);
  }
}

/**
 * Copies (or decrypts) a backup beside the live database and holds the copy to what a ledger must be: the
 * ledger mark, SQLite's full integrity check, and a schema this app knows (a newer one is refused with
 * SCHEMA_TOO_NEW; an older one is migrated later, on the copy). The backup file itself is only read.
 */
export async function checkedCopyOfBackup(
  env: BackupCopyEnv,
  from: string,
  passphrase: string | null,
): Promise<BackupCopy> {
  const source = path.resolve(from);
  refuseUnusable(source, env);
  const file = `${env.databasePath}.${randomBytes(4).toString('hex')}.restoring.partial`;
  const remove = () => removeDatabaseFiles(file);
  const encrypted = isEncryptedBackup(source);
  try {
    if (encrypted) {
      if (!passphrase) {
        throw new LedgerError('PASSPHRASE_REQUIRED', `备份 ${source} 已加密，请输入备份密码。`);
      }
      await decryptFile(source, file, passphrase);
    } else fs.copyFileSync(source, file, fs.constants.COPYFILE_EXCL);
    verifyLedgerCopy(file);
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    let versions: SchemaVersions;
    try {
      versions = checkSchemaVersion(copy, env.migrationsFolder);
    } finally {
      copy.close();
    }
    return {
      from: source,
      file,
      encrypted,
      madeAt: fs.statSync(source).mtime.toISOString(),
      versions,
      remove,
    };
  } catch (error) {
    remove();
    // The checks name the file they read: the person chose the backup, not its temporary copy.
    if (error instanceof LedgerError && error.message.includes(file)) {
      throw new LedgerError(error.code, error.message.replaceAll(file, source), error.details);
    }
    throw error;
  }
}
