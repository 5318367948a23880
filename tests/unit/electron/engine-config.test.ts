import { describe, expect, it } from 'vitest';
import { decodeEngineConfig, encodeEngineConfig } from '../../../electron/engine-config';

describe('the engine process’s configuration', () => {
  it('survives the trip from main to the engine, optional parts included', () => {
    const config = {
      databasePath: 'D:\\分支\\"北京"\\ledger.db',
      migrationsFolder: '/opt/Branch Ledger/resources/migrations',
      appVersion: '0.1.0',
      backupDir: 'D:\\备份',
      nativeBinding: '/opt/Branch Ledger/resources/native/better_sqlite3.node',
      uploadVaultKey: Buffer.alloc(32, 7).toString('base64'),
    };
    expect(decodeEngineConfig(encodeEngineConfig(config))).toEqual(config);
  });

  it.each([
    ['missing', undefined],
    ['not JSON', '{databasePath:'],
    ['without a database path', JSON.stringify({ migrationsFolder: '/m', appVersion: '0.1.0' })],
    [
      'with a number for a path',
      JSON.stringify({ databasePath: 1, migrationsFolder: '/m', appVersion: '0.1.0' }),
    ],
    ['a list', '[]'],
    [
      'with a vault key that is not 32 bytes',
      JSON.stringify({
        databasePath: '/d',
        migrationsFolder: '/m',
        appVersion: '0.1.0',
        uploadVaultKey: 'c2hvcnQ=',
      }),
    ],
  ])('is refused when %s', (_what, text) => {
    expect(decodeEngineConfig(text)).toBeNull();
  });
});
