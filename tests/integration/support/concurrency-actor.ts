// Run as its own process by concurrency-run.test.ts: one person (or program) using the same ledger file
// as the others, through its own engine. Prints one JSON line at the end: what it did and every error
// code it met, so the test can hold the run to "no INTERNAL, no lost update".
import fs from 'node:fs';
import { cliActor, openEngine, sourceAppVersion, sourceMigrationsFolder } from '../../../src/engine';

interface World {
  warehouse: number;
  supplier: number;
  customer: number;
  milk: number;
  /** The goods the two editors both edit (created after the backup the restorer restores). */
  edited: number;
  backupFrom: string;
  backupTo: string;
  catalogue: string;
}

const [databasePath, role, worldJson, roundsText] = process.argv.slice(2) as [string, string, string, string];
const world = JSON.parse(worldJson) as World;
const rounds = Number(roundsText);
const errors: Record<string, number> = {};
const internal: string[] = [];
const done: Record<string, unknown> = { role };

const engine = await openEngine({
  databasePath,
  migrationsFolder: sourceMigrationsFolder,
  appVersion: sourceAppVersion(),
  passwordCost: { N: 1024, r: 8, p: 1 },
});

/** What this actor reads of an answer: ids, versions, statuses; the rest is passed back as it came. */
type Answer = Record<string, unknown> & { id: number; version: number; status: string };

/** One call; BUSY is retried as a person would ("稍后重试"), anything else is counted and returned. */
async function call(
  method: string,
  input: unknown,
): Promise<{ ok: true; result: Answer } | { ok: false; code: string }> {
  for (let attempt = 0; ; attempt++) {
    const response = await engine.callAs(cliActor, method as never, input as never);
    if (response.ok) return { ok: true, result: response.result as Answer };
    const code = response.error.code;
    if (code === 'BUSY' && attempt < 20) continue;
    errors[code] = (errors[code] ?? 0) + 1;
    if (code === 'INTERNAL') internal.push(`${method}: ${response.error.message}`);
    return { ok: false, code };
  }
}

async function postDocument(type: 'purchase_receipt' | 'sales_delivery', quantity: string): Promise<boolean> {
  const saved = await call('documents.save', {
    id: null,
    document: {
      type,
      businessDate: '2026-03-02',
      counterpartyId: type === 'purchase_receipt' ? world.supplier : world.customer,
      warehouseId: world.warehouse,
      lines: [
        { goodsId: world.milk, unitName: '袋', quantity, unitPrice: type === 'purchase_receipt' ? '2' : '3' },
      ],
    },
  });
  if (!saved.ok) return false;
  const id = saved.result.id;
  if (!(await call('documents.submit', { id, acknowledged: true })).ok) return false;
  const view = await call('documents.get', { id });
  if (
    view.ok &&
    view.result.status === 'submitted' &&
    !(await call('documents.approve', { id, acknowledged: true })).ok
  )
    return false;
  return (await call('warehouse.confirm', { documentId: id, warehouseId: world.warehouse })).ok;
}

if (role === 'poster') {
  let posted = 0;
  for (let round = 0; round < rounds; round++) {
    if (await postDocument('purchase_receipt', '10')) posted++;
    if (await postDocument('sales_delivery', '4')) posted++;
  }
  done.posted = posted;
} else if (role === 'editor') {
  // Opens the goods, changes its remark, saves with the version it opened; a stale save is opened again.
  // The code too: after the restore the goods is gone and its id may name another (an imported one).
  const saves: { code: unknown; from: number; to: number }[] = [];
  let stale = 0;
  for (let round = 0; round < rounds; round++) {
    const opened = await call('goods.get', { id: world.edited });
    if (!opened.ok) break; // the restore took the goods away: nothing left to edit
    const saved = await call('goods.save', {
      id: world.edited,
      version: opened.result.version,
      goods: { ...opened.result, remark: `${process.pid}-${round}` },
    });
    if (saved.ok)
      saves.push({ code: opened.result.code, from: opened.result.version, to: saved.result.version });
    else if (errors.STALE) stale++;
  }
  done.saves = saves;
  done.stale = stale;
} else if (role === 'importer') {
  const content = fs.readFileSync(world.catalogue).toString('base64');
  let committed = 0;
  for (let round = 0; round < rounds; round++) {
    const outcome = await call('import.commit', {
      entity: 'goods',
      fileName: '商品目录.xlsx',
      contentBase64: content,
    });
    if (outcome.ok && outcome.result.status === 'committed') committed++;
  }
  done.committed = committed;
} else if (role === 'backup') {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const made = await call('system.backup', { to: world.backupTo });
  done.backup = made.ok ? made.result : null;
} else if (role === 'restore') {
  // In the middle of the run: once the editors have saved a few times, whatever the machine's speed.
  for (let waited = 0; waited < 60; waited++) {
    const edited = await call('goods.get', { id: world.edited });
    if (edited.ok && edited.result.version >= 4) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const restored = await call('system.restore', { from: world.backupFrom });
  done.restored = restored.ok;
}

engine.close();
process.stdout.write(`${JSON.stringify({ ...done, errors, internal })}\n`);
