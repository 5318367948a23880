import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bench, describe } from 'vitest';
import { cliActor, openEngine, sourceAppVersion, sourceMigrationsFolder } from '../../src/engine';

/**
 * The price of the API boundary: a call through the router (schema, permission, handler) against
 * the bare SQLite read it wraps, in the same run. vitest prints the ratio between the two.
 */
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
const engine = await openEngine({
  databasePath: path.join(folder, 'ledger.db'),
  migrationsFolder: sourceMigrationsFolder,
  appVersion: sourceAppVersion(),
});
await engine.callAs(cliActor, 'setup.createBranch', {
  profile: {
    code: 'BJ01',
    name: '北京分公司',
    accountingMode: 'independent',
    costingScope: 'per_warehouse',
    defaultCostingMethod: 'moving_average',
    taxpayerType: 'general',
  },
  administrator: {
    username: 'admin',
    displayName: '管理员',
    password: 'bench-password',
    passwordConfirm: 'bench-password',
  },
});
const rawRead = engine.db.$client.prepare('SELECT code FROM branch_profile WHERE id = 1');

describe('system.info', () => {
  bench('raw SQLite read of the branch row (baseline)', () => {
    rawRead.get();
  });

  bench('system.info through the API router', async () => {
    await engine.callAs(cliActor, 'system.info', {});
  });
});
