import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  ApiCallError,
  createClient,
  type LedgerClient,
  type SessionStorageLike,
} from '../../src/app/api/client';
import { openEngine, sourceAppVersion, sourceMigrationsFolder, type Engine } from '../../src/engine';
import { testPasswordCost, testSource } from './support/ledger';

/** Stands in for the browser tab's sessionStorage. */
function memoryStorage(): SessionStorageLike {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('the renderer’s typed client over the in-process transport', () => {
  let folder: string;
  let engine: Engine;
  let client: LedgerClient;

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-client-'));
    engine = await openEngine({
      databasePath: path.join(folder, 'ledger.db'),
      migrationsFolder: sourceMigrationsFolder,
      appVersion: sourceAppVersion(),
      passwordCost: testPasswordCost,
    });
    client = createClient((request) => engine.call(request, testSource), memoryStorage());
  });

  afterEach(() => {
    engine.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('sets up, signs in, carries the session on every call, and forgets it when the engine does', async () => {
    expect(await client.call('setup.status', {})).toEqual({ isSetUp: false, branchName: null });
    await client.call('setup.createBranch', {
      profile: {
        code: 'sh02',
        name: '上海分公司',
        accountingMode: 'non_independent',
        costingScope: 'per_branch',
        defaultCostingMethod: 'fifo',
        taxpayerType: 'small',
      },
      administrator: {
        username: 'admin',
        displayName: '管理员',
        password: 'Ledger#2026',
        passwordConfirm: 'Ledger#2026',
      },
    });

    const { session } = await client.call('auth.login', { username: 'admin', password: 'Ledger#2026' });
    client.setSession(session);
    const info = await client.call('system.info', {});
    expect(info.branchCode).toBe('SH02');
    expect(info.schemaVersion).toBeGreaterThan(0);

    let lost = 0;
    client.onSessionLost(() => (lost += 1));
    await client.call('auth.logout', {});
    const failure = await client.call('system.info', {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiCallError);
    expect((failure as ApiCallError).code).toBe('UNAUTHENTICATED');
    expect(lost).toBe(1);
    expect(client.hasSession()).toBe(false);
  });

  test('修改密码 keeps the session that replaces the old one, so the next call goes on signed in', async () => {
    await client.call('setup.createBranch', {
      profile: {
        code: 'sh02',
        name: '上海分公司',
        accountingMode: 'non_independent',
        costingScope: 'per_branch',
        defaultCostingMethod: 'fifo',
        taxpayerType: 'small',
      },
      administrator: {
        username: 'admin',
        displayName: '管理员',
        password: 'Ledger#2026',
        passwordConfirm: 'Ledger#2026',
      },
    });
    client.setSession(
      (await client.call('auth.login', { username: 'admin', password: 'Ledger#2026' })).session,
    );
    let lost = 0;
    client.onSessionLost(() => (lost += 1));
    await client.call('auth.changePassword', { currentPassword: 'Ledger#2026', newPassword: 'Ledger#2027' });
    expect((await client.call('auth.currentUser', {})).user.username).toBe('admin');
    expect(lost).toBe(0);
  });

  test('a validation error carries the field paths a form puts its messages beside', async () => {
    const failure = (await client
      .call('setup.createBranch', {
        profile: {
          code: 'x',
          name: '',
          accountingMode: 'independent',
          costingScope: 'per_warehouse',
          defaultCostingMethod: 'moving_average',
          taxpayerType: 'general',
        },
        administrator: {
          username: 'admin',
          displayName: '管理员',
          password: 'short',
          passwordConfirm: 'short',
        },
      })
      .catch((error: unknown) => error)) as ApiCallError;
    expect(failure.code).toBe('VALIDATION');
    const byPath = Object.fromEntries(
      failure.fieldIssues.map((issue) => [issue.path.join('.'), issue.message]),
    );
    expect(byPath['profile.code']).toBe('机构编码须为 2–12 位大写字母或数字，例如 BJ01');
    expect(byPath['profile.name']).toBe('请填写机构名称');
    expect(byPath['administrator.password']).toBe('密码至少 8 位');
  });
});
