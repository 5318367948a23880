import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/engine';
import { beijingLedger } from './support/ledger';
import { stockWorld } from './support/stock';

const run = promisify(execFile);
const saver = path.join(import.meta.dirname, 'support', 'save-documents.ts');
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

describe('document numbers under two clerks saving at once', () => {
  it('two processes saving 25 receipts each on the same file draw 50 different numbers in sequence', async () => {
    const { engine, databasePath } = await beijingLedger();
    const world = await stockWorld(engine);
    const input = JSON.stringify({
      type: 'purchase_receipt',
      businessDate: '2026-11-20',
      counterpartyId: world.supplier,
      lines: [
        {
          goodsId: world.milk,
          warehouseId: world.warehouse1,
          unitName: '箱',
          quantity: '1',
          unitPrice: '48',
        },
      ],
    });
    const clerks = await Promise.all(
      [1, 2].map(() => run(tsx, [saver, databasePath, '25', input], { cwd: projectRoot, timeout: 90_000 })),
    );
    const numbers = clerks.flatMap(({ stdout }) => JSON.parse(stdout) as string[]);
    expect(new Set(numbers).size).toBe(50);
    expect(numbers.sort()).toEqual(
      Array.from({ length: 50 }, (_, index) => `CR20261120-${String(index + 1).padStart(4, '0')}`),
    );
  }, 120_000);
});
