export { openEngine, type Engine, type EngineOptions } from './engine';
export type { CallOrigin } from './api/dispatch';
export { cliActor, hostActor } from './services/context';
export { LedgerError } from '../shared/ledger-error';
export { projectRoot, sourceMigrationsFolder, sourceAppVersion } from './source-tree';
export { scheduleDailyBackups } from './daily-backup-timer';
