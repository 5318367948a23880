import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Figure } from './figures';
import type { ReportColumn, SummaryLine } from './reportConfig';

/** How a summary line (期初余额, 合计) stands out from the rows. */
export const summaryLineStyle = { background: '#fafafa', fontWeight: 600 } as const;

/** A line of the table: a report row, or the opening line the report puts before its rows. */
export type TableEntry<Row> = { key: string; row: Row } | { key: string; line: SummaryLine };

/** The columns that hold figures, left to right: what the export is asked for, in this order. */
export function leavesOf<Row>(columns: readonly ReportColumn<Row>[]): ReportColumn<Row>[] {
  return columns.flatMap((column) => (column.children ? leavesOf(column.children) : [column]));
}

function widthOf<Row>(column: ReportColumn<Row>): number {
  return column.children
    ? column.children.reduce((sum, child) => sum + widthOf(child), 0)
    : (column.width ?? 120);
}

export function tableWidth<Row>(columns: readonly ReportColumn<Row>[]): number {
  return columns.reduce((sum, column) => sum + widthOf(column), 0);
}

const isFigure = <Row,>(column: ReportColumn<Row>) => column.figure !== undefined && column.figure !== 'text';

/** One cell of a report row or summary line. */
function cell<Row>(column: ReportColumn<Row>, value: unknown, row: Row | null): ReactNode {
  if (row !== null && column.render) return column.render(row);
  if (value === null || value === undefined) return null;
  if (isFigure(column)) {
    return (
      <Figure
        value={value as string | number}
        kind={column.figure!}
        blankZero={column.blankZero}
        signed={column.signed}
      />
    );
  }
  return String(value);
}

/**
 * The report's columns as antd's, grouped headers included. An opening line shows its label across
 * the leading columns it has no figures for, then its figures.
 */
export function tableColumns<Row>(
  columns: readonly ReportColumn<Row>[],
  t: TFunction,
): TableColumnsType<TableEntry<Row>> {
  const leaves = leavesOf(columns);
  const convert = (column: ReportColumn<Row>): TableColumnsType<TableEntry<Row>>[number] => {
    if (column.children) {
      // A wide group (入库, 出库) names itself at its left edge, where the eye arrives when scrolling.
      const wide = column.children.some((child) => child.children);
      return {
        key: column.key,
        title: t(column.title),
        align: wide ? 'left' : 'center',
        children: column.children.map(convert),
      };
    }
    const index = leaves.indexOf(column);
    return {
      key: column.key,
      title: t(column.title),
      width: column.width ?? 120,
      align: isFigure(column) ? 'right' : 'left',
      fixed: column.fixed ? 'left' : undefined,
      ellipsis: !isFigure(column),
      onCell: (entry) => {
        if (!('line' in entry)) return {};
        const span = labelSpan(leaves, entry.line);
        // On the cells, not only the row: a pinned cell paints its own background.
        return { colSpan: index === 0 ? span : index < span ? 0 : 1, style: summaryLineStyle };
      },
      render: (_: unknown, entry: TableEntry<Row>) => {
        if ('line' in entry) {
          return index === 0 ? (
            <strong>{t(entry.line.label)}</strong>
          ) : (
            cell(column, entry.line.figures[column.key], null)
          );
        }
        return cell(column, (entry.row as Record<string, unknown>)[column.key], entry.row);
      },
    };
  };
  return columns.map(convert);
}

/**
 * How many leading columns a summary line's label covers: those before its first figure, but only
 * the pinned ones where some are pinned — a cell half pinned and half not scrolls away with its label.
 */
export function labelSpan<Row>(leaves: readonly ReportColumn<Row>[], line: SummaryLine): number {
  const first = leaves.findIndex(
    (leaf) => line.figures[leaf.key] !== undefined && line.figures[leaf.key] !== null,
  );
  const beforeFigures = first <= 0 ? 1 : first;
  const pinned = leaves.findIndex((leaf) => !leaf.fixed);
  const pinnedCount = pinned === -1 ? leaves.length : pinned;
  return pinnedCount > 0 ? Math.max(1, Math.min(beforeFigures, pinnedCount)) : beforeFigures;
}

/** A summary line's cells, for the table's summary rows. */
export function summaryCells<Row>(
  leaves: readonly ReportColumn<Row>[],
  line: SummaryLine,
): { key: string; span: number; content: ReactNode; align: 'left' | 'right'; label: boolean }[] {
  const span = labelSpan(leaves, line);
  return [
    { key: 'label', span, content: null, align: 'left', label: true },
    ...leaves.slice(span).map((leaf) => ({
      key: leaf.key,
      span: 1,
      content: cell(leaf, line.figures[leaf.key], null),
      align: isFigure(leaf) ? ('right' as const) : ('left' as const),
      label: false,
    })),
  ];
}
