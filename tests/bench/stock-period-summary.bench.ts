import { afterAll, bench, describe } from 'vitest';
import { cliActor } from '../../src/engine';
import { systemClock, type ServiceContext } from '../../src/engine/services/context';
import { periodSummary } from '../../src/engine/services/reports/period-summary';
import { cachedDemoLedger, openDemoLedger } from './support/demo-ledger';

/**
 * 进销存汇总 for one month of the large demo branch (5,000 goods, 5 warehouses, two years, about a
 * million movements) against the bare GROUP BY of that month's movements, on the same connection in
 * the same run. Goals: under 500 ms, and at most 3× the GROUP BY.
 *
 * The branch takes minutes to generate, so it is made once (`ledger demo --scale large`, pinned to an
 * end date) into the system's temp folder and reused by later runs (support/demo-ledger.ts).
 */
const month = { from: '2026-10-01', to: '2026-10-31' };

const engine = await openDemoLedger(await cachedDemoLedger('large'));
const ctx: ServiceContext = { db: engine.db, actor: cliActor, clock: systemClock };
const sqlite = engine.db.$client;
const movementCount = (sqlite.prepare('SELECT count(*) AS n FROM stock_movements').get() as { n: number }).n;
const groupBy = sqlite.prepare(
  'SELECT goods_id, warehouse_id, kind, sum(quantity), sum(value) FROM stock_movements ' +
    'WHERE posting_date BETWEEN ? AND ? GROUP BY 1, 2, 3',
);

const times = { groupBy: [] as number[], summary: [] as number[] };
let rowCount = 0;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const options = { iterations: 10, time: 0, warmupIterations: 2, warmupTime: 0 };

describe(`进销存汇总 ${month.from} – ${month.to} on the large demo branch`, () => {
  bench(
    'raw GROUP BY goods, warehouse, kind of the month (baseline)',
    () => {
      const started = performance.now();
      groupBy.all(month.from, month.to);
      times.groupBy.push(performance.now() - started);
    },
    options,
  );

  bench(
    'periodSummary (the report service)',
    () => {
      const started = performance.now();
      rowCount = periodSummary(ctx, month).rows.length;
      times.summary.push(performance.now() - started);
    },
    options,
  );
});

afterAll(() => {
  const last = (values: number[]) => values.slice(-options.iterations);
  const groupByMs = median(last(times.groupBy));
  const summaryMs = median(last(times.summary));
  console.log(
    [
      '',
      `进销存汇总，一个月（${month.from} – ${month.to}），库存流水共 ${movementCount.toLocaleString('en')} 条，报表 ${rowCount} 行（中位数，各 ${options.iterations} 次）`,
      `  raw GROUP BY   ${groupByMs.toFixed(1).padStart(7)} ms`,
      `  periodSummary  ${summaryMs.toFixed(1).padStart(7)} ms   ratio ${(summaryMs / groupByMs).toFixed(2)}×   (goals < 500 ms, ≤ 3×)`,
      '',
    ].join('\n'),
  );
  engine.close();
});
