/** What the main process tells the engine process at start: where the data is and which build asks. */
export interface EngineProcessConfig {
  databasePath: string;
  migrationsFolder: string;
  appVersion: string;
  backupDir?: string;
  /** A better-sqlite3 addon built for Electron's ABI (`npm start`); unset in the installed app. */
  nativeBinding?: string;
  /** The upload vault's key, unwrapped by main from the OS keychain (base64 of 32 bytes); unset without one. */
  uploadVaultKey?: string;
}

/**
 * Carried in the environment rather than on the command line: Windows paths inside JSON (quotes,
 * backslashes, spaces, Chinese folder names) pass through an environment variable untouched.
 */
export const engineConfigVariable = 'BRANCH_LEDGER_ENGINE_CONFIG';

export function encodeEngineConfig(config: EngineProcessConfig): string {
  return JSON.stringify(config);
}

/** The configuration, or null when it is missing or not what main writes. */
export function decodeEngineConfig(text: string | undefined): EngineProcessConfig | null {
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const fields = parsed as Record<string, unknown>;
  const { databasePath, migrationsFolder, appVersion, backupDir, nativeBinding, uploadVaultKey } = fields;
  if (typeof databasePath !== 'string' || databasePath === '') return null;
  if (typeof migrationsFolder !== 'string' || migrationsFolder === '') return null;
  if (typeof appVersion !== 'string' || appVersion === '') return null;
  if (backupDir !== undefined && typeof backupDir !== 'string') return null;
  if (nativeBinding !== undefined && typeof nativeBinding !== 'string') return null;
  if (
    uploadVaultKey !== undefined &&
    (typeof uploadVaultKey !== 'string' || Buffer.from(uploadVaultKey, 'base64').length !== 32)
  )
    return null;
  return {
    databasePath,
    migrationsFolder,
    appVersion,
    ...(backupDir ? { backupDir } : {}),
    ...(nativeBinding ? { nativeBinding } : {}),
    ...(uploadVaultKey ? { uploadVaultKey } : {}),
  };
}
