import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliActor, projectRoot } from '../../src/engine';
import { samplePath } from '../support/samples';
import { administrator, callOk, openLedger, setUpBeijing, signIn, tempFolder } from './support/ledger';
import { act } from './support/stock';

/*
 * The concurrency run: on one ledger file at once, three posting processes, two people editing
 * the same goods, an importer, a backup and a restore, each its own process with its own engine (as
 * copies of the app on one shared file would be). It must end with no INTERNAL error anywhere, no lost
 * update (no two accepted saves of the goods opened at the same version), a backup that opens and
 * verifies, and books that verify: every balance the sum of its movements, the audit chain whole.
 */

const actor = path.join(import.meta.dirname, 'support', 'concurrency-actor.ts');
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

interface Outcome {
  role: string;
  errors: Record<string, number>;
  internal: string[];
  posted?: number;
  saves?: { uid: string; from: number; to: number }[];
  committed?: number;
  backup?: { path: string } | null;
  restored?: boolean;
}

function run(databasePath: string, role: string, world: object, rounds: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [actor, databasePath, role, JSON.stringify(world), String(rounds)], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${role} exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as Outcome);
    });
  });
}

describe('the concurrency run', () => {
  it('three posters, two editors, an importer, a backup and a restore: no INTERNAL, no lost update, books that verify', async () => {
    const folder = tempFolder();
    const databasePath = path.join(folder, 'ledger.db');
    const engine = await openLedger(databasePath);
    await setUpBeijing(engine);
    const world = {
      warehouse: (
        await act(engine, 'warehouses.save', { id: null, warehouse: { code: 'CK01', name: '一号仓' } })
      ).id,
      supplier: (
        await act(engine, 'counterparties.save', {
          id: null,
          counterparty: { code: 'GY001', name: '蒙牛乳业', kind: 'supplier' },
        })
      ).id,
      customer: (
        await act(engine, 'counterparties.save', {
          id: null,
          counterparty: { code: 'KH001', name: '华联超市', kind: 'customer' },
        })
      ).id,
      milk: (
        await act(engine, 'goods.save', {
          id: null,
          goods: { code: 'SP001', name: '鲜牛奶', units: [{ name: '袋', ratio: '1', isBase: true }] },
        })
      ).id,
      edited: 0,
      backupFrom: path.join(folder, 'before-the-run.db'),
      backupTo: path.join(folder, 'during-the-run.db'),
      catalogue: samplePath('商品目录-总部下发.xlsx'),
      username: administrator.username,
      password: administrator.password,
    };
    // What the restorer restores: the ledger before the run (the edited goods is made after it).
    await engine.callAs(cliActor, 'system.backup', { to: world.backupFrom });
    world.edited = (
      await act(engine, 'goods.save', {
        id: null,
        goods: { code: 'SP002', name: '酸奶', units: [{ name: '杯', ratio: '1', isBase: true }] },
      })
    ).id;
    engine.close();

    const outcomes = await Promise.all([
      run(databasePath, 'poster', world, 6),
      run(databasePath, 'poster', world, 6),
      run(databasePath, 'poster', world, 6),
      run(databasePath, 'editor', world, 15),
      run(databasePath, 'editor', world, 15),
      run(databasePath, 'importer', world, 2),
      run(databasePath, 'backup', world, 1),
      run(databasePath, 'restore', world, 1),
    ]);

    console.log(
      'concurrency run:',
      JSON.stringify(
        outcomes.map(({ role, errors, posted, saves, committed, restored }) => ({
          role,
          errors,
          posted,
          saves: saves?.length,
          committed,
          restored,
        })),
      ),
    );
    // Nobody met a program error; what was refused was refused in words (BUSY past its retries, STALE,
    // NOT_FOUND for a document the restore took away…).
    expect(outcomes.flatMap((outcome) => outcome.internal)).toEqual([]);
    expect(outcomes.every((outcome) => !outcome.errors.INTERNAL)).toBe(true);
    expect(outcomes.find((outcome) => outcome.role === 'restore')!.restored).toBe(true);
    expect(
      outcomes.filter((o) => o.role === 'poster').reduce((sum, o) => sum + o.posted!, 0),
    ).toBeGreaterThan(0);

    // No lost update: each accepted save of a record was opened at a version nobody else's accepted save
    // of that record was, and moved it on by one. By the record's uid: the restore ends the editors'
    // sessions, and once signed in again the id they edit may name a goods imported after the restore.
    const saves = outcomes.flatMap((outcome) => outcome.saves ?? []);
    expect(saves.length).toBeGreaterThan(0);
    expect(new Set(saves.map((save) => `${save.uid}@${save.from}`)).size).toBe(saves.length);
    expect(saves.every((save) => save.to === save.from + 1)).toBe(true);

    // The backup made while everyone wrote opens and verifies.
    const copy = await openLedger(world.backupTo, { backupDir: path.join(folder, 'copy-backups') });
    expect((await copy.callAs(cliActor, 'system.verify', {})).ok).toBe(true);
    const copyVerdict = await callOk(copy, 'system.verify', {}, await signIn(copy));
    expect(copyVerdict).toMatchObject({ ok: true });
    copy.close();

    // The books as the run left them verify.
    const after = await openLedger(databasePath);
    const verdict = await callOk(after, 'system.verify', {}, await signIn(after));
    expect(verdict).toMatchObject({ ok: true, audit: { ok: true }, stock: { ok: true, problems: [] } });
  }, 240_000);
});
