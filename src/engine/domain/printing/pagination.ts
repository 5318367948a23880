/**
 * Where a printed table's pages break (ours, in millimetres, not the browser's): the one cut both the
 * preview and the printer get, so no line the preview shows goes missing on paper. The blocks every page
 * repeats — the header block, the table's header row, the page footer — are taken off the page before
 * this: what is left is the body each page's lines, and the rows about them, share.
 *
 * On each page: 承前页 at the top of every page after the first, the lines, 页小计 after them, and
 * 过次页 at the foot of every page but the last, which has the closing block instead (the grand total in
 * figures and 大写, remarks, signatures). Each of those rows is a template option; an absent one is 0 mm.
 * The last page keeps at least one line when it can, so the total never stands alone on a page.
 */
export interface TableFlow {
  /** The height each page leaves for its lines and the rows about them. */
  bodyHeightMm: number;
  /** Each line's height, as its wrapped text measured. */
  rowHeightsMm: readonly number[];
  /** At most this many lines a page (forms with pre-printed rows); none: as many as fit. */
  rowsPerPage?: number | undefined;
  /** 页小计, after each page's lines. */
  subtotalHeightMm: number;
  /** 承前页 / 过次页, one row each. */
  carryHeightMm: number;
  /** What follows the last line on the last page. */
  closingHeightMm: number;
}

export interface TablePage {
  /** The lines on this page: [start, end) of the table's. */
  start: number;
  end: number;
  /** 承前页: the sums of the pages before, at the top. */
  carriedIn: boolean;
  /** 过次页: the sums through this page, at the foot; the last page has the closing block instead. */
  carriesOut: boolean;
  /** A line taller than a whole page's body, placed alone: the renderer shrinks or clips it. */
  overfull: boolean;
}

export function paginate(flow: TableFlow): TablePage[] {
  const rows = flow.rowHeightsMm;
  const limit = flow.rowsPerPage ?? Infinity;
  const pages: TablePage[] = [];
  let start = 0;
  for (;;) {
    const carriedIn = pages.length > 0 && flow.carryHeightMm > 0;
    const room = flow.bodyHeightMm - (carriedIn ? flow.carryHeightMm : 0) - flow.subtotalHeightMm;
    const fitting = (space: number) => {
      let end = start;
      let used = 0;
      while (end < rows.length && end - start < limit && used + rows[end]! <= space + 1e-9) {
        used += rows[end]!;
        end += 1;
      }
      return end;
    };
    const asLast = fitting(room - flow.closingHeightMm);
    if (asLast === rows.length) {
      pages.push({ start, end: asLast, carriedIn, carriesOut: false, overfull: false });
      return pages;
    }
    let end = fitting(room - flow.carryHeightMm);
    // Every line would fit, but not the closing block with them: the last line goes on to the next page.
    if (end === rows.length && end - start > 1) end -= 1;
    const overfull = end === start;
    if (overfull) end = start + 1;
    pages.push({ start, end, carriedIn, carriesOut: flow.carryHeightMm > 0, overfull });
    start = end;
  }
}

/** A page's sums of the totalled columns: brought forward, its own, and carried on. */
export interface PageSums {
  carriedIn: number[];
  page: number[];
  carriedOut: number[];
}

/**
 * 承前页, 页小计 and 过次页 of each page, for the columns `values` holds per line (integers: fen, base
 * units). The last page's carried-out sums are the grand total.
 */
export function pageSums(pages: readonly TablePage[], values: readonly (readonly number[])[]): PageSums[] {
  const columns = values[0]?.length ?? 0;
  let running = new Array<number>(columns).fill(0);
  return pages.map((page) => {
    const own = new Array<number>(columns).fill(0);
    for (let line = page.start; line < page.end; line += 1) {
      values[line]!.forEach((value, column) => (own[column]! += value));
    }
    const carriedIn = running;
    running = carriedIn.map((sum, column) => sum + own[column]!);
    return { carriedIn, page: own, carriedOut: running };
  });
}
