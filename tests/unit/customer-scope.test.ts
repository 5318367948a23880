import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  counterpartyIdInReach,
  counterpartyInReach,
  type CustomerReach,
} from '../../src/engine/services/access/customer-scope';

/*
 * The customer-scope condition, evaluated by SQLite over a table of counterparties: which rows each reach
 * lets through. Suppliers pass every scope; a customer or a 客户及供应商 passes by salesperson (个人) or by
 * office (本部门); an empty reach lets no customer through; a document without a counterparty passes.
 */

const rows: [id: number, kind: string, salesperson: number | null, office: number | null][] = [
  [1, 'customer', 10, 100],
  [2, 'customer', 11, 101],
  [3, 'both', 10, 101],
  [4, 'supplier', null, null],
  [5, 'customer', null, null],
];

function ledger(): Database.Database {
  const sqlite = new Database(':memory:');
  sqlite.exec(
    'CREATE TABLE counterparties (id INTEGER PRIMARY KEY, kind TEXT, salesperson_id INTEGER, office_id INTEGER)',
  );
  const insert = sqlite.prepare('INSERT INTO counterparties VALUES (?, ?, ?, ?)');
  for (const row of rows) insert.run(...row);
  return sqlite;
}

const cases: [label: string, reach: CustomerReach, passing: number[]][] = [
  ['全部', { scope: 'all' }, [1, 2, 3, 4, 5]],
  ['个人, salesperson 10', { scope: 'own', employeeIds: [10] }, [1, 3, 4]],
  ['个人, no employee record', { scope: 'own', employeeIds: [] }, [4]],
  ['本部门, offices 101 and below', { scope: 'office', officeIds: [101] }, [2, 3, 4]],
  ['本部门, two offices', { scope: 'office', officeIds: [100, 101] }, [1, 2, 3, 4]],
  ['本部门, no office', { scope: 'office', officeIds: [] }, [4]],
];

describe('customer scope condition', () => {
  it.each(cases)('%s lets through the counterparties it reaches', (_label, reach, passing) => {
    const sqlite = ledger();
    const passed = sqlite
      .prepare(`SELECT id FROM counterparties c WHERE ${counterpartyInReach(reach, 'c')} ORDER BY id`)
      .all() as { id: number }[];
    expect(passed.map((row) => row.id)).toEqual(passing);
  });

  it.each(cases)(
    '%s, on a document’s counterparty id, also lets through no counterparty',
    (_label, reach, passing) => {
      const sqlite = ledger();
      sqlite.exec('CREATE TABLE documents (id INTEGER PRIMARY KEY, counterparty_id INTEGER)');
      const insert = sqlite.prepare('INSERT INTO documents VALUES (?, ?)');
      for (const [id] of rows) insert.run(id, id);
      insert.run(99, null);
      const passed = sqlite
        .prepare(
          `SELECT id FROM documents d WHERE ${counterpartyIdInReach(reach, 'd.counterparty_id')} ORDER BY id`,
        )
        .all() as { id: number }[];
      expect(passed.map((row) => row.id)).toEqual([...passing, 99]);
    },
  );

  it('refuses an id that is not an integer rather than write it into SQL', () => {
    expect(() => counterpartyInReach({ scope: 'own', employeeIds: [Number.NaN] }, 'c')).toThrow('客户范围');
  });
});
