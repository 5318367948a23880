import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  packageRequest,
  requestHeadOffice,
  type HeadOffice,
} from '../../../src/engine/services/upload/head-office-client';
import { startHq, type RunningHq } from '../../../src/hq/server';
import type { HqStore } from '../../../src/hq/store/hq-store';
import { openPgStore } from '../../../src/hq/store/pg-store';
import { openSqliteStore } from '../../../src/hq/store/sqlite-store';
import type { Receipt } from '../../../src/shared/upload/wire';
import { startPgCluster, type PgCluster } from '../../integration/support/pg-cluster';
import { testCertificates, type TestCertificates } from '../../integration/support/test-certificates';

/**
 * Head office as a bench meets it: the real receiver (`startHq`) over TLS on loopback, on a fresh SQLite
 * file or a fresh database of a throw-away PostgreSQL cluster (the integration tests' own helpers), and
 * the branch's own client (`requestHeadOffice`, signed as the upload signs) to send packages to it.
 */
export type BenchStoreKind = 'sqlite' | 'pg';

export interface BenchHeadOffice {
  kind: BenchStoreKind;
  store: HqStore;
  hq: RunningHq;
  certificates: TestCertificates;
  /** Head office's address, as a branch's upload settings hold it. */
  url: string;
  /** Registers a branch with its secret. */
  addBranch(code: string): Promise<void>;
  /** Sends one built package as branch `code` would, and returns head office's receipt. */
  send(code: string, pkg: SendablePackage): Promise<Receipt>;
  /**
   * The same signed PUT to another address serving head office's certificate (the raw sink): the branch's
   * side of a send without head office's apply.
   */
  sendTo(url: string, code: string, pkg: SendablePackage): Promise<void>;
  close(): Promise<void>;
}

export interface SendablePackage {
  packageId: string;
  epoch: number;
  seq: number;
  sha256: string;
  body: Buffer;
}

export const benchSecret = (code: string) => `bench-secret-of-${code}-0123456789abcdef`;

let cluster: Promise<PgCluster> | null = null;

/** A fresh empty PostgreSQL database on the bench's cluster (started on first use), as a URL. */
export async function freshPgDatabase(): Promise<string> {
  cluster ??= startPgCluster();
  return (await cluster).createDatabase();
}

/** Stops the cluster, if a bench started one. */
export async function stopPgCluster(): Promise<void> {
  const started = cluster;
  cluster = null;
  await (await started)?.stop();
}

/** A fresh empty store of `kind`, and how to throw it away. */
export async function freshStore(kind: BenchStoreKind): Promise<{ store: HqStore; remove(): void }> {
  if (kind === 'pg') {
    const store = await openPgStore(await freshPgDatabase());
    return { store, remove: () => undefined };
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-bench-'));
  const store = await openSqliteStore(path.join(folder, 'hq.db'));
  return { store, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

export async function startBenchHeadOffice(kind: BenchStoreKind): Promise<BenchHeadOffice> {
  const certificates = await testCertificates();
  const { store, remove } = await freshStore(kind);
  const hq = await startHq({
    store,
    port: 0,
    host: '127.0.0.1',
    tls: { key: certificates.server.key, cert: certificates.server.cert },
    // A two-year snapshot of the large demo is over the default 32 MiB.
    maxPackageBytes: 512 * 1024 * 1024,
  });
  const url = `https://127.0.0.1:${hq.port}`;
  const officeOf = (code: string, at = url): HeadOffice => ({
    url: at,
    branchCode: code,
    secret: benchSecret(code),
    pinnedSpki: [certificates.server.spkiSha256],
    caCertificate: certificates.ca.cert,
    clientCertificate: '',
    clientKey: '',
    idleTimeoutMs: 600_000,
  });
  return {
    kind,
    store,
    hq,
    certificates,
    url,
    addBranch: (code) =>
      store.addBranch({ code, name: `分支 ${code}`, secret: benchSecret(code) }, new Date().toISOString()),
    async send(code, pkg) {
      const response = await requestHeadOffice(
        officeOf(code),
        packageRequest(code, pkg, pkg.body),
        new Date(),
      );
      if (response.status !== 200) {
        throw new Error(`head office answered ${response.status} to ${code} ${pkg.seq}: ${response.body}`);
      }
      return JSON.parse(response.body) as Receipt;
    },
    async sendTo(at, code, pkg) {
      const response = await requestHeadOffice(
        officeOf(code, at),
        packageRequest(code, pkg, pkg.body),
        new Date(),
      );
      if (response.status !== 200) throw new Error(`${at} answered ${response.status}`);
    },
    async close() {
      await hq.close();
      await store.close();
      remove();
    },
  };
}
