import { describe, expect, it } from 'vitest';
import type { HqStore } from '../../../src/hq/store/hq-store';
import { getState, putPackage } from '../support/hq-client';
import { beijing, storeKinds, useHqWorld } from '../support/hq-world';
import { march, stockRows, writeTestPackage, type TestPackage } from '../support/test-packages';

/** March's stock quantity as head office holds it, over every part. */
async function marchStock(store: HqStore): Promise<{ quantity: bigint; value: bigint; rows: number }> {
  let quantity = 0n;
  let value = 0n;
  let rows = 0;
  for (const held of await store.heldPeriodParts(beijing.code)) {
    if (held.section !== 'stock_balances' || held.period !== march.key) continue;
    for (const row of await store.periodPartRows(beijing.code, held.section, held.period, held.part)) {
      quantity += BigInt(String(row.quantity));
      value += BigInt(String(row.value));
      rows += 1;
    }
  }
  return { quantity, value, rows };
}

/** seq 1 of epoch 1: a snapshot with March stock (12 + 3.5 units; ¥100.00 + ¥35.00) and one goods row. */
function firstPackage(): TestPackage {
  return writeTestPackage({
    branchCode: beijing.code,
    epoch: 1,
    seq: 1,
    prevSha256: null,
    parts: [
      { section: 'goods', period: null, rows: [{ uid: 'G1', name: '可口可乐 330ml', categoryUid: 'C1' }] },
      { section: 'stock_balances', period: march.key, rows: stockRows([12_000, 10_000], [3_500, 3_500]) },
    ],
  });
}

describe.each(storeKinds)('head office receives packages (%s)', (kind) => {
  const world = useHqWorld(kind);

  it('answers the state of a branch that never sent, then applies its first package and returns the receipt', async () => {
    const before = await getState(world.endpoint, beijing);
    expect(before.status).toBe(200);
    expect(before.headers.date).toBeTruthy();
    expect(before.json).toEqual({
      epoch: 0,
      last_seq: 0,
      last_sha256: null,
      max_package_bytes: 32 * 1024 * 1024,
      encodings: ['gzip'],
      formats: [1],
    });

    const pkg = firstPackage();
    const answer = await putPackage(world.endpoint, beijing, pkg);
    expect(answer.status).toBe(200);
    expect(answer.headers['idempotent-replayed']).toBeUndefined();
    expect(answer.json).toMatchObject({
      package_id: pkg.manifest.packageId,
      epoch: 1,
      seq: 1,
      sha256: pkg.sha256,
    });
    expect(typeof answer.json.applied_at).toBe('string');

    expect((await getState(world.endpoint, beijing)).json).toMatchObject({
      epoch: 1,
      last_seq: 1,
      last_sha256: pkg.sha256,
    });
    expect(await world.store.rowCounts(beijing.code)).toEqual({ goods: 1, stock_balances: 2 });
    expect(await marchStock(world.store)).toEqual({ quantity: 15_500n, value: 13_500n, rows: 2 });
  });

  it('replays the stored receipt for a package sent again, and changes nothing', async () => {
    const pkg = firstPackage();
    const first = await putPackage(world.endpoint, beijing, pkg);
    const counts = await world.store.rowCounts(beijing.code);
    const again = await putPackage(world.endpoint, beijing, pkg);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json).toEqual(first.json);
    expect(await world.store.rowCounts(beijing.code)).toEqual(counts);
    expect(await marchStock(world.store)).toEqual({ quantity: 15_500n, value: 13_500n, rows: 2 });
  });

  it('refuses another body under a key already used (422 key_reused)', async () => {
    const pkg = firstPackage();
    await putPackage(world.endpoint, beijing, pkg);
    const other = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 1,
      prevSha256: null,
      packageId: pkg.manifest.packageId,
      parts: [{ section: 'stock_balances', period: march.key, rows: stockRows([1_000, 100]) }],
    });
    const answer = await putPackage(world.endpoint, beijing, other);
    expect(answer.status).toBe(422);
    expect(answer.json.error).toBe('key_reused');
    expect(await marchStock(world.store)).toEqual({ quantity: 15_500n, value: 13_500n, rows: 2 });
  });

  it('answers a gap with 409 seq_gap and the seq it expects', async () => {
    const pkg = firstPackage();
    await putPackage(world.endpoint, beijing, pkg);
    const third = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 3,
      prevSha256: pkg.sha256,
      parts: [],
    });
    const answer = await putPackage(world.endpoint, beijing, third);
    expect(answer.status).toBe(409);
    expect(answer.json).toMatchObject({ error: 'seq_gap', expected_seq: 2 });
    expect(String(answer.json.message)).toContain('第 2 号');
  });

  it('refuses a body whose bytes are not those of its Content-Digest (400 digest_mismatch)', async () => {
    const pkg = firstPackage();
    const flipped = Buffer.from(pkg.body);
    flipped[flipped.length - 5]! ^= 0xff;
    const answer = await putPackage(
      world.endpoint,
      beijing,
      { ...pkg, body: flipped },
      { digestBody: pkg.body },
    );
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe('digest_mismatch');
    expect((await world.store.readState(beijing.code))?.lastSeq).toBe(0);
    expect(await world.store.rejections(beijing.code)).toMatchObject([
      {
        error: 'digest_mismatch',
        epoch: 1,
        seq: 1,
        packageId: pkg.manifest.packageId,
        bytes: pkg.body.length,
      },
    ]);
  });

  it('refuses a package whose totals do not match its rows (422) and stores nothing of it', async () => {
    const pkg = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 1,
      prevSha256: null,
      parts: [
        { section: 'goods', period: null, rows: [{ uid: 'G1', name: '可口可乐 330ml' }] },
        { section: 'stock_balances', period: march.key, rows: stockRows([12_000, 10_000]) },
      ],
      corrupt: (manifest) => {
        manifest.sections[1]!.totals.value = '10001';
      },
    });
    const answer = await putPackage(world.endpoint, beijing, pkg);
    expect(answer.status).toBe(422);
    expect(answer.json.error).toBe('control_totals');
    expect(String(answer.json.message)).toContain('value 合计为 10000，清单写的是 10001');
    expect(await world.store.rowCounts(beijing.code)).toEqual({});
    expect(await world.store.readState(beijing.code)).toEqual({ epoch: 0, lastSeq: 0, lastSha256: null });
    expect((await world.store.rejections(beijing.code)).map((r) => r.error)).toEqual(['control_totals']);
  });

  it('refuses a bad signature and an unknown branch (401)', async () => {
    const pkg = firstPackage();
    const forged = await putPackage(world.endpoint, { ...beijing, secret: 'not-the-secret' }, pkg);
    expect(forged.status).toBe(401);
    expect(forged.json.error).toBe('bad_signature');
    const stranger = await getState(world.endpoint, { code: 'SH09', secret: 'whatever' });
    expect(stranger.status).toBe(401);
    expect(stranger.json.error).toBe('unknown_branch');
    expect((await world.store.readState(beijing.code))?.lastSeq).toBe(0);
  });

  it('answers a clock 20 minutes off with 401 clock_skew and its own time', async () => {
    world.clock.offsetMs = 20 * 60 * 1000;
    const answer = await getState(world.endpoint, beijing);
    expect(answer.status).toBe(401);
    expect(answer.json.error).toBe('clock_skew');
    const serverTime = Date.parse(String(answer.json.server_time));
    expect(Math.abs(serverTime - (Date.now() + 20 * 60 * 1000))).toBeLessThan(10_000);
    expect(answer.headers.date).toBeTruthy();
    // 14 minutes is within the window.
    world.clock.offsetMs = 14 * 60 * 1000;
    expect((await getState(world.endpoint, beijing)).status).toBe(200);
  });

  it('refuses a disabled branch (403) and a body not sent as gzip (415)', async () => {
    const pkg = firstPackage();
    expect((await putPackage(world.endpoint, beijing, pkg, { encoding: 'identity' })).json.error).toBe(
      'unsupported_encoding',
    );
    await world.store.setBranchDisabled(beijing.code, true);
    const answer = await putPackage(world.endpoint, beijing, pkg);
    expect(answer.status).toBe(403);
    expect(answer.json.error).toBe('branch_disabled');
  });

  it('re-sent period part replaces what head office held for it rather than adding to it; a second piece adds', async () => {
    const pkg = firstPackage();
    await putPackage(world.endpoint, beijing, pkg);
    const resent = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 2,
      prevSha256: pkg.sha256,
      parts: [{ section: 'stock_balances', period: march.key, rows: stockRows([11_000, 9_000]) }],
    });
    expect((await putPackage(world.endpoint, beijing, resent)).status).toBe(200);
    expect(await marchStock(world.store)).toEqual({ quantity: 11_000n, value: 9_000n, rows: 1 });

    const secondPiece = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 3,
      prevSha256: resent.sha256,
      parts: [
        { section: 'stock_balances', period: march.key, part: 2, parts: 2, rows: stockRows([1_000, 500]) },
      ],
    });
    expect((await putPackage(world.endpoint, beijing, secondPiece)).status).toBe(200);
    expect(await marchStock(world.store)).toEqual({ quantity: 12_000n, value: 9_500n, rows: 2 });
  });

  it('refuses a package that does not follow the one head office holds (409 chain_broken)', async () => {
    const pkg = firstPackage();
    await putPackage(world.endpoint, beijing, pkg);
    const astray = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 2,
      prevSha256: 'a'.repeat(64),
      parts: [],
    });
    const answer = await putPackage(world.endpoint, beijing, astray);
    expect(answer.status).toBe(409);
    expect(answer.json.error).toBe('chain_broken');
  });

  it('opens a new epoch only with a snapshot at seq 1, whose period parts replace the old figures', async () => {
    const pkg = firstPackage();
    const firstAnswer = await putPackage(world.endpoint, beijing, pkg);
    const notSnapshot = writeTestPackage({
      branchCode: beijing.code,
      epoch: 2,
      seq: 1,
      prevSha256: null,
      snapshot: false,
      parts: [],
    });
    expect((await putPackage(world.endpoint, beijing, notSnapshot)).json.error).toBe('epoch_not_snapshot');

    const snapshot = writeTestPackage({
      branchCode: beijing.code,
      epoch: 2,
      seq: 1,
      prevSha256: null,
      snapshot: true,
      parts: [{ section: 'stock_balances', period: march.key, rows: stockRows([7_000, 7_700]) }],
    });
    const answer = await putPackage(world.endpoint, beijing, snapshot);
    expect(answer.status).toBe(200);
    expect(await marchStock(world.store)).toEqual({ quantity: 7_000n, value: 7_700n, rows: 1 });
    expect((await getState(world.endpoint, beijing)).json).toMatchObject({ epoch: 2, last_seq: 1 });

    // The old epoch's receipt still replays; a package of the old epoch is behind.
    const replayed = await putPackage(world.endpoint, beijing, pkg);
    expect(replayed.json).toEqual(firstAnswer.json);
    const late = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 2,
      prevSha256: pkg.sha256,
      parts: [],
    });
    const behind = await putPackage(world.endpoint, beijing, late);
    expect(behind.status).toBe(409);
    expect(behind.json).toMatchObject({ error: 'epoch_behind', epoch: 2 });
  });

  it('applies two concurrent sends of the same package once', async () => {
    const pkg = writeTestPackage({
      branchCode: beijing.code,
      epoch: 1,
      seq: 1,
      prevSha256: null,
      parts: [
        {
          section: 'stock_balances',
          period: march.key,
          rows: Array.from({ length: 3_000 }, (_, i) => ({
            goodsUid: `G${i}`,
            warehouseUid: 'W1',
            quantity: 1_000,
            value: 250,
          })),
        },
      ],
    });
    const answers = await Promise.all([1, 2, 3].map(() => putPackage(world.endpoint, beijing, pkg)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
    expect(await marchStock(world.store)).toEqual({ quantity: 3_000_000n, value: 750_000n, rows: 3_000 });
  });
});
