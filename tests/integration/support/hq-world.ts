import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { HqClock } from '../../../src/hq/clock';
import { startHq, type RunningHq } from '../../../src/hq/server';
import type { HqStore } from '../../../src/hq/store/hq-store';
import { openPgStore } from '../../../src/hq/store/pg-store';
import { openSqliteStore } from '../../../src/hq/store/sqlite-store';
import { ensureTlsIdentity, type TlsIdentity } from '../../../src/hq/tls-identity';
import type { BranchCredentials, HqEndpoint } from './hq-client';
import { startPgCluster, type PgCluster } from './pg-cluster';

export type StoreKind = 'sqlite' | 'pg';
export const storeKinds: StoreKind[] = ['sqlite', 'pg'];

export const beijing: BranchCredentials = { code: 'BJ01', secret: 'secret-of-beijing-0123456789' };

/** Head office as a test sees it: a fresh store with branch BJ01, served over HTTPS on 127.0.0.1. */
export interface HqWorld {
  store: HqStore;
  endpoint: HqEndpoint;
  dir: string;
  /** Opens the same database again, as a second process (the CLI) would. */
  openStore(): Promise<HqStore>;
  clock: HqClock & { offsetMs: number };
  /** The options that point the `hq` command at this database. */
  storeArgs: string[];
  /** Runs SQL on the database behind head office's back, as someone with database access could. */
  execSql(sql: string): Promise<void>;
  /** The running receiver, and the certificate it serves with. */
  hq: RunningHq;
  identity: TlsIdentity;
}

/** Registers the hooks that give every test of the block its own head office on `kind`. */
export interface HqWorldOptions {
  maxPackageBytes?: number;
  /** Ask for client certificates signed by this CA (mTLS), not in its revocation list. */
  clientCa?: () => { ca: string; crl: string };
}

export function useHqWorld(kind: StoreKind, options: HqWorldOptions = {}): HqWorld {
  const world = {} as HqWorld;
  let cluster: PgCluster | undefined;
  let identity: TlsIdentity;
  let server: RunningHq;
  let location: string;

  beforeAll(async () => {
    if (kind === 'pg') cluster = await startPgCluster();
    identity = await ensureTlsIdentity(fs.mkdtempSync(path.join(os.tmpdir(), 'hq-tls-')), []);
  }, 60_000);

  beforeEach(async () => {
    world.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-world-'));
    location = kind === 'pg' ? await cluster!.createDatabase() : path.join(world.dir, 'hq.db');
    world.openStore = () => (kind === 'pg' ? openPgStore(location) : openSqliteStore(location));
    world.store = await world.openStore();
    world.storeArgs = kind === 'pg' ? ['--pg', location] : ['--data', world.dir];
    world.execSql = async (sql) => {
      if (kind === 'pg') {
        const client = new pg.Client({ connectionString: location });
        await client.connect();
        await client.query(sql).finally(() => client.end());
        return;
      }
      const sqlite = new Database(location);
      try {
        sqlite.exec(sql);
      } finally {
        sqlite.close();
      }
    };
    await world.store.addBranch(
      { code: beijing.code, name: '北京分公司', secret: beijing.secret },
      new Date().toISOString(),
    );
    const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
    world.clock = clock;
    server = await startHq({
      store: world.store,
      port: 0,
      host: '127.0.0.1',
      tls: options.clientCa
        ? { key: identity.key, cert: identity.cert, ...options.clientCa(), requestClientCert: true }
        : { key: identity.key, cert: identity.cert },
      maxPackageBytes: options.maxPackageBytes,
      clock,
    });
    world.endpoint = { port: server.port, ca: identity.cert };
    world.hq = server;
    world.identity = identity;
  });

  afterEach(async () => {
    await server.close();
    await world.store.close();
    fs.rmSync(world.dir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await cluster?.stop();
    fs.rmSync(path.dirname(identity.keyFile), { recursive: true, force: true });
  });

  return world;
}
