export { openEngine, type Engine, type EngineOptions } from './engine';
export type { CallOrigin } from './api/dispatch';
export { cliActor, hostActor } from './services/context';
export { LedgerError } from '../shared/ledger-error';
// What the web server answers with: it imports the engine only (ARCHITECTURE.md, layout).
export type { ApiResponse } from '../shared/api';
export type { ErrorCode } from '../shared/errors';
export { projectRoot, sourceMigrationsFolder, sourceAppVersion } from './source-tree';
export { scheduleDailyBackups } from './daily-backup-timer';
export { scheduleUploads } from './upload-timer';
export { aesGcmVault } from './services/upload/upload-secret';
