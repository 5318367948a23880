import type { SecretVault } from '../upload/upload-secret';
import type { ImportPacing } from '../import/import-runs';
/** Facts about the running engine that the host hands in: nothing under src/engine guesses its host. */
export interface EngineEnv {
  appVersion: string;
  databasePath: string;
  schemaVersion: number;
  /** The default folder for automatic backups (before migrations, daily, month close, exit). */
  backupDir: string;
  /** The migrations this app ships: a backup being restored is held to them (older: migrated; newer: refused). */
  migrationsFolder: string;
  /** Where the passphrase of encrypted automatic backups is kept (backup-passphrase.ts says why there). */
  backupPassphraseFile: string;
  /** How long a write waits for another program's write lock; a restore waits as long. */
  busyTimeoutMs: number;
  /** The built import-file reader worker; null when running from the project's files (read-table-off-thread.ts). */
  importWorker: string | null;
  /** How imports are written in bounded batches (import-runs.ts). */
  importPacing: ImportPacing;
  /** Where head office's HMAC secret is kept, sealed by `uploadVault` (upload-secret.ts). */
  uploadSecretFile: string;
  uploadVault: SecretVault;
}
