import { paginate, pageSums } from '../../domain/printing/pagination';
import type { Margins, Paper } from '../../domain/printing/paper';
import { PdfCanvas, type Align } from './pdf-canvas';
import type { Calibration } from '../../../shared/printing-calibration';
import type { PrintFont } from './print-font';

/**
 * A document or report as it prints: a header block and a table of lines, the same on every page,
 * and a closing block after the last line. What a printable makes of its data and its template, ready
 * to lay out; nothing in it is computed here but the page breaks and the page sums.
 */
export interface PrintTable {
  paper: Paper;
  margins: Margins;
  /** The PDF's title, and the first line of every page's header block. */
  title: string;
  /** Printed at the left of the title on every page: 重打 on a copy printed before. */
  mark: string | null;
  /** The branch's logo (PNG or JPEG) at the far left of the title, on every page. */
  logo: Buffer | null;
  /** Label and value pairs under the title, `fieldsPerRow` to a row. */
  fields: readonly { label: string; value: string }[];
  fieldsPerRow: number;
  /** The least height of a line, when not the usual (a count sheet's lines are written in). */
  minRowMm: number | null;
  /** The size of the header fields' and the table's text; the rows grow with it. */
  bodyPt: number;
  /** At most this many lines a page (a form with pre-printed rows); null: as many as fit. */
  rowsPerPage: number | null;
  columns: readonly { label: string; widthMm: number; align: Align }[];
  /** Each line's cells, in the columns' order, and its totalled figures (integers), in `totals`' order. */
  lines: readonly { cells: readonly string[]; figures: readonly number[] }[];
  /** The columns summed on 页小计 / 承前页 / 过次页 and the grand total, and how a sum prints. */
  totals: readonly { column: number; format: (sum: number) => string }[];
  pageSubtotal: boolean;
  carry: boolean;
  /** Below the last line: the grand total row (when totals are given), then these lines (大写, remarks). */
  closing: readonly string[];
  /** 制单 / 审核 / 仓管 / 经手 / 收货人 and the names the document's events record. */
  signatures: readonly { label: string; name: string }[];
  /** The page footer's left part (printed by, at); 第 N 页 / 共 M 页 goes on its right. */
  footer: string;
  /** 联次 labels: the table printed once per label, each copy its own run of pages (存根联, 客户联 …). */
  copies: readonly string[];
}

/** Sizes, in millimetres and points, of what every printed table has. */
const style = {
  titlePt: 13,
  titleMm: 8,
  fieldMm: 5,
  bodyPt: 9,
  tableHeaderMm: 6,
  rowPaddingMm: 1.6,
  minRowMm: 5.5,
  sumRowMm: 5.5,
  closingLineMm: 5,
  signatureMm: 7,
  footerPt: 7.5,
  footerMm: 5,
  cellPaddingMm: 1,
} as const;

/** The usual size of a table's text, in points. */
export const defaultBodyPt = style.bodyPt;

/** The heights that follow the text's size: a larger size never squeezes its lines, a smaller keeps them. */
function sizesFor(bodyPt: number) {
  const grow = Math.max(1, bodyPt / style.bodyPt);
  return {
    bodyPt,
    fieldMm: style.fieldMm * grow,
    tableHeaderMm: style.tableHeaderMm * grow,
    minRowMm: style.minRowMm * grow,
    sumRowMm: style.sumRowMm * grow,
    closingLineMm: style.closingLineMm * grow,
    signatureMm: style.signatureMm * grow,
  };
}

/**
 * Renders tables to one PDF, one after the other (a batch: the keeper's queue, a selection of documents),
 * each with its own page breaks, sums and 第 N 页 / 共 M 页, so a batch prints as its documents one by one would.
 */
export async function renderPrintTables(
  tables: readonly PrintTable[],
  font: PrintFont,
  options: { title?: string; calibration?: Calibration } = {},
): Promise<{ pdf: Buffer; pages: number }> {
  const canvas = new PdfCanvas(font, options.title ?? tables[0]?.title ?? '', options.calibration);
  let pages = 0;
  for (const table of tables) pages += drawPrintTable(canvas, table);
  return { pdf: await canvas.finish(), pages };
}

/** Renders the table to a PDF: each copy's pages, their breaks and sums worked out here. */
export function renderPrintTable(
  table: PrintTable,
  font: PrintFont,
): Promise<{ pdf: Buffer; pages: number }> {
  return renderPrintTables([table], font);
}

/** Draws a table's pages, every copy of them, onto the canvas; the number of pages drawn. */
function drawPrintTable(canvas: PdfCanvas, table: PrintTable): number {
  const { paper, margins } = table;
  const size = sizesFor(table.bodyPt);
  const left = margins.leftMm;
  const width = paper.widthMm - margins.leftMm - margins.rightMm;
  const fieldRows = Math.ceil(table.fields.length / table.fieldsPerRow);
  const headerBlock = style.titleMm + fieldRows * size.fieldMm + 1;
  const bodyTop = margins.topMm + headerBlock + size.tableHeaderMm;
  const bodyHeight = paper.heightMm - margins.bottomMm - style.footerMm - bodyTop;
  const cellWidth = (column: number) => table.columns[column]!.widthMm - 2 * style.cellPaddingMm;
  const rowHeights = table.lines.map((line) =>
    Math.max(
      table.minRowMm ?? size.minRowMm,
      ...line.cells.map(
        (cell, column) =>
          canvas.heightOf(cell, cellWidth(column), { sizePt: size.bodyPt }) + style.rowPaddingMm,
      ),
    ),
  );
  const hasTotals = table.totals.length > 0;
  // A closing line longer than the page is wide (a contract's terms) wraps, and takes the height it needs.
  const oneLine = canvas.heightOf('合', width, { sizePt: size.bodyPt });
  const closingHeights = table.closing.map(
    (text) =>
      Math.round(canvas.heightOf(text, width - style.cellPaddingMm, { sizePt: size.bodyPt }) / oneLine) *
      size.closingLineMm,
  );
  const closingHeight =
    (hasTotals ? size.sumRowMm : 0) +
    closingHeights.reduce((sum, height) => sum + height, 0) +
    (table.signatures.length > 0 ? size.signatureMm : 0);
  const pages = paginate({
    bodyHeightMm: bodyHeight,
    rowHeightsMm: rowHeights,
    rowsPerPage: table.rowsPerPage ?? undefined,
    subtotalHeightMm: table.pageSubtotal && hasTotals ? size.sumRowMm : 0,
    carryHeightMm: table.carry && hasTotals ? size.sumRowMm : 0,
    closingHeightMm: closingHeight,
  });
  const sums = pageSums(
    pages,
    table.lines.map((line) => line.figures),
  );
  const columnX = table.columns.map((_, column) =>
    table.columns.slice(0, column).reduce((x, c) => x + c.widthMm, left),
  );

  // A row of sums has its caption (承前页, 本页小计, 过次页, 合计) across the columns before the first sum.
  const captionWidth =
    (table.totals.length > 0
      ? Math.min(...table.totals.map((total) => columnX[total.column]!))
      : left + width) -
    left -
    style.cellPaddingMm;
  const sumRow = (y: number, caption: string, values: readonly number[]) => {
    canvas.text(
      caption,
      { xMm: left + style.cellPaddingMm, yMm: y + 1.2, widthMm: captionWidth },
      { sizePt: size.bodyPt },
    );
    table.totals.forEach((total, index) => {
      const column = table.columns[total.column]!;
      canvas.text(
        total.format(values[index]!),
        { xMm: columnX[total.column]! + style.cellPaddingMm, yMm: y + 1.2, widthMm: cellWidth(total.column) },
        { sizePt: size.bodyPt, align: column.align },
      );
    });
    canvas.line(left, y + size.sumRowMm, left + width, y + size.sumRowMm, 0.3);
    return y + size.sumRowMm;
  };

  for (const copy of table.copies.length > 0 ? table.copies : ['']) {
    pages.forEach((page, pageIndex) => {
      canvas.page(paper);
      let y = margins.topMm;
      canvas.text(
        table.title,
        { xMm: left, yMm: y, widthMm: width },
        { sizePt: style.titlePt, align: 'center' },
      );
      const logoWidth = table.logo
        ? canvas.image(table.logo, {
            xMm: left,
            yMm: y,
            heightMm: style.titleMm - 1.5,
            maxWidthMm: width / 5,
          }) + 2
        : 0;
      if (table.mark)
        canvas.text(
          table.mark,
          { xMm: left + logoWidth, yMm: y + 1, widthMm: width / 3 - logoWidth },
          { sizePt: size.bodyPt },
        );
      if (copy)
        canvas.text(copy, { xMm: left, yMm: y + 1, widthMm: width }, { sizePt: size.bodyPt, align: 'right' });
      y += style.titleMm;
      const fieldWidth = width / table.fieldsPerRow;
      table.fields.forEach((field, index) => {
        const row = Math.floor(index / table.fieldsPerRow);
        const x = left + (index % table.fieldsPerRow) * fieldWidth;
        canvas.text(
          `${field.label}：${field.value}`,
          { xMm: x, yMm: y + row * size.fieldMm, widthMm: fieldWidth - 2 },
          { sizePt: size.bodyPt },
        );
      });
      y = bodyTop - size.tableHeaderMm;
      canvas.line(left, y, left + width, y, 0.8);
      table.columns.forEach((column, index) =>
        canvas.text(
          column.label,
          { xMm: columnX[index]! + style.cellPaddingMm, yMm: y + 1.5, widthMm: cellWidth(index) },
          { sizePt: size.bodyPt, align: column.align },
        ),
      );
      y = bodyTop;
      canvas.line(left, y, left + width, y, 0.5);
      const pageSum = sums[pageIndex]!;
      if (page.carriedIn) y = sumRow(y, '承前页', pageSum.carriedIn);
      for (let line = page.start; line < page.end; line += 1) {
        table.lines[line]!.cells.forEach((cell, column) =>
          canvas.wrapped(
            cell,
            {
              xMm: columnX[column]! + style.cellPaddingMm,
              yMm: y + style.rowPaddingMm / 2,
              widthMm: cellWidth(column),
            },
            { sizePt: size.bodyPt, align: table.columns[column]!.align },
          ),
        );
        y += rowHeights[line]!;
        canvas.line(left, y, left + width, y, 0.2);
      }
      if (table.pageSubtotal && hasTotals) y = sumRow(y, '本页小计', pageSum.page);
      if (page.carriesOut) y = sumRow(y, '过次页', pageSum.carriedOut);
      const last = pageIndex === pages.length - 1;
      if (last) {
        if (hasTotals) y = sumRow(y, '合计', pageSum.carriedOut);
        table.closing.forEach((text, index) => {
          canvas.wrapped(
            text,
            { xMm: left + style.cellPaddingMm, yMm: y + 1, widthMm: width - style.cellPaddingMm },
            { sizePt: size.bodyPt },
          );
          y += closingHeights[index]!;
        });
        const signatureWidth = width / Math.max(table.signatures.length, 1);
        table.signatures.forEach((signature, index) =>
          canvas.text(
            `${signature.label}：${signature.name}`,
            { xMm: left + index * signatureWidth, yMm: y + 2, widthMm: signatureWidth - 2 },
            { sizePt: size.bodyPt },
          ),
        );
      }
      const footerY = paper.heightMm - margins.bottomMm - style.footerMm + 1.5;
      canvas.text(
        table.footer,
        { xMm: left, yMm: footerY, widthMm: width * 0.7 },
        { sizePt: style.footerPt },
      );
      canvas.text(
        `第 ${pageIndex + 1} 页 / 共 ${pages.length} 页`,
        { xMm: left, yMm: footerY, widthMm: width },
        { sizePt: style.footerPt, align: 'right' },
      );
    });
  }
  return pages.length * Math.max(table.copies.length, 1);
}
