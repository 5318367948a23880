import { paperOf } from '../../domain/printing/paper';
import { formatPrintDate } from '../../domain/printing/print-date';
import { logoBytes, printAppearance } from './print-appearance';
import { defaultBodyPt, type PrintTable } from './print-table';
import type { ServiceContext } from '../context';
import type { PrintTemplate, TemplateFields } from './print-template';

/**
 * What a printable (a document, a statement, a report …) gives its template: every field it offers,
 * as the text it prints, and each line's figures (integers) for the columns that can be totalled. A
 * figure the reader's role may not see is null, and its column is then not totalled.
 */
export interface PrintData {
  title: string;
  fileName: string;
  header: Readonly<Record<string, string>>;
  lines: readonly {
    cells: Readonly<Record<string, string>>;
    figures: Readonly<Record<string, number | null>>;
  }[];
  totalFormats: Readonly<Record<string, (sum: number) => string>>;
  /** The grand total in 大写, when the printable has an amount to write so. */
  capitalAmount: string | null;
  /** Paragraphs after the lines, wrapped to the page's width: a contract's terms and rebate terms. */
  notes?: readonly string[];
  signatures: Readonly<Record<string, string>>;
}

/** What every printed page carries besides its printable: who printed it and when, the branch's logo. */
export interface PageFurniture {
  footer: string;
  logo: Buffer | null;
}

/** Lays a printable's data into its template: the table the renderer paginates and draws. */
export function composePrintTable(
  template: PrintTemplate,
  offered: TemplateFields,
  data: PrintData,
  furniture: PageFurniture,
  mark: string | null = null,
): PrintTable {
  const visible = (key: string) => data.lines.every((line) => line.figures[key] !== null);
  const totals = template.totals.filter(visible);
  return {
    paper: paperOf(template.paper),
    margins: {
      topMm: template.marginsMm.top,
      rightMm: template.marginsMm.right,
      bottomMm: template.marginsMm.bottom,
      leftMm: template.marginsMm.left,
    },
    title: data.title,
    mark,
    logo: furniture.logo,
    // A field the document leaves empty (调入仓库 on a delivery) is left out, not printed blank.
    fields: template.fields
      .map((key) => ({ label: offered.header[key]!, value: data.header[key] ?? '' }))
      .filter((field) => field.value !== ''),
    fieldsPerRow: template.fieldsPerRow,
    minRowMm: template.minRowMm ?? null,
    bodyPt: template.fontPt ?? defaultBodyPt,
    rowsPerPage: template.rowsPerPage ?? null,
    columns: template.columns.map((column) => ({
      label: column.label ?? offered.columns[column.field]!.label,
      widthMm: column.widthMm,
      align: column.align ?? offered.columns[column.field]!.align,
    })),
    lines: data.lines.map((line) => ({
      cells: template.columns.map((column) => line.cells[column.field] ?? ''),
      figures: totals.map((key) => line.figures[key]!),
    })),
    totals: totals.map((key) => ({
      column: template.columns.findIndex((column) => column.field === key),
      format: data.totalFormats[key]!,
    })),
    pageSubtotal: template.pageSubtotal,
    carry: template.carry,
    closing: [
      ...(template.capitalAmount && data.capitalAmount !== null && totals.length === template.totals.length
        ? [data.capitalAmount]
        : []),
      ...(data.notes ?? []),
    ],
    signatures: template.signatures.map((key) => ({
      label: offered.signatures[key]!,
      name: data.signatures[key] ?? '',
    })),
    footer: furniture.footer,
    copies: template.copies,
  };
}

/**
 * What every page printed now carries: the footer's left part, who printed it and when (in the branch's
 * time and date format), and the branch's logo (print-appearance.ts).
 */
export function pageFurniture(ctx: ServiceContext): PageFurniture {
  const appearance = printAppearance(ctx);
  const at = formatPrintDate(ctx.clock.localTime(ctx.clock.now()), appearance.dateFormat);
  return {
    footer: `打印人：${ctx.actor.displayName}  打印时间：${at}`,
    logo: appearance.logoBase64 ? logoBytes(appearance.logoBase64) : null,
  };
}
