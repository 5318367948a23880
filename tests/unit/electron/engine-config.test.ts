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
  ])('is refused when %s', (_what, text) => {
    expect(decodeEngineConfig(text)).toBeNull();
  });
});
