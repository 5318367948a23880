import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import { listCounterparties, type CounterpartyListQuery } from '../master-data/counterparties-list';
import { listEmployees, type EmployeeListQuery } from '../master-data/employees-list';
import { listGoods, type GoodsListQuery } from '../master-data/goods-list';
import { listOffices, type OfficeListQuery } from '../master-data/offices-list';
import { listWarehouses, type WarehouseListQuery } from '../master-data/warehouses-list';
import { counterpartyColumns } from './counterparty-columns';
import type { ExportColumn } from './export-column';
import { goodsColumns } from './goods-columns';
import { employeeColumns, officeColumns, warehouseColumns } from './organization-columns';
import { writeWorkbook } from './workbook';

type Window = 'offset' | 'limit';

/** A list that can be exported: the list function the page uses, and the columns it can show. */
interface ExportableList<Query extends { offset: number; limit: number }, Row> {
  label: string;
  list: (ctx: ServiceContext, query: Query) => { total: number; rows: Row[] };
  columns: ExportColumn<Row>[];
}

function exportable<Query extends { offset: number; limit: number }, Row>(
  definition: ExportableList<Query, Row>,
): ExportableList<Query, Row> {
  return definition;
}

export const exportableLists = {
  goods: exportable({ label: '商品', list: listGoods, columns: goodsColumns }),
  counterparties: exportable({ label: '往来单位', list: listCounterparties, columns: counterpartyColumns }),
  warehouses: exportable({ label: '仓库', list: listWarehouses, columns: warehouseColumns }),
  offices: exportable({ label: '办事处和部门', list: listOffices, columns: officeColumns }),
  employees: exportable({ label: '职员', list: listEmployees, columns: employeeColumns }),
};

export type ExportEntity = keyof typeof exportableLists;

/** Each list's own query (search, filters, sort), without the window of rows a page shows. */
interface ListQueries {
  goods: Omit<GoodsListQuery, Window>;
  counterparties: Omit<CounterpartyListQuery, Window>;
  warehouses: Omit<WarehouseListQuery, Window>;
  offices: Omit<OfficeListQuery, Window>;
  employees: Omit<EmployeeListQuery, Window>;
}

export type ExportRequest = {
  [Entity in ExportEntity]: { entity: Entity; query: ListQueries[Entity]; columns: string[] };
}[ExportEntity];

/** The columns a list can be exported with, for the column chooser. */
export function exportColumns(entity: ExportEntity): { key: string; label: string }[] {
  return exportableLists[entity].columns.map(({ key, label }) => ({ key, label }));
}

/** Rows are fetched a page at a time, as the list pages fetch them, never the whole table at once. */
const pageSize = 1000;

function allRows<Row>(
  ctx: ServiceContext,
  list: (ctx: ServiceContext, query: { offset: number; limit: number }) => { total: number; rows: Row[] },
  query: object,
): Row[] {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = list(ctx, { ...query, offset, limit: pageSize });
    rows.push(...page.rows);
    if (page.rows.length < pageSize || rows.length >= page.total) return rows;
  }
}

function chosenColumns<Row>(
  available: readonly ExportColumn<Row>[],
  keys: readonly string[],
): ExportColumn<Row>[] {
  if (keys.length === 0) return [...available];
  return keys.map((key) => {
    const column = available.find((candidate) => candidate.key === key);
    if (!column) {
      throw new LedgerError(
        'VALIDATION',
        `导出的列【${key}】不存在，可选：${available.map((c) => c.key).join('、')}。`,
      );
    }
    return column;
  });
}

function dateStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/**
 * A list as the clerk sees it — the same search, filters and sort, the visible columns in their
 * order, every row rather than one page — as an .xlsx with number formats, widths and a frozen header.
 */
export function exportList(
  ctx: ServiceContext,
  request: ExportRequest,
): { fileName: string; content: Buffer; rows: number } {
  const definition = exportableLists[request.entity] as unknown as ExportableList<
    { offset: number; limit: number },
    unknown
  >;
  const columns = chosenColumns(definition.columns, request.columns);
  const rows = allRows(ctx, definition.list, request.query);
  const content = writeWorkbook([
    {
      name: definition.label,
      columns: columns.map(({ label, width }) => ({ header: label, width })),
      rows: rows.map((row) => columns.map((column) => column.cell(row))),
      freezeHeader: true,
    },
  ]);
  return { fileName: `${definition.label}-${dateStamp(ctx.clock.now())}.xlsx`, content, rows: rows.length };
}
