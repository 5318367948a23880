import { afterAll, bench, describe } from 'vitest';
import { cliActor } from '../../src/engine';
import { systemClock, type ServiceContext } from '../../src/engine/services/context';
import defaultTemplate from '../../resources/print-templates/document.json';
import { documentFields, documentPrintData } from '../../src/engine/services/printing/document-printable';
import { printDocuments } from '../../src/engine/services/printing/print-document';
import { checkTemplate } from '../../src/engine/services/printing/print-template';
import { Timings, ms, perSecond, printSummary, ratio } from './support/bench-figures';
import { openDemoLedger, uploadBenchLedger } from './support/demo-ledger';

/**
 * Printing goals (issue 13): a 25-line delivery to PDF in under a second, and pages per second; 100
 * documents in one batch within 3× the time of printing each of them alone. The delivery is the demo
 * branch's with the most lines up to 25 (its number printed). Beside it, in the same run: the same
 * document's reading alone (printDocuments less the layout and the PDF), which says how much of the time
 * the PDF itself takes. Printed as previews: the bench ledger is shared between runs and a print would
 * add its events to it (recording them is one insert a document, in one transaction).
 */
const ledger = await uploadBenchLedger();
const engine = await openDemoLedger(ledger.file);
const ctx: ServiceContext = { db: engine.db, actor: cliActor, clock: systemClock };
const delivery = engine.db.$client
  .prepare(
    'SELECT d.number, count(*) AS lines FROM documents d JOIN document_lines l ON l.document_id = d.id ' +
      "WHERE d.type = 'sales_delivery' AND d.status = 'completed' GROUP BY d.id HAVING count(*) <= 25 " +
      'ORDER BY count(*) DESC, d.id LIMIT 1',
  )
  .get() as { number: string; lines: number };
const batch = (
  engine.db.$client
    .prepare(
      "SELECT number FROM documents WHERE type = 'sales_delivery' AND status = 'completed' ORDER BY id LIMIT 100",
    )
    .all() as { number: string }[]
).map((row) => row.number);

const template = checkTemplate(defaultTemplate, documentFields);
const timings = new Timings();
let pages = 0;
const options = { iterations: 20, time: 0, warmupIterations: 3, warmupTime: 0 };

describe(`print: the ${delivery.lines}-line delivery ${delivery.number} of the ${ledger.label} to PDF`, () => {
  bench(
    'printDocuments, one (read, lay out, PDF with the font subset)',
    async () => {
      await timings.time('read', () => documentPrintData(ctx, delivery.number, () => template));
      const file = await timings.time('print', () =>
        printDocuments(ctx, [delivery.number], { preview: true }),
      );
      pages = file.pages;
    },
    options,
  );
});

let batchPages = 0;
const batchOptions = { iterations: 3, time: 0, warmupIterations: 1, warmupTime: 0 };
describe(`print: ${batch.length} deliveries of the ${ledger.label}, one batch against each alone`, () => {
  bench(
    'printDocuments, one file for all, then each document alone',
    async () => {
      const file = await timings.time('batch', () => printDocuments(ctx, batch, { preview: true }));
      batchPages = file.pages;
      await timings.time('alone', async () => {
        for (const number of batch) await printDocuments(ctx, [number], { preview: true });
      });
    },
    batchOptions,
  );
});

afterAll(() => {
  const print = timings.median('print', options.iterations);
  const read = timings.median('read', options.iterations);
  printSummary(
    `打印：${ledger.label} 销售出库单 ${delivery.number}，${delivery.lines} 行，${pages} 页（中位数，${options.iterations} 次）`,
    [
      `printDocuments to PDF         ${ms(print)} (goal < 1 s: ${ratio(print / 1000)} of it)`,
      `of which reading the document ${ms(read)}; layout and PDF ${ms(print - read)}`,
      `pages per second              ${perSecond(pages, print)}`,
    ],
  );
  const batched = timings.median('batch', batchOptions.iterations);
  const alone = timings.median('alone', batchOptions.iterations);
  printSummary(
    `批量打印：${ledger.label} ${batch.length} 张销售出库单，${batchPages} 页（中位数，${batchOptions.iterations} 次）`,
    [
      `one batch file                ${ms(batched)}; ${perSecond(batchPages, batched)} pages a second`,
      `each document alone, summed   ${ms(alone)}`,
      `batch / alone                 ${ratio(batched / alone)} (goal ≤ 3×)`,
    ],
  );
  engine.close();
});
