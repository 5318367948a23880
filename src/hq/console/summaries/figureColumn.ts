import { yuanOfDigits } from '../../../shared/hq-console/big-figures';
import { groupThousands } from '../../../shared/numbers/yuan-display';
import type { ExportCell, ExportColumn } from '../export/tableWorkbook';

/**
 * A column of a console table, declared once and used twice: the table renders it, the export writes it,
 * so the .xlsx holds what the table shows. Figures stay digits until shown (big-figures.ts).
 */
export interface FigureColumn<Row> {
  key: string;
  title: string;
  /** Characters, for the export's column width. */
  width: number;
  /** text: as is; money: fen digits; quantity: decimal text; rate: a fraction as decimal text. */
  kind: 'text' | 'money' | 'quantity' | 'rate';
  value(row: Row): string | null;
  /** Renders the text cell as something to click (a branch to drill into). */
  link?: (row: Row) => (() => void) | null;
}

export function displayOf<Row>(column: FigureColumn<Row>, row: Row): string {
  const value = column.value(row);
  if (value === null) return '—';
  switch (column.kind) {
    case 'text':
      return value;
    case 'money':
      return yuanOfDigits(value);
    case 'quantity':
      return groupThousands(value);
    case 'rate':
      return `${(Number(value) * 100).toFixed(1)}%`;
  }
}

const formats = { money: '#,##0.00', quantity: '#,##0.###', rate: '0.0%' } as const;

/** Money to Excel as yuan: fen digits / 100 is exact to the fen for any sum below ¥90 trillion. */
function exportCellOf<Row>(column: FigureColumn<Row>, row: Row): ExportCell {
  const value = column.value(row);
  if (value === null) return null;
  if (column.kind === 'text') return value;
  const number = column.kind === 'money' ? Number(BigInt(value)) / 100 : Number(value);
  return { number, format: formats[column.kind] };
}

export function exportColumnsOf<Row>(columns: readonly FigureColumn<Row>[]): ExportColumn<Row>[] {
  return columns.map((column) => ({
    header: column.title,
    width: column.width,
    cell: (row) => exportCellOf(column, row),
  }));
}

/** margin ÷ amount as a fraction, six places (a rate, not money: the float it becomes is fine). */
export function rateOf(numerator: string, denominator: string): string | null {
  const below = BigInt(denominator);
  if (below === 0n) return null;
  return (Number((BigInt(numerator) * 1_000_000n) / below) / 1_000_000).toString();
}
