import fs from 'node:fs';
import path from 'node:path';

/**
 * The Excel files a branch is handed on its first day, as they come: head office's goods catalogue,
 * the customer list saved by the old system as legacy .xls, and the opening stock sheet. They live
 * in the repository so that a clone with nothing beside it runs every test, e2e test and bench.
 */
export type SampleFile = '商品目录-总部下发.xlsx' | '客户资料.xls' | '期初库存.xlsx';

const samplesFolder = path.resolve(import.meta.dirname, '../fixtures/samples');

/** Where a sample file lies, for a test that hands the path on (the CLI, a browser's file input). */
export function samplePath(name: SampleFile): string {
  return path.join(samplesFolder, name);
}

/** A sample file's bytes, as an upload would carry them. */
export function readSample(name: SampleFile): Buffer {
  return fs.readFileSync(samplePath(name));
}
