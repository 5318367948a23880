export { openEngine, type Engine, type EngineOptions } from './engine';
export { cliActor } from './services/context';
export { LedgerError } from './domain/ledger-error';
export { projectRoot, sourceMigrationsFolder, sourceAppVersion } from './source-tree';
