import type { ServiceContext } from '../context';
import { findBranchRow } from '../branch/branch-profile';
import type { EngineEnv } from './engine-env';

export interface SystemInfo {
  appVersion: string;
  schemaVersion: number;
  databasePath: string;
  branchCode: string | null;
}

export function systemInfo(ctx: ServiceContext, env: EngineEnv): SystemInfo {
  return {
    appVersion: env.appVersion,
    schemaVersion: env.schemaVersion,
    databasePath: env.databasePath,
    branchCode: findBranchRow(ctx.db)?.code ?? null,
  };
}
