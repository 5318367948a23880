import { describe, expect, it } from 'vitest';
import { ledgerSql } from '../../src/engine/services/stock/movement-rows';
import { newLedger } from './support/ledger';

describe('the stock ledger’s SQL', () => {
  it('every statement prepares against a database migrated from the shipped migrations', async () => {
    const { engine } = await newLedger();
    const failures: string[] = [];
    for (const [name, sql] of Object.entries(ledgerSql)) {
      try {
        engine.db.$client.prepare(sql);
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('the movement row type names every column of stock_movements', async () => {
    const { engine } = await newLedger();
    const columns = (
      engine.db.$client
        .prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid')
        .all('stock_movements') as {
        name: string;
      }[]
    ).map((column) => column.name);
    // A column added to the table must be added to the row type and to the insert; the id is the table's own.
    const inserted = /\(([^)]*)\) VALUES/
      .exec(ledgerSql.insertMovement)![1]!
      .split(',')
      .map((name) => name.trim());
    expect(inserted.sort()).toEqual(columns.filter((column) => column !== 'id').sort());
  });
});
