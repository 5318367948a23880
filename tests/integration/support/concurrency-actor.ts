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
  /** The administrator the editors sign in as. */
  username: string;
  password: string;
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

/**
 * One call, as the CLI (no session) or in a person's session; BUSY is retried as a person would ("稍后重试"),
 * anything else is counted and returned.
 */
async function call(
  method: string,
  input: unknown,
  session: string | null = null,
): Promise<{ ok: true; result: Answer } | { ok: false; code: string }> {
  for (let attempt = 0; ; attempt++) {
    const response =
      session === null
        ? await engine.callAs(cliActor, method as never, input as never)
        : await engine.call({ method: method as never, input: input as never, session }, { source: 'test' });
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
  // A person at a page: signed in, opens the goods, changes its remark, saves with the version it opened;
  // a stale save is opened again. The restore (in another process) ends the session: signed in again,
  // the goods is opened anew, and may be gone, or its id may name another (an imported one).
  const signIn = async () => {
    const login = await call('auth.login', { username: world.username, password: world.password });
    return login.ok ? (login.result as unknown as { session: string }).session : null;
  };
  const saves: { uid: unknown; from: number; to: number }[] = [];
  let session = await signIn();
  for (let round = 0; round < rounds && session !== null; round++) {
    const opened = await call('goods.get', { id: world.edited }, session);
    if (!opened.ok && opened.code === 'UNAUTHENTICATED') {
      session = await signIn();
      continue;
    }
    if (!opened.ok) break; // the restore took the goods away: nothing left to edit
    const saved = await call(
      'goods.save',
      {
        id: world.edited,
        version: opened.result.version,
        goods: { ...opened.result, remark: `${process.pid}-${round}` },
      },
      session,
    );
    // The record written, by its uid: after the restore the id may be another record's.
    if (saved.ok)
      saves.push({ uid: saved.result.uid, from: opened.result.version, to: saved.result.version });
    else if (saved.code === 'UNAUTHENTICATED') session = await signIn();
  }
  done.saves = saves;
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
