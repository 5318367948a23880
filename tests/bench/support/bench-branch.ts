import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  cliActor,
  openEngine,
  sourceAppVersion,
  sourceMigrationsFolder,
  type Engine,
} from '../../../src/engine';
import type { BranchProfile } from '../../../src/engine/domain/branch/profile';
import { stockWorld, type StockWorld } from '../../integration/support/stock';

export interface BenchBranch {
  engine: Engine;
  /** The temporary folder holding the database; the bench removes it when done. */
  folder: string;
  world: StockWorld;
}

/**
 * A new branch in a temporary folder, set up as the integration tests' stock world (two warehouses, a
 * supplier, a customer, milk in 箱 / 袋), costed by the given method: what the stock benches start from.
 */
export async function benchBranch(
  defaultCostingMethod: BranchProfile['defaultCostingMethod'],
): Promise<BenchBranch> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  const engine = await openEngine({
    databasePath: path.join(folder, 'ledger.db'),
    migrationsFolder: sourceMigrationsFolder,
    appVersion: sourceAppVersion(),
  });
  const response = await engine.callAs(cliActor, 'setup.createBranch', {
    profile: {
      code: 'BJ01',
      name: '北京分公司',
      accountingMode: 'independent',
      costingScope: 'per_warehouse',
      defaultCostingMethod,
      taxpayerType: 'general',
    },
    administrator: {
      username: 'admin',
      displayName: '管理员',
      password: 'bench-password',
      passwordConfirm: 'bench-password',
    },
  });
  if (!response.ok) throw new Error(response.error.message);
  return { engine, folder, world: await stockWorld(engine) };
}
