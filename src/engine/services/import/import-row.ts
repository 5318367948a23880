import type { EntitySpec, FieldSpec } from '../../domain/master-data/field-spec';
import { fieldOf } from '../../domain/master-data/field-spec';
import type { ColumnMapping } from './map-columns';
import type { FieldValue } from './normalize-cell';
import type { SheetCell } from './read-table';

/** A problem at one cell: the column as the file names it, and what is wrong, in Chinese. */
export interface CellProblem {
  column: string;
  message: string;
}

/** The same with its sheet row number (as Excel shows it), as the log and the CLI report it. */
export interface RowProblem extends CellProblem {
  row: number;
}

/**
 * One data row of the file on its way in: its cells as read, each mapped field's value as read
 * (see normalize-cell.ts) and its display text, and the errors and warnings found at its cells.
 */
export class ImportRow {
  readonly values = new Map<string, FieldValue | null>();
  readonly shown: Record<string, string> = {};
  readonly errors: CellProblem[] = [];
  readonly warnings: CellProblem[] = [];
  /** Fields whose cell could not be read: their error is said once, not again by later rules. */
  private readonly unreadable = new Set<string>();

  constructor(
    readonly spec: EntitySpec,
    readonly rowNumber: number,
    readonly cells: readonly (SheetCell | null)[],
    private readonly headers: readonly string[],
    private readonly mapping: ColumnMapping,
  ) {}

  field(key: string): FieldSpec {
    return fieldOf(this.spec, key);
  }

  /** Whether the file has a column for the field. */
  isMapped(key: string): boolean {
    return this.mapping[key] !== null && this.mapping[key] !== undefined;
  }

  /** Whether the file gives the field a value in this row (mapped, filled and readable). */
  has(key: string): boolean {
    return this.value(key) !== null;
  }

  value(key: string): FieldValue | null {
    return this.values.get(key) ?? null;
  }

  text(key: string): string | null {
    const value = this.value(key);
    return typeof value === 'string' ? value : null;
  }

  number(key: string): number | null {
    const value = this.value(key);
    return typeof value === 'number' ? value : null;
  }

  flag(key: string): boolean | null {
    const value = this.value(key);
    return typeof value === 'boolean' ? value : null;
  }

  /** The column's header as written in the file, or the field's label when the file has none. */
  column(key: string): string {
    const index = this.mapping[key];
    const header = index === null || index === undefined ? '' : this.headers[index];
    return header || this.field(key).label;
  }

  /** What the cell holds as read, for messages that quote it. */
  raw(key: string): string {
    const index = this.mapping[key];
    return index === null || index === undefined ? '' : (this.cells[index]?.shown ?? '');
  }

  setRead(key: string, value: FieldValue | null, shown: string): void {
    this.values.set(key, value);
    if (shown) this.shown[key] = shown;
  }

  setUnreadable(key: string, message: string): void {
    this.unreadable.add(key);
    const raw = this.raw(key);
    if (raw) this.shown[key] = raw;
    this.error(key, message);
  }

  isUnreadable(key: string): boolean {
    return this.unreadable.has(key);
  }

  error(key: string, message: string): void {
    this.errors.push({ column: this.column(key), message });
  }

  warn(key: string, message: string): void {
    this.warnings.push({ column: this.column(key), message });
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** The row's cells as text, column by column, for the error report. */
  cellTexts(): string[] {
    const width = Math.max(this.headers.length, this.cells.length);
    return Array.from({ length: width }, (_, index) => this.cells[index]?.shown ?? '');
  }
}
