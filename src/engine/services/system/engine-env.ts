/** Facts about the running engine that the host hands in: nothing under src/engine guesses its host. */
export interface EngineEnv {
  appVersion: string;
  databasePath: string;
  schemaVersion: number;
  /** Folder for automatic backups (before migrations). */
  backupDir: string;
  /** The built import-file reader worker; null when running from the project's files (read-table-off-thread.ts). */
  importWorker: string | null;
}
