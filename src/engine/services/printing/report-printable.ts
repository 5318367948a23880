import { paperOf } from '../../domain/printing/paper';
import { groupThousands } from '../../../shared/numbers/yuan-display';
import { findBranchRow } from '../branch/branch-profile';
import type { ServiceContext } from '../context';
import { reportAsTable, type ReportRequest } from '../reports/export-report';
import type { ColumnFormat } from '../reports/report-table';
import { printFont } from './print-font';
import type { PrintedFile } from './print-document';
import { defaultBodyPt, renderPrintTable, type PrintTable } from './print-table';
import { pageFurniture } from './printable';

/** A report prints across an A4 sheet turned sideways: its tables are wide. */
const reportPaper = paperOf('a4-landscape');
const margins = { topMm: 10, rightMm: 10, bottomMm: 8, leftMm: 10 };

/** A figure as the report page shows it: amounts and quantities with separators, text as it is. */
function cellText(figure: string | number | null, format: ColumnFormat): string {
  if (figure === null) return '';
  if (format === 'text' || format === 'percent') return String(figure);
  return groupThousands(String(figure));
}

/**
 * A report page as its table (issue 13: every report page prints): the same reading as its Excel file
 * (export-report.ts), the columns the clerk shows in their order, widths in the file's proportions across
 * the sheet, its 期初 / 合计 / 期末 lines where it has them. The report's own totals are its sums: no
 * page subtotals. The header block and the table header repeat on every page.
 */
export async function printReport(
  ctx: ServiceContext,
  request: ReportRequest,
  columnKeys: readonly string[] = [],
): Promise<PrintedFile> {
  const { table, fileStem, subject } = reportAsTable(ctx, request, columnKeys);
  const width = reportPaper.widthMm - margins.leftMm - margins.rightMm;
  const characters = table.columns.reduce((sum, column) => sum + column.width, 0);
  const furniture = pageFurniture(ctx);
  const printTable: PrintTable = {
    paper: reportPaper,
    margins,
    title: `${findBranchRow(ctx.db)?.name ?? ''} ${table.title}`.trim(),
    mark: null,
    logo: furniture.logo,
    fields: subject ? [{ label: '范围', value: subject }] : [],
    fieldsPerRow: 1,
    minRowMm: null,
    bodyPt: defaultBodyPt,
    rowsPerPage: null,
    columns: table.columns.map((column) => ({
      label: column.label,
      widthMm: (column.width / characters) * width,
      align: column.format === 'text' ? 'left' : 'right',
    })),
    lines: table.lines.map((line) => ({
      cells: line.map((figure, index) => cellText(figure, table.columns[index]!.format)),
      figures: [],
    })),
    totals: [],
    pageSubtotal: false,
    carry: false,
    closing: [],
    signatures: [],
    footer: furniture.footer,
    copies: [],
  };
  const { pdf, pages } = await renderPrintTable(printTable, printFont());
  return {
    fileName: `${fileStem}.pdf`,
    pdf,
    pages,
    paperMm: { width: reportPaper.widthMm, height: reportPaper.heightMm },
  };
}
