import { onTestFinished } from 'vitest';
import type { Engine } from '../../../../src/engine';
import { cliActor, type ServiceContext } from '../../../../src/engine/services/context';
import {
  runUpload,
  uploadDepsOf,
  type UploadRunOutcome,
} from '../../../../src/engine/services/upload/upload-run';
import { updateUploadSettings } from '../../../../src/engine/services/upload/upload-configuration';
import { startHq, type RunningHq } from '../../../../src/hq/server';
import type { HqStore } from '../../../../src/hq/store/hq-store';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import type { ManualClock } from '../../support/ledger';
import { post, stockLedger, type StockWorld } from '../../support/stock';
import { testCertificates } from '../../support/test-certificates';
import { openTestStore, type StoreKind } from './test-stores';

export const branchSecret = 'bj01-upload-secret-0123456789abcdef';

/** A branch with some books, head office on a store of `kind`, and the fault proxy between them. */
export interface UploadWorld {
  engine: Engine;
  clock: ManualClock;
  world: StockWorld;
  ctx: ServiceContext;
  store: HqStore;
  hq: RunningHq;
  proxy: FaultProxy;
  databasePath: string;
  folder: string;
  run(): Promise<UploadRunOutcome>;
  /** Head office restarted on another store (restored from a backup), the proxy pointed at it. */
  replaceHeadOffice(store: HqStore): Promise<void>;
}

export async function uploadWorld(
  kind: StoreKind,
  options: {
    maxPackageBytes?: number;
    hqClock?: { now(): Date };
    /** Head office's certificate (default the test CA's good one for 127.0.0.1). */
    serverCertificate?: 'good' | 'expired' | 'unknownCa';
    /** The branch's idle timeout (default 5 s). */
    idleTimeoutMs?: number;
    /** Packages head office receives at once (default the receiver's). */
    maxConcurrentReceives?: number;
    /** Head office asks for client certificates (mTLS, with the test CA's CRL); the branch shows this one. */
    clientCertificate?: 'beijing' | 'revoked';
  } = {},
): Promise<UploadWorld> {
  const certificates = await testCertificates();
  const ledger = await stockLedger();
  const store = await openTestStore(kind);
  const served = {
    good: certificates.server,
    expired: certificates.expiredServer,
    unknownCa: certificates.unknownCaServer,
  }[options.serverCertificate ?? 'good'];
  const shown = { beijing: certificates.beijingClient, revoked: certificates.revokedClient };
  await store.addBranch({ code: 'BJ01', name: '北京分公司', secret: branchSecret }, new Date().toISOString());
  const start = (on: HqStore) =>
    startHq({
      store: on,
      port: 0,
      host: '127.0.0.1',
      tls: {
        key: served.key,
        cert: served.cert,
        ...(options.clientCertificate
          ? { ca: certificates.ca.cert, crl: certificates.crl.pem, requestClientCert: true }
          : {}),
      },
      ...(options.maxPackageBytes ? { maxPackageBytes: options.maxPackageBytes } : {}),
      ...(options.maxConcurrentReceives ? { maxConcurrentReceives: options.maxConcurrentReceives } : {}),
      // Head office keeps the branch's (hand-moved) time unless the test sets its clock apart.
      clock: options.hqClock ?? ledger.clock,
    });
  let hq = await start(store);
  const proxy = await startFaultProxy({ targetHost: '127.0.0.1', targetPort: hq.port });
  onTestFinished(async () => {
    await proxy.close();
    await hq.close();
  });
  const ctx: ServiceContext = { db: ledger.engine.db, actor: cliActor, clock: ledger.clock };
  updateUploadSettings(ctx, ledger.engine.env, {
    headOfficeUrl: `https://127.0.0.1:${proxy.port}`,
    caCertificate: certificates.ca.cert,
    // Pinned to the key head office serves with, so a certificate refusal is the chain's, not the pin's.
    pinnedSpki: [served.spkiSha256],
    secret: branchSecret,
    ...(options.clientCertificate
      ? {
          clientCertificate: shown[options.clientCertificate].cert,
          clientKey: shown[options.clientCertificate].key,
        }
      : {}),
  });
  const world: UploadWorld = {
    engine: ledger.engine,
    clock: ledger.clock,
    world: ledger.world,
    ctx,
    store,
    hq,
    proxy,
    databasePath: ledger.databasePath,
    folder: ledger.folder,
    run: () =>
      runUpload(ctx, { ...uploadDepsOf(ledger.engine.env), idleTimeoutMs: options.idleTimeoutMs ?? 5_000 }),
    async replaceHeadOffice(next) {
      await hq.close();
      hq = await start(next);
      world.hq = hq;
      world.store = next;
      proxy.retarget(hq.port);
    },
  };
  return world;
}

/** A receipt in January and a sale in February, as the branch's clerk enters them. */
export async function januaryAndFebruary(world: UploadWorld): Promise<void> {
  const { engine } = world;
  const { milk, warehouse1, supplier, customer } = world.world;
  await post(engine, {
    type: 'purchase_receipt',
    businessDate: '2026-01-05',
    counterpartyId: supplier,
    lines: [{ goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '10', unitPrice: '48' }],
  });
  await post(engine, {
    type: 'sales_delivery',
    businessDate: '2026-02-10',
    counterpartyId: customer,
    lines: [{ goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '3', unitPrice: '70' }],
  });
}

/** One more case of milk sold on 20 February: a change after a package was sent. */
export async function aLaterSale(world: UploadWorld): Promise<void> {
  const { milk, warehouse1, customer } = world.world;
  await post(world.engine, {
    type: 'sales_delivery',
    businessDate: '2026-02-20',
    counterpartyId: customer,
    lines: [{ goodsId: milk, warehouseId: warehouse1, unitName: '箱', quantity: '1', unitPrice: '70' }],
  });
}

/** Two cases of milk received into the second warehouse on 1 March: a month head office has not seen. */
export async function aMarchReceipt(world: UploadWorld): Promise<void> {
  const { milk, warehouse2, supplier } = world.world;
  await post(world.engine, {
    type: 'purchase_receipt',
    businessDate: '2026-03-01',
    counterpartyId: supplier,
    lines: [{ goodsId: milk, warehouseId: warehouse2, unitName: '箱', quantity: '2', unitPrice: '48' }],
  });
}
