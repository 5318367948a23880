import { createHash } from 'node:crypto';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine';
import { cliActor, type ServiceContext } from '../../../src/engine/services/context';
import { buildPackages, type BuiltPackage } from '../../../src/engine/services/upload/build-package';
import { listOutbox, packageBody } from '../../../src/engine/services/upload/outbox-list';
import { dropExpiredPackages } from '../../../src/engine/services/upload/outbox-retention';
import { updateUploadSettings } from '../../../src/engine/services/upload/upload-configuration';
import { act, post, stockLedger, type StockWorld } from '../support/stock';
import { openLedger, type ManualClock } from '../support/ledger';
import { migrationsBefore, olderLedgerFile, releaseMigrations } from '../support/older-file';
import { withSqliteFile } from '../support/sqlite-file';
import { readPackage, sectionRows } from '../support/read-package';

function contextOf(engine: Engine, clock: ManualClock): ServiceContext {
  return { db: engine.db, actor: cliActor, clock };
}

const appVersion = '0.1.0-test';

/** A document of 鲜牛奶 in 箱 at one warehouse, from the supplier or to the customer, posted. */
function postMilk(
  world: StockWorld,
  type: 'purchase_receipt' | 'sales_delivery',
  businessDate: string,
  boxes: string,
  unitPrice: string,
  warehouseId = world.warehouse1,
): Promise<number> {
  return post(world.engine, {
    type,
    businessDate,
    counterpartyId: type === 'purchase_receipt' ? world.supplier : world.customer,
    lines: [{ goodsId: world.milk, warehouseId, unitName: '箱', quantity: boxes, unitPrice }],
  });
}

describe('upload packages (UPLOAD.md "Packages")', () => {
  it('builds a snapshot, then only what changed, chained by sha256, with control totals that match the rows', async () => {
    const { engine, clock, world } = await stockLedger();
    const ctx = contextOf(engine, clock);
    await postMilk(world, 'purchase_receipt', '2026-01-05', '10', '48');
    await postMilk(world, 'sales_delivery', '2026-02-10', '3', '70');

    const [first] = buildPackages(ctx, { appVersion }) as [BuiltPackage];
    expect(first).toMatchObject({
      epoch: 1,
      seq: 1,
      snapshot: true,
      periods: ['2026-01', '2026-02', '2026-03'],
    });
    const body = packageBody(engine.db.$client, first.packageId);
    expect(createHash('sha256').update(body).digest('hex')).toBe(first.sha256);
    const { manifest, rows } = readPackage(body);
    expect(manifest).toMatchObject({
      branchCode: 'BJ01',
      epoch: 1,
      seq: 1,
      prevSha256: null,
      snapshot: true,
    });

    // Every part's sha256, row count and totals are those of its lines as written.
    const text = gunzipSync(body).toString('utf8').split('\n').filter(Boolean).slice(0, -1);
    for (const part of manifest.sections) {
      const lines = text.filter((line) => {
        const row = JSON.parse(line) as { s: string; p: string | null };
        return row.s === part.section && row.p === part.period;
      });
      expect(part.rows).toBe(lines.length);
      expect(part.sha256).toBe(
        createHash('sha256')
          .update(lines.map((line) => `${line}\n`).join(''))
          .digest('hex'),
      );
      for (const [field, total] of Object.entries(part.totals)) {
        const sum = lines.reduce(
          (acc, line) => acc + BigInt((JSON.parse(line) as { r: Record<string, number> }).r[field] ?? 0),
          0n,
        );
        expect(total).toBe(sum.toString());
      }
    }

    // 10 箱 of 24 袋 at ¥48 a 箱 in, 3 箱 out: 7 箱 = 168 袋 worth ¥336.00 at the end of February. Quantities
    // in base units × 10^quantityScale (2 here), money in fen.
    expect(manifest.quantityScale).toBe(2);
    expect(sectionRows(rows, 'stock_balances', '2026-01')).toEqual([
      expect.objectContaining({ quantity: 24000, value: 48000 }),
    ]);
    expect(sectionRows(rows, 'stock_balances', '2026-02')).toEqual([
      expect.objectContaining({ quantity: 16800, value: 33600 }),
    ]);
    expect(sectionRows(rows, 'trade', '2026-02')).toEqual([
      expect.objectContaining({ side: 'sales', quantity: 7200, amount: 21000, cost: 14400 }),
    ]);
    expect(sectionRows(rows, 'goods').map((goods) => goods.code)).toEqual(['SP001', 'SP002']);
    expect(sectionRows(rows, 'goods')[0]).toMatchObject({
      baseUnit: '袋',
      units: [{ name: '袋' }, { name: '箱', ratio: 24_000_000 }],
    });
    expect(sectionRows(rows, 'branch_profile')).toHaveLength(1);

    // Nothing changed, and this period was sent: nothing to build.
    expect(buildPackages(ctx, { appVersion })).toEqual([]);

    // A goods renamed and a backdated receipt: the goods alone, and every period from February on.
    await act(engine, 'goods.save', {
      id: world.yogurt,
      version: 1,
      goods: {
        code: 'SP002',
        name: '老酸奶',
        lotTracked: true,
        shelfLifeDays: 21,
        units: [
          { name: '杯', ratio: '1', isBase: true },
          { name: '箱', ratio: '12', isBase: false },
        ],
      },
    });
    await postMilk(world, 'purchase_receipt', '2026-02-20', '1', '48', world.warehouse2);
    const [second] = buildPackages(ctx, { appVersion }) as [BuiltPackage];
    expect(second).toMatchObject({ epoch: 1, seq: 2, snapshot: false, periods: ['2026-02', '2026-03'] });
    const next = readPackage(packageBody(engine.db.$client, second.packageId));
    expect(next.manifest.prevSha256).toBe(first.sha256);
    expect(sectionRows(next.rows, 'goods').map((goods) => goods.name)).toEqual(['老酸奶']);
    expect(sectionRows(next.rows, 'warehouses')).toEqual([]);
    expect(sectionRows(next.rows, 'stock_balances', '2026-03')).toHaveLength(2);

    expect(listOutbox(engine.db.$client).map((item) => [item.seq, item.state])).toEqual([
      [2, 'built'],
      [1, 'built'],
    ]);
  });

  it('sends master data as it changes, whichever table a write touches, and reads none when none changed', async () => {
    const { engine, clock, world } = await stockLedger();
    const ctx = contextOf(engine, clock);
    const sqlite = engine.db.$client;
    await postMilk(world, 'purchase_receipt', '2026-01-05', '1', '48');
    buildPackages(ctx, { appVersion });
    const identities = ['categories', 'warehouses', 'goods', 'counterparties', 'month_closes', 'contracts'];
    const identityRows = (built: BuiltPackage) => {
      const { rows } = readPackage(packageBody(sqlite, built.packageId));
      return Object.fromEntries(identities.map((section) => [section, sectionRows(rows, section).length]));
    };
    const nothing = Object.fromEntries(identities.map((section) => [section, 0]));

    // Nothing changed: every identity part is there, empty; the versions read are kept with the package.
    const [unchanged] = buildPackages(ctx, { appVersion, force: true }) as [BuiltPackage];
    expect(identityRows(unchanged)).toEqual(nothing);
    const kept = sqlite
      .prepare('SELECT identity_versions AS versions FROM upload_outbox WHERE package_id = ?')
      .get(unchanged.packageId) as { versions: string };
    expect(Object.keys(JSON.parse(kept.versions))).toEqual(identities);

    // A unit's ratio written to goods_units alone (no save of the goods row): the goods goes again.
    sqlite
      .prepare("UPDATE goods_units SET ratio = 20000000 WHERE goods_id = ? AND name = '箱'")
      .run(world.milk);
    const [units] = buildPackages(ctx, { appVersion, force: true }) as [BuiltPackage];
    expect(identityRows(units)).toEqual({ ...nothing, goods: 1 });

    const { version } = await act(engine, 'warehouses.get', { id: world.warehouse2 });
    await act(engine, 'warehouses.save', {
      id: world.warehouse2,
      version,
      warehouse: { code: 'CK02', name: '东郊二号仓' },
    });
    await act(engine, 'periods.close', { month: '2026-01', force: false });
    const [later] = buildPackages(ctx, { appVersion, force: true }) as [BuiltPackage];
    expect(identityRows(later)).toEqual({ ...nothing, warehouses: 1, month_closes: 1 });
  });

  it("splits what exceeds head office's size limit into chained packages of whole periods", async () => {
    const { engine, clock, world } = await stockLedger();
    await postMilk(world, 'purchase_receipt', '2025-10-05', '10', '48');
    const built = buildPackages(contextOf(engine, clock), { appVersion, maxBytes: 1500 });
    expect(built.length).toBeGreaterThan(2);
    expect(built.map((pkg) => pkg.seq)).toEqual(built.map((_, index) => index + 1));
    expect(built.map((pkg) => pkg.snapshot)).toEqual(built.map((_, index) => index === 0));
    // Every period from October to March once, in order, each whole in one package or split at a section.
    const periods = [...new Set(built.flatMap((pkg) => pkg.periods))];
    expect(periods).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    let prev: string | null = null;
    for (const pkg of built) {
      const { manifest } = readPackage(packageBody(engine.db.$client, pkg.packageId));
      expect(manifest.prevSha256).toBe(prev);
      expect(new Set(manifest.sections.filter((part) => part.period).map((part) => part.period))).toEqual(
        new Set(pkg.periods),
      );
      prev = pkg.sha256;
    }
  });

  it('splits a part that alone exceeds the limit when it is not per period: every document once, each package under it', async () => {
    const { engine, clock, world } = await stockLedger();
    const ctx = contextOf(engine, clock);
    updateUploadSettings(ctx, engine.env, { sendDocuments: true });
    for (let day = 1; day <= 24; day += 1) {
      await postMilk(world, 'purchase_receipt', `2026-03-${String(day).padStart(2, '0')}`, '1', '48');
    }
    const maxBytes = 3000;
    const built = buildPackages(ctx, { appVersion, maxBytes });
    const carried = built.map((pkg) => readPackage(packageBody(engine.db.$client, pkg.packageId)));
    const documentsIn = carried.map(({ rows }) => sectionRows(rows, 'documents').length);
    // The documents of the snapshot do not fit one package, and are not held back for a part of their own.
    expect(documentsIn.filter((count) => count > 0).length).toBeGreaterThan(1);
    const uids = carried.flatMap(({ rows }) => sectionRows(rows, 'documents').map((row) => row.uid));
    expect(uids).toHaveLength(24);
    expect(new Set(uids).size).toBe(24);
    for (const pkg of built) expect(pkg.bytes).toBeLessThanOrEqual(maxBytes);
    // Each piece states its own rows and sums, as head office checks them.
    for (const { manifest, rows } of carried) {
      for (const part of manifest.sections.filter((section) => section.section === 'documents'))
        expect(part.rows).toBe(sectionRows(rows, 'documents').length);
    }
  });

  it('opens a new epoch with a full snapshot after a restore, above every epoch the replaced ledger used', async () => {
    const { engine, clock, folder } = await stockLedger();
    const ctx = contextOf(engine, clock);
    buildPackages(ctx, { appVersion, force: true });
    const backup = path.join(folder, 'before.db');
    await act(engine, 'system.backup', { to: backup });
    // After the backup the ledger moved on to epoch 2 (head office had shared no history with it).
    const [epoch2] = buildPackages(ctx, { appVersion, diverged: true });
    expect(epoch2).toMatchObject({ epoch: 2, seq: 1, snapshot: true });

    await act(engine, 'system.restore', { from: backup });
    // The restored file knew only epoch 1; it must not reuse 2, which head office may hold.
    const [afterRestore] = buildPackages(ctx, { appVersion });
    expect(afterRestore).toMatchObject({ epoch: 3, seq: 1, snapshot: true });
    const { rows } = readPackage(packageBody(engine.db.$client, afterRestore!.packageId));
    expect(sectionRows(rows, 'goods')).toHaveLength(2);
  });

  it('drops acknowledged packages past the retention, never the newest of an epoch nor one not acknowledged', async () => {
    const { engine, clock } = await stockLedger();
    const ctx = contextOf(engine, clock);
    for (let count = 0; count < 4; count += 1) buildPackages(ctx, { appVersion, force: true });
    const sqlite = engine.db.$client;
    // 1–3 acknowledged 100 days ago, 4 still waiting.
    sqlite
      .prepare("UPDATE upload_outbox SET state = 'acked', acked_at = ? WHERE seq <= 3")
      .run(new Date(clock.now().getTime() - 100 * 86_400_000).toISOString());
    expect(dropExpiredPackages(sqlite, 90, clock.now())).toBe(2);
    expect(listOutbox(sqlite).map((pkg) => [pkg.seq, pkg.state])).toEqual([
      [4, 'built'],
      [3, 'acked'],
    ]);
    // Their bodies went with them: no member is left without its package.
    expect(
      sqlite
        .prepare(
          'SELECT count(*) FROM upload_outbox_members WHERE package_id NOT IN (SELECT package_id FROM upload_outbox)',
        )
        .pluck()
        .get(),
    ).toBe(0);
    expect(dropExpiredPackages(sqlite, 90, clock.now())).toBe(0);
  });

  it('keeps a built package as built: its bytes cannot change and it cannot be deleted before head office has it', async () => {
    const { engine, clock } = await stockLedger();
    const [built] = buildPackages(contextOf(engine, clock), { appVersion, force: true }) as [BuiltPackage];
    const sqlite = engine.db.$client;
    expect(() => sqlite.prepare('UPDATE upload_outbox SET bytes = 1 WHERE seq = ?').run(built.seq)).toThrow(
      '上传包生成后不可修改',
    );
    expect(() =>
      sqlite
        .prepare("UPDATE upload_outbox_members SET bytes = x'00' WHERE package_id = ?")
        .run(built.packageId),
    ).toThrow('上传包生成后不可修改');
    expect(() =>
      sqlite.prepare('DELETE FROM upload_outbox_members WHERE package_id = ?').run(built.packageId),
    ).toThrow('上传包的内容只随上传包一起删除');
    expect(() => sqlite.prepare('DELETE FROM upload_outbox WHERE seq = ?').run(built.seq)).toThrow(
      '未确认送达的上传包不可删除',
    );
    expect(createHash('sha256').update(packageBody(sqlite, built.packageId)).digest('hex')).toBe(
      built.sha256,
    );
  });

  it('stores a body as its members, in order, and a body stored whole before migration 0022 reads back byte for byte', async () => {
    const { engine: first, clock, world, folder, databasePath: todays } = await stockLedger();
    const older = path.join(folder, 'older.db');
    await postMilk(world, 'purchase_receipt', '2026-02-03', '10', '48');
    first.close();
    // The same ledger in the schema of the release before 0022, before any package was built.
    olderLedgerFile(todays, older, releaseMigrations(folder, migrationsBefore('outbox_members')));

    const engine = await openLedger(todays, { clock });
    const [built] = buildPackages(contextOf(engine, clock), { appVersion }) as [BuiltPackage];
    const sqlite = engine.db.$client;
    const members = sqlite
      .prepare('SELECT member FROM upload_outbox_members WHERE package_id = ? ORDER BY member')
      .pluck()
      .all(built.packageId);
    // The rows' text and the manifest: two members at least (unit/upload/package-writer.test.ts has many).
    expect(members.length).toBeGreaterThanOrEqual(2);
    expect(members).toEqual(members.map((_, index) => index));
    const body = packageBody(sqlite, built.packageId);
    expect(body.length).toBe(built.bytes);
    expect(createHash('sha256').update(body).digest('hex')).toBe(built.sha256);
    const outboxRow = sqlite.prepare('SELECT * FROM upload_outbox WHERE package_id = ?').get(built.packageId);
    engine.close();

    // That package as the older release stored it: its body one blob on the outbox row.
    withSqliteFile(older, (file) => {
      const row = { ...(outboxRow as Record<string, unknown>), body };
      const columns = Object.keys(row);
      file
        .prepare(
          `INSERT INTO upload_outbox (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        )
        .run(...Object.values(row));
    });
    const upgraded = await openLedger(older);
    expect(packageBody(upgraded.db.$client, built.packageId).equals(body)).toBe(true);
    expect(
      upgraded.db.$client.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('upload_outbox'),
    ).not.toContain('body');
    upgraded.close();
  });
});
