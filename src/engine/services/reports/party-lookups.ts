import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';

/** What a money or profit report row shows of a counterparty, salesperson or office. */
export interface PartyFacts {
  id: number;
  code: string;
  name: string;
}

/** The tables whose records group money and profit reports; fixed names, never user text. */
export type PartyTable = 'counterparties' | 'employees' | 'offices';

/** The text a group shows when its records name no salesperson, office or tier. */
export const unassignedName = '(未指定)';

/** Code and name of the given ids, in one statement however many there are (deleted ones too: history names them). */
export function readParties(
  sqlite: Database.Database,
  table: PartyTable,
  ids: Iterable<number>,
): Map<number, PartyFacts> {
  const rows = prepared(
    sqlite,
    `SELECT id, code, name FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(ids)])) as PartyFacts[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** Rows by code, the unassigned group (no id) last, as a clerk scans a list of names. */
export function byCodeUnassignedLast(
  a: { id: number | null; code: string },
  b: { id: number | null; code: string },
): number {
  if ((a.id === null) !== (b.id === null)) return a.id === null ? 1 : -1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
