import type { Engine } from '../../engine';
import { LedgerError } from '../../../shared/ledger-error';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api';
import type { Actor } from '../context';

/** What the demo needs of an engine: the API, called as the branch's people, and the file to read back. */
export type DemoEngine = Pick<Engine, 'callAs' | 'db' | 'clock'>;

/** One API call as `actor`; a refusal is thrown as the engine's own error, message and all. */
export async function callAs<M extends ApiMethod>(
  engine: DemoEngine,
  actor: Actor,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const response = await engine.callAs(actor, method, input);
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  return response.result as ApiOutput<M>;
}

/**
 * Runs `work` (several API calls) as one SQLite transaction: each use case's own transaction becomes a
 * savepoint inside it, so a document is saved, approved and confirmed with one commit, or not at all.
 */
export async function inOneTransaction<T>(engine: DemoEngine, work: () => Promise<T>): Promise<T> {
  const sqlite = engine.db.$client;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Whether a submitted document waits for the manager: always where the branch approves separately, and
 * where submitting approves but its maker may not approve their own (不能审核自己制单的单据, on as a
 * branch starts) — then the submit left it 待审核.
 */
export async function waitsForApproval(
  engine: DemoEngine,
  branch: { approvalRequired: boolean; manager: Actor },
  id: number,
): Promise<boolean> {
  if (branch.approvalRequired) return true;
  return (await callAs(engine, branch.manager, 'documents.get', { id })).status === 'submitted';
}
