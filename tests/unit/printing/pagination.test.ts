import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paginate, pageSums, type TableFlow } from '../../../src/engine/domain/printing/pagination';
import { mmToPoints, paperOf } from '../../../src/engine/domain/printing/paper';

/** A page's height as laid out: its lines and the rows about them (flow's terms). */
function usedHeight(flow: TableFlow, page: ReturnType<typeof paginate>[number], last: boolean): number {
  const lines = flow.rowHeightsMm.slice(page.start, page.end).reduce((sum, height) => sum + height, 0);
  return (
    lines +
    (page.carriedIn ? flow.carryHeightMm : 0) +
    flow.subtotalHeightMm +
    (page.carriesOut ? flow.carryHeightMm : 0) +
    (last ? flow.closingHeightMm : 0)
  );
}

describe('paper', () => {
  it('gives 三联 241 × 140 mm in points as a PDF page size: 683.15 × 396.85', () => {
    const paper = paperOf('triplicate-241x140');
    expect(paper).toMatchObject({ widthMm: 241, heightMm: 140, continuous: true });
    expect(mmToPoints(paper.widthMm)).toBeCloseTo(683.15, 2);
    expect(mmToPoints(paper.heightMm)).toBeCloseTo(396.85, 2);
    expect(mmToPoints(paperOf('triplicate-241x279').heightMm)).toBeCloseTo(792, 6);
  });
});

describe('pagination', () => {
  // A 25-line delivery on 241 × 140 mm: 8 mm margins top and bottom, a 30 mm header block, a 6 mm table
  // header and a 6 mm page footer leave 82 mm; lines, 页小计, 承前页 and 过次页 are 6 mm, the closing 18 mm.
  const delivery: TableFlow = {
    bodyHeightMm: 140 - 16 - 30 - 6 - 6,
    rowHeightsMm: new Array<number>(25).fill(6),
    subtotalHeightMm: 6,
    carryHeightMm: 6,
    closingHeightMm: 18,
  };

  it('cuts a 25-line delivery on 三联 241 × 140 mm into 11, 10 and 4 lines, carried from page to page', () => {
    const pages = paginate(delivery);
    expect(pages).toEqual([
      { start: 0, end: 11, carriedIn: false, carriesOut: true, overfull: false },
      { start: 11, end: 21, carriedIn: true, carriesOut: true, overfull: false },
      { start: 21, end: 25, carriedIn: true, carriesOut: false, overfull: false },
    ]);
    pages.forEach((page, index) =>
      expect(usedHeight(delivery, page, index === pages.length - 1)).toBeLessThanOrEqual(
        delivery.bodyHeightMm,
      ),
    );

    // Quantity and amount per line: each page's subtotal, brought forward and carried on.
    const values = delivery.rowHeightsMm.map((_, line) => [line + 1, (line + 1) * 1_250]);
    const sums = pageSums(pages, values);
    expect(sums.map((sum) => sum.page)).toEqual([
      [66, 82_500],
      [165, 206_250],
      [94, 117_500],
    ]);
    expect(sums[1]!.carriedIn).toEqual(sums[0]!.carriedOut);
    expect(sums[2]!.carriedIn).toEqual([231, 288_750]);
    expect(sums[2]!.carriedOut).toEqual([325, 406_250]);
  });

  it('keeps to a form’s pre-printed rows per page', () => {
    const pages = paginate({ ...delivery, rowsPerPage: 8 });
    expect(pages.map((page) => page.end - page.start)).toEqual([8, 8, 8, 1]);
  });

  it('prints a document with no lines as one page with its closing block', () => {
    expect(paginate({ ...delivery, rowHeightsMm: [] })).toEqual([
      { start: 0, end: 0, carriedIn: false, carriesOut: false, overfull: false },
    ]);
  });

  it('does not leave the total alone on a page: the last line goes on with it', () => {
    // Ten lines fit the first page with 过次页, not with the 18 mm closing block.
    const pages = paginate({ ...delivery, rowHeightsMm: new Array<number>(10).fill(6) });
    expect(pages.map((page) => [page.start, page.end])).toEqual([
      [0, 9],
      [9, 10],
    ]);
  });

  it('places a line taller than a page alone, marked, and goes on', () => {
    const pages = paginate({ ...delivery, rowHeightsMm: [6, 120, 6] });
    expect(pages.map((page) => [page.start, page.end, page.overfull])).toEqual([
      [0, 1, false],
      [1, 2, true],
      [2, 3, false],
    ]);
  });

  it('holds for any lines and options: every line once in order, each page within its body, sums that add up', () => {
    const flows = fc.record({
      bodyHeightMm: fc.integer({ min: 40, max: 250 }),
      rowHeightsMm: fc.array(fc.integer({ min: 4, max: 30 }), { maxLength: 120 }),
      rowsPerPage: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
      subtotalHeightMm: fc.constantFrom(0, 5, 6),
      carryHeightMm: fc.constantFrom(0, 5, 6),
      closingHeightMm: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(flows, (flow) => {
        const pages = paginate(flow);
        expect(pages[0]!.start).toBe(0);
        expect(pages.at(-1)!.end).toBe(flow.rowHeightsMm.length);
        pages.forEach((page, index) => {
          if (index > 0) expect(page.start).toBe(pages[index - 1]!.end);
          const last = index === pages.length - 1;
          expect(page.carriesOut).toBe(!last && flow.carryHeightMm > 0);
          expect(page.carriedIn).toBe(index > 0 && flow.carryHeightMm > 0);
          if (!page.overfull && page.end - page.start > 0)
            expect(usedHeight(flow, page, last)).toBeLessThanOrEqual(flow.bodyHeightMm + 1e-9);
          if (flow.rowsPerPage !== undefined)
            expect(page.end - page.start).toBeLessThanOrEqual(flow.rowsPerPage);
          if (!last) expect(page.end).toBeGreaterThan(page.start);
        });
        // The closing block stands alone only where it could not share a page with the last line.
        const lastPage = pages.at(-1)!;
        if (pages.length > 1 && lastPage.end === lastPage.start) {
          const carried = lastPage.carriedIn ? flow.carryHeightMm : 0;
          const alone = flow.rowHeightsMm.at(-1)! + carried + flow.subtotalHeightMm + flow.closingHeightMm;
          expect(alone).toBeGreaterThan(flow.bodyHeightMm);
        }
        const values = flow.rowHeightsMm.map((height, line) => [height, line * 7 - 40]);
        const sums = pageSums(pages, values);
        const total = values.reduce((sum, [a, b]) => [sum[0]! + a!, sum[1]! + b!], [0, 0]);
        if (values.length > 0) expect(sums.at(-1)!.carriedOut).toEqual(total);
        sums.forEach((sum, index) => {
          if (index > 0) expect(sum.carriedIn).toEqual(sums[index - 1]!.carriedOut);
        });
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
