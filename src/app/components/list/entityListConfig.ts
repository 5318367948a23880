import type { ReactNode } from 'react';
import type { ApiInput, ApiMethod } from '../../../shared/api';
import type { LedgerClient } from '../../api/client';
import type { EngineFile } from '../../files/saveBase64File';
import type { MessageKey } from '../../i18n/messageKey';
import type { EntityFormConfig } from '../form/entityFormConfig';

/** The master-data lists that share disabling, the recycle bin, import and export. */
export type MasterDataEntity = ApiInput<'masterData.delete'>['entity'];

/** What every master-data row carries, whatever else it shows. */
export interface ListRow {
  id: number;
  code: string;
  name: string;
  active: boolean;
  deletedAt?: string | null;
  deletedBy?: string | null;
}

/** The person's question to a list: search, status, recycle bin, order, and the entity's own filters. */
export interface ListQuery<Filters, SortField extends string> {
  search?: string;
  active?: boolean;
  recycleBin: boolean;
  sort?: { field: SortField; order: 'asc' | 'desc' };
  filters: Partial<Filters>;
}

/** A window of rows: the list never asks for more than it shows. */
export interface RowWindow {
  offset: number;
  limit: number;
}

export interface ListColumn<Row, SortField extends string> {
  /** The column's key: also what the export is asked for, so both show the same columns. */
  key: string;
  title: MessageKey;
  width: number;
  align?: 'right' | 'center';
  /** Sorted by the engine on this field when the header is clicked. */
  sortField?: SortField;
  /** Hidden until the person shows it in the column settings. */
  hiddenByDefault?: boolean;
  render?: (row: Row) => ReactNode;
}

export interface SelectOption {
  value: string | number;
  label: string;
  /** What the select shows once chosen, when the tree's own label is too short (乳制品/纯牛奶 for 纯牛奶). */
  chosenLabel?: string;
  disabled?: boolean;
  children?: SelectOption[];
}

export interface OptionSource {
  options: SelectOption[];
  loading: boolean;
}

/** An entity's own filter beside the search box: channel tier, office, category … */
export interface ListFilter<Filters> {
  key: keyof Filters & string;
  label: MessageKey;
  width: number;
  /** `tree` for nested options (the category tree). */
  kind: 'select' | 'tree';
  /** A hook: called while rendering, so it may read through the API. */
  useOptions: () => OptionSource;
}

/**
 * One master-data list, described: which engine method serves it, its columns and filters, and
 * the form that edits its records. EntityListPage does the rest the same way for every entity.
 */
export interface EntityListConfig<Row extends ListRow, Filters, SortField extends string, FormValues> {
  entity: MasterDataEntity;
  /** What one record is called, as in "删除商品【…】" and "编辑商品". */
  noun: MessageKey;
  /** The list's name, as in "导入商品". */
  title: MessageKey;
  /** The list's read; cached windows are fetched again after any change through this page. */
  listMethod: ApiMethod;
  fetchWindow(
    client: LedgerClient,
    query: ListQuery<Filters, SortField>,
    window: RowWindow,
  ): Promise<{ total: number; rows: Row[] }>;
  /** The same question as an .xlsx of the whole result, with these columns in this order. */
  exportList(
    client: LedgerClient,
    query: ListQuery<Filters, SortField>,
    columns: string[],
  ): Promise<EngineFile>;
  columns: ListColumn<Row, SortField>[];
  filters: ListFilter<Filters>[];
  /** What the search box says it matches. */
  searchPlaceholder: MessageKey;
  form: EntityFormConfig<FormValues>;
}
