/** Facts about the running engine that the host hands in: nothing under src/engine guesses its host. */
export interface EngineEnv {
  appVersion: string;
  databasePath: string;
  schemaVersion: number;
  /** Folder for automatic backups (before migrations). */
  backupDir: string;
}
