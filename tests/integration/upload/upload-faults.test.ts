import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/engine';
import { buildPackages } from '../../../src/engine/services/upload/build-package';
import { listOutbox } from '../../../src/engine/services/upload/outbox-list';
import { updateUploadSettings } from '../../../src/engine/services/upload/upload-configuration';
import { readProgress } from '../../../src/engine/services/upload/upload-progress';
import { holdPut } from '../support/hq-client';
import { act, post } from '../support/stock';
import { testCertificates } from '../support/test-certificates';
import { march, stockRows, writeTestPackage } from '../support/test-packages';
import { headOfficeMatchesBranch } from './support/compare-books';
import { copyTestStore, storeKinds } from './support/test-stores';
import {
  aLaterSale,
  aMarchReceipt,
  januaryAndFebruary,
  uploadWorld,
  type UploadWorld,
} from './support/upload-world';

/** `ledger --db FILE upload run` in a process of its own, to be killed. */
function startUploadRun(databasePath: string): ChildProcess {
  return spawn(
    path.join(projectRoot, 'node_modules/.bin/tsx'),
    ['src/cli/main.ts', '--db', databasePath, 'upload', 'run'],
    { cwd: projectRoot, stdio: 'ignore' },
  );
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 50) {
    if (waited > 30_000) throw new Error('timed out waiting for the upload process');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the outbox says, oldest first: seq and state. */
function outbox(world: UploadWorld): [number, number, string][] {
  return listOutbox(world.engine.db.$client)
    .reverse()
    .map((pkg) => [pkg.epoch, pkg.seq, pkg.state]);
}

describe.each(storeKinds)('upload to head office on %s, through faults (UPLOAD.md)', (kind) => {
  it("arrives whole: head office holds the branch's figures, and a later change replaces, never doubles", async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1, pending: 0 });
    await headOfficeMatchesBranch(world);
    // Nothing new and the period sent: a run sends nothing.
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 0 });

    await aLaterSale(world);
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1 });
    expect(outbox(world)).toEqual([
      [1, 1, 'acked'],
      [1, 2, 'acked'],
    ]);
    await headOfficeMatchesBranch(world);
  });

  it('a response dropped after head office committed: the retry gets the stored receipt, nothing applied twice', async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    world.proxy.set('dropResponse');
    const failed = await world.run();
    expect(failed).toMatchObject({ outcome: 'failed' });
    // The state answer was dropped too, or the package's: either way the branch does not know.
    expect(readProgress(world.engine.db.$client).failuresInRow).toBe(1);
    world.proxy.set('pass');
    const counts = await world.store.rowCounts('BJ01');
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', pending: 0 });
    expect(outbox(world)).toEqual([[1, 1, 'acked']]);
    if (Object.keys(counts).length > 0) expect(await world.store.rowCounts('BJ01')).toEqual(counts);
    await headOfficeMatchesBranch(world);
  });

  it('a connection reset mid-body: nothing applied, the next run sends the same bytes and they apply once', async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    buildPackages(world.ctx, { appVersion: 'test' });
    // Past the state request and its answer, into the package's body.
    world.proxy.set({ resetMidBody: 1200 });
    const failed = await world.run();
    expect(failed).toMatchObject({ outcome: 'failed', failure: { retry: true } });
    expect((await world.store.readState('BJ01'))?.lastSeq ?? 0).toBe(0);
    world.proxy.set('pass');
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1 });
    await headOfficeMatchesBranch(world);
  });

  it('kill -9 of `ledger upload run` between build and send, and after head office committed: the queue is not wedged', async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    const states = () =>
      world.engine.db.$client.prepare('SELECT state FROM upload_outbox ORDER BY seq').pluck().all();

    // Built and committed, then stuck asking head office where it stands (a dead link): killed.
    world.proxy.set('blackhole');
    const first = startUploadRun(world.databasePath);
    await until(() => world.proxy.connections > 0 && states().length > 0);
    first.kill('SIGKILL');
    await exited(first);
    expect(states()).toEqual(['built']);
    world.proxy.set('pass');
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1, pending: 0 });

    // The next package reaches head office and is committed; its answer never reaches the branch,
    // which is killed waiting for it. The next run sends it again and gets the stored receipt.
    await aLaterSale(world);
    // Past the state request (a few hundred bytes), into the package.
    world.proxy.set({ holdResponseAfter: 1_000 });
    const second = startUploadRun(world.databasePath);
    await until(async () => (await world.store.readState('BJ01'))?.lastSeq === 2);
    second.kill('SIGKILL');
    await exited(second);
    expect(states()).toEqual(['acked', 'sending']);
    const counts = await world.store.rowCounts('BJ01');
    world.proxy.set('pass');
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1, pending: 0 });
    expect(outbox(world)).toEqual([
      [1, 1, 'acked'],
      [1, 2, 'acked'],
    ]);
    expect(await world.store.rowCounts('BJ01')).toEqual(counts);
    await headOfficeMatchesBranch(world);
  }, 60_000);

  it('head office restored to an older backup is re-fed from the packages the branch kept', async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    await world.run();
    const older = await copyTestStore(kind, world.store);
    await aMarchReceipt(world);
    await world.run();
    expect((await world.store.readState('BJ01'))?.lastSeq).toBe(2);

    await world.replaceHeadOffice(older);
    expect((await world.store.readState('BJ01'))?.lastSeq).toBe(1);
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1 });
    expect((await world.store.readState('BJ01'))?.lastSeq).toBe(2);
    await headOfficeMatchesBranch(world);
  });

  it('a branch restored from an old backup starts a new epoch with a full snapshot, and head office follows it', async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    const backup = `${world.folder}/old.db`;
    await act(world.engine, 'system.backup', { to: backup });
    await world.run();
    await aMarchReceipt(world);
    await world.run();
    await act(world.engine, 'system.restore', { from: backup });
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1 });
    expect((await world.store.readState('BJ01'))?.epoch).toBe(2);
    await headOfficeMatchesBranch(world);
  });

  it('an oversized package (413) is split and finishes', async () => {
    const world = await uploadWorld(kind, { maxPackageBytes: 1400 });
    await januaryAndFebruary(world);
    // Built before head office's limit was known (offline): over it.
    const [big] = buildPackages(world.ctx, { appVersion: 'test' });
    expect(big!.bytes).toBeGreaterThan(1400);
    const outcome = await world.run();
    expect(outcome).toMatchObject({ outcome: 'uploaded', pending: 0 });
    const states = outbox(world).map(([, , state]) => state);
    // Within the limit by the budget's own estimate, manifest included: a rebuild is never refused again.
    const rebuilt = listOutbox(world.engine.db.$client).filter((pkg) => pkg.state === 'acked');
    expect(Math.max(...rebuilt.map((pkg) => pkg.bytes))).toBeLessThanOrEqual(1400);
    expect(states[0]).toBe('superseded');
    expect(states.slice(1).every((state) => state === 'acked')).toBe(true);
    expect(states.length).toBeGreaterThan(2);
    await headOfficeMatchesBranch(world);
  });

  it("a branch clock 2 h fast: refused for skew, re-signed at head office's time, the offset kept", async () => {
    let branchNow = () => new Date();
    const world = await uploadWorld(kind, {
      hqClock: { now: () => new Date(branchNow().getTime() - 2 * 3600_000) },
    });
    branchNow = () => world.clock.now();
    await januaryAndFebruary(world);
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1 });
    const { skewMs } = readProgress(world.engine.db.$client);
    expect(Math.abs(skewMs + 2 * 3600_000)).toBeLessThan(5_000);
    expect((await act(world.engine, 'upload.status', {})).skewMs).toBe(skewMs);
    await headOfficeMatchesBranch(world);
  });

  it('an unpinned server certificate: nothing sent, the refusal kept and explained, not retried blindly', async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    await act(world.engine, 'upload.settings.update', { pinnedSpki: ['A'.repeat(43) + '='] });
    const outcome = await world.run();
    expect(outcome).toMatchObject({ outcome: 'failed', failure: { code: 'PIN_MISMATCH', retry: false } });
    expect(readProgress(world.engine.db.$client)).toMatchObject({ blocked: true, nextAttemptAt: null });
    expect((await world.store.readState('BJ01'))?.lastSeq ?? 0).toBe(0);
  });

  it("flipped bytes on the wire fail TLS's check; the retry applies the package once", async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    world.proxy.set({ flipByte: 300 });
    expect(await world.run()).toMatchObject({ outcome: 'failed', failure: { retry: true } });
    world.proxy.set('pass');
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1 });
    await headOfficeMatchesBranch(world);
  });

  it('latency beyond the idle timeout: the attempt ends, is explained and retried', async () => {
    const world = await uploadWorld(kind, { idleTimeoutMs: 1_500 });
    await januaryAndFebruary(world);
    world.proxy.set({ latency: 3_000 });
    expect(await world.run()).toMatchObject({ outcome: 'failed', failure: { code: 'TIMEOUT', retry: true } });
    world.proxy.set('pass');
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1 });
    await headOfficeMatchesBranch(world);
  }, 60_000);

  it('a link at 1 KB/s still finishes: an idle timeout, not a total deadline', async () => {
    const world = await uploadWorld(kind, { idleTimeoutMs: 10_000 });
    await januaryAndFebruary(world);
    world.proxy.set({ throttle: 1024 });
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1 });
    await headOfficeMatchesBranch(world);
  }, 90_000);

  it('two sends at once apply once', async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    buildPackages(world.ctx, { appVersion: 'test' });
    const [one, two] = await Promise.all([world.run(), world.run()]);
    expect([one.outcome, two.outcome]).toEqual(['uploaded', 'uploaded']);
    expect((await world.store.readState('BJ01'))?.lastSeq).toBe(1);
    await headOfficeMatchesBranch(world);
  });

  it('head office busy (503, Retry-After): the branch waits at least as asked, then the package applies once', async () => {
    const world = await uploadWorld(kind, { maxConcurrentReceives: 1 });
    await januaryAndFebruary(world);
    // Another branch on a stalled link holds head office's one place.
    await world.store.addBranch({ code: 'SH01', name: '上海分公司', secret: 'sh01-secret' }, '2026-01-01');
    const stalled = writeTestPackage({
      branchCode: 'SH01',
      epoch: 1,
      seq: 1,
      prevSha256: null,
      periods: [march],
      parts: [{ section: 'stock_balances', period: march.key, rows: stockRows([1000, 4800]) }],
    });
    const { ca } = await testCertificates();
    const held = await holdPut(
      { port: world.hq.port, ca: Buffer.from(ca.cert) },
      { code: 'SH01', secret: 'sh01-secret' },
      stalled,
      world.clock.now(),
    );
    const busy = await world.run();
    expect(busy).toMatchObject({ outcome: 'failed', failure: { code: 'busy', retry: true, status: 503 } });
    const waitMs =
      Date.parse(readProgress(world.engine.db.$client).nextAttemptAt!) - world.clock.now().getTime();
    expect(waitMs).toBeGreaterThanOrEqual(5_000);
    expect((await world.store.readState('BJ01'))?.lastSeq ?? 0).toBe(0);
    // Busy is not the package's fault: nothing is logged against the branch.
    expect(await world.store.rejections('BJ01')).toEqual([]);

    await held.release();
    world.clock.advance(waitMs);
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1, pending: 0 });
    expect(outbox(world)).toEqual([[1, 1, 'acked']]);
    await headOfficeMatchesBranch(world);
  });

  it('a revoked client certificate: refused and explained, not retried; the new one uploads', async () => {
    const world = await uploadWorld(kind, { clientCertificate: 'revoked' });
    await januaryAndFebruary(world);
    const refused = await world.run();
    expect(refused).toMatchObject({
      outcome: 'failed',
      failure: {
        code: 'client_certificate',
        status: 403,
        retry: false,
        message: '本机构的客户端证书已被总部吊销。',
      },
    });
    expect(readProgress(world.engine.db.$client)).toMatchObject({ blocked: true, nextAttemptAt: null });
    expect((await world.store.readState('BJ01'))?.lastSeq ?? 0).toBe(0);

    // Head office issues a new certificate; the administrator pastes it into 上传设置.
    const { beijingClient } = await testCertificates();
    updateUploadSettings(world.ctx, world.engine.env, {
      clientCertificate: beijingClient.cert,
      clientKey: beijingClient.key,
    });
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 1, pending: 0 });
    await headOfficeMatchesBranch(world);
  });

  it('an expired or unknown server certificate: refused before anything is sent, and said so', async () => {
    for (const serverCertificate of ['expired', 'unknownCa'] as const) {
      const world = await uploadWorld(kind, { serverCertificate });
      await januaryAndFebruary(world);
      const outcome = await world.run();
      expect(outcome).toMatchObject({ outcome: 'failed', failure: { retry: false } });
      if (outcome.outcome === 'failed') expect(outcome.failure.message).toMatch(/证书/);
      expect((await world.store.readState('BJ01'))?.lastSeq ?? 0).toBe(0);
    }
  });

  it('a week offline with 150 packages built meanwhile: all arrive, in order, once', async () => {
    const world = await uploadWorld(kind);
    await januaryAndFebruary(world);
    world.proxy.set('refuse');
    for (let entry = 0; entry < 150; entry += 1) {
      await post(world.engine, {
        type: 'sales_delivery',
        businessDate: '2026-03-01',
        counterpartyId: world.world.customer,
        lines: [
          {
            goodsId: world.world.milk,
            warehouseId: world.world.warehouse1,
            unitName: '袋',
            quantity: '1',
            unitPrice: '3',
          },
        ],
      });
      buildPackages(world.ctx, { appVersion: 'test' });
    }
    expect(await world.run()).toMatchObject({ outcome: 'failed', failure: { retry: true } });
    world.proxy.set('pass');
    expect(await world.run()).toMatchObject({ outcome: 'uploaded', sent: 150, pending: 0 });
    expect((await world.store.readState('BJ01'))?.lastSeq).toBe(150);
    await headOfficeMatchesBranch(world);
  }, 120_000);
});
