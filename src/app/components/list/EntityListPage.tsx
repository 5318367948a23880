import {
  DeleteOutlined,
  EditOutlined,
  ExportOutlined,
  ImportOutlined,
  EyeOutlined,
  PlusOutlined,
  RollbackOutlined,
  StopOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  ConfigProvider,
  Divider,
  Flex,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  TreeSelect,
  Typography,
} from 'antd';
import type { GetRef, TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { usePermission } from '../../session/usePermission';
import { LoadFailure } from '../LoadFailure';
import { saveBase64File } from '../../files/saveBase64File';
import { EntityFormDrawer, type FormTarget } from '../form/EntityFormDrawer';
import { ImportWizard } from '../import/ImportWizard';
import { ColumnSettingsButton } from './ColumnSettingsButton';
import type { EntityListConfig, ListColumn, ListFilter, ListQuery, ListRow } from './entityListConfig';
import { PendingCell } from './PendingCell';
import { useRecordActions } from './useRecordActions';
import { withChosenLabels } from './treeOptions';
import { useAvailableHeight } from './useAvailableHeight';
import { useColumnSettings } from './useColumnSettings';
import { useDebouncedValue } from './useDebouncedValue';
import { isPendingRow, useWindowedRows, type PendingRow } from './useWindowedRows';
import { denseTable } from './denseTable';

type Status = 'all' | 'active' | 'disabled';

/** Dense rows, as clerks know from 管家婆 and 金蝶: more of the list on one screen. */

function plainValue(value: unknown, yes: string, no: string): ReactNode {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? yes : no;
  return String(value);
}

function FilterControl<Filters>({
  filter,
  value,
  onChange,
}: {
  filter: ListFilter<Filters>;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const source = filter.useOptions();
  const common = {
    allowClear: true,
    placeholder: t(filter.label),
    loading: source.loading,
    style: { width: filter.width },
    value: value ?? undefined,
    onChange: (next: unknown) => onChange(next ?? undefined),
    'aria-label': t(filter.label),
  };
  return filter.kind === 'tree' ? (
    <TreeSelect
      {...common}
      treeData={withChosenLabels(source.options)}
      treeDefaultExpandAll
      treeNodeLabelProp="chosenLabel"
      showSearch={{ treeNodeFilterProp: 'label' }}
      data-testid={`filter-${filter.key}`}
    />
  ) : (
    <Select
      {...common}
      options={source.options}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={`filter-${filter.key}`}
    />
  );
}

/**
 * The one list page of master data, configured per entity: engine-side search and filters, a
 * virtual table fed window by window (smooth with 100,000 goods), column choice, the form, the
 * recycle bin, import and export.
 */
export function EntityListPage<
  Row extends ListRow,
  Filters,
  SortField extends string,
  FormValues extends object,
>({ config }: { config: EntityListConfig<Row, Filters, SortField, FormValues> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const mayEdit = usePermission('masterData.edit');
  const mayPurge = usePermission('masterData.purge');
  const mayImport = usePermission('masterData.import');
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const [recycleBin, setRecycleBin] = useState(false);
  const [searchText, setSearchText] = useState('');
  const [enteredSearch, setEnteredSearch] = useState<string | null>(null);
  const settledSearch = useDebouncedValue(searchText, 300);
  const [status, setStatus] = useState<Status>('all');
  const [filters, setFilters] = useState<Partial<Filters>>({});
  const [sort, setSort] = useState<ListQuery<Filters, SortField>['sort']>();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [formTarget, setFormTarget] = useState<FormTarget | null>(null);
  const tableRef = useRef<GetRef<typeof Table>>(null);
  const tableArea = useRef<HTMLDivElement>(null);
  const listArea = useRef<HTMLDivElement>(null);
  const tableHeight = useAvailableHeight(tableArea, 44);

  // Enter searches at once; typing searches when the person pauses.
  const search = (enteredSearch === searchText ? searchText : settledSearch).trim();
  const query: ListQuery<Filters, SortField> = {
    search: search || undefined,
    active: status === 'all' ? undefined : status === 'active',
    recycleBin,
    sort,
    filters,
  };
  const list = useWindowedRows<Row>({
    cacheKey: config.listMethod,
    query,
    fetchWindow: (window) => config.fetchWindow(client, query, window),
  });

  const selected = useMemo(
    () =>
      selectedId === null
        ? null
        : ((list.rows.find((row) => !isPendingRow(row) && row.id === selectedId) as Row | undefined) ?? null),
    [list.rows, selectedId],
  );

  const { choices, save: saveChoices } = useColumnSettings(config.entity, config.columns);
  const titles = Object.fromEntries(config.columns.map((column) => [column.key, column.title]));
  const visibleColumns = useMemo(
    () =>
      choices
        .filter((choice) => choice.visible)
        .map((choice) => config.columns.find((column) => column.key === choice.key)!),
    [choices, config.columns],
  );

  const request = list.request;
  const tableColumns: TableColumnsType<Row | PendingRow> = useMemo(() => {
    // The recycle bin says first when and by whom a record was deleted, after what it is.
    const deletion: ListColumn<Row, SortField>[] = recycleBin
      ? [
          {
            key: 'deletedAt',
            title: 'list.deletedAt',
            width: 140,
            render: (row: Row) => (row.deletedAt ? dayjs(row.deletedAt).format('YYYY-MM-DD HH:mm') : ''),
          },
          { key: 'deletedBy', title: 'list.deletedBy', width: 80 },
        ]
      : [];
    const identity = visibleColumns.filter((column) => column.key === 'code' || column.key === 'name');
    const shown = [
      ...identity,
      ...deletion,
      ...visibleColumns.filter((column) => !identity.includes(column)),
    ];
    return shown.map((column, position) => ({
      key: column.key,
      title: t(column.title),
      width: column.width,
      align: column.align,
      ellipsis: true,
      sorter: column.sortField !== undefined,
      sortOrder:
        sort && column.sortField === sort.field ? (sort.order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_: unknown, row: Row | PendingRow) => {
        if (isPendingRow(row)) {
          return position === 0 ? <PendingCell index={row.pendingIndex} onShown={request} /> : null;
        }
        return column.render
          ? column.render(row)
          : plainValue(
              (row as unknown as Record<string, unknown>)[column.key],
              t('common.yes'),
              t('common.no'),
            );
      },
    }));
  }, [visibleColumns, recycleBin, sort, t, request]);
  const scrollWidth = tableColumns.reduce((sum, column) => sum + Number(column.width ?? 0), 0);

  const { describe, toggleActive, confirmDelete, restore, confirmPurge } = useRecordActions(
    config.entity,
    config.noun,
  );

  const open = useCallback((row: Row) => setFormTarget({ id: row.id }), []);

  /** The list as it is on screen — the same question, the visible columns in their order — as .xlsx. */
  const exportShown = async () => {
    setExporting(true);
    try {
      const file = await config.exportList(
        client,
        query,
        visibleColumns.map((column) => column.key),
      );
      saveBase64File(file);
      message.success(t('list.exported', { fileName: file.fileName }));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setExporting(false);
    }
  };

  /** ↑ ↓ move the selection, Enter opens it, Delete deletes it: the list works without the mouse. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = event.target as HTMLElement;
    // ↓ in the search box goes down into the list, as in the desktop clients.
    const fromSearch = from.closest('[data-testid="list-search"]') !== null && event.key === 'ArrowDown';
    if (!fromSearch && from.closest('input, textarea, .ant-select, .ant-modal, .ant-drawer')) return;
    if (fromSearch) listArea.current?.focus();
    const index = selected ? list.rows.indexOf(selected) : -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = Math.max(0, Math.min(list.rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
      const row = list.rows[next];
      if (row && !isPendingRow(row)) {
        setSelectedId(row.id);
        tableRef.current?.scrollTo({ index: next });
      }
    } else if (event.key === 'Enter' && selected && !recycleBin) {
      event.preventDefault();
      open(selected);
    } else if (event.key === 'Delete' && selected && mayEdit && !recycleBin) {
      event.preventDefault();
      confirmDelete(selected);
    }
  };

  if (list.error && list.total === undefined) {
    return <LoadFailure error={list.error} onRetry={() => void list.refetch()} />;
  }

  const fileActions = (
    <Space size={6}>
      {mayImport && (
        <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="list-import">
          {t('list.import')}
        </Button>
      )}
      <Button
        icon={<ExportOutlined />}
        loading={exporting}
        disabled={!list.total}
        onClick={() => void exportShown()}
        data-testid="list-export"
      >
        {t('list.export')}
      </Button>
    </Space>
  );

  const liveActions = (
    <Space size={6} wrap>
      {mayEdit && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ id: null })}>
          {t('list.add')}
        </Button>
      )}
      <Button
        icon={mayEdit ? <EditOutlined /> : <EyeOutlined />}
        disabled={!selected}
        onClick={() => selected && open(selected)}
      >
        {t(mayEdit ? 'list.edit' : 'list.view')}
      </Button>
      {mayEdit && (
        <Button
          icon={selected && !selected.active ? <CheckCircleOutlined /> : <StopOutlined />}
          disabled={!selected}
          onClick={() => selected && void toggleActive(selected)}
        >
          {t(selected && !selected.active ? 'list.enable' : 'list.disable')}
        </Button>
      )}
      {mayEdit && (
        <Button
          danger
          icon={<DeleteOutlined />}
          disabled={!selected}
          onClick={() => selected && confirmDelete(selected)}
        >
          {t('list.delete')}
        </Button>
      )}
    </Space>
  );

  const binActions = (
    <Space size={6} wrap>
      {mayEdit && (
        <Button
          icon={<RollbackOutlined />}
          disabled={!selected}
          onClick={() => selected && void restore(selected)}
        >
          {t('list.restore')}
        </Button>
      )}
      {mayPurge && (
        <Button
          danger
          icon={<DeleteOutlined />}
          disabled={!selected}
          onClick={() => selected && confirmPurge(selected)}
        >
          {t('list.purge')}
        </Button>
      )}
    </Space>
  );

  return (
    <div
      ref={listArea}
      // Focusable, so that a click on a row puts the keys (↑ ↓ Enter Delete) on this list.
      tabIndex={-1}
      onKeyDown={onKeyDown}
      style={{ outline: 'none' }}
      data-testid={`list-${config.entity}`}
    >
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        {recycleBin ? binActions : liveActions}
        <Divider orientation="vertical" />
        {fileActions}
        <div style={{ flex: 1 }} />
        <ColumnSettingsButton choices={choices} titles={titles} onChange={saveChoices} />
      </Flex>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Segmented<'live' | 'bin'>
          value={recycleBin ? 'bin' : 'live'}
          onChange={(view) => {
            setRecycleBin(view === 'bin');
            setSelectedId(null);
          }}
          options={[
            { value: 'live', label: t('list.live') },
            { value: 'bin', label: t('list.recycleBin') },
          ]}
          data-testid="recycle-bin-toggle"
        />
        <Input.Search
          allowClear
          value={searchText}
          placeholder={t(config.searchPlaceholder)}
          aria-label={t('list.search')}
          onChange={(event) => setSearchText(event.target.value)}
          onSearch={(value) => {
            setSearchText(value);
            setEnteredSearch(value);
          }}
          style={{ width: 300 }}
          data-testid="list-search"
        />
        <Select<Status>
          value={status}
          onChange={setStatus}
          aria-label={t('list.status')}
          options={[
            { value: 'all', label: t('list.statusAll') },
            { value: 'active', label: t('list.active') },
            { value: 'disabled', label: t('list.disabled') },
          ]}
          style={{ width: 110 }}
          data-testid="status-filter"
        />
        {config.filters.map((filter) => (
          <FilterControl
            key={filter.key}
            filter={filter}
            value={filters[filter.key]}
            onChange={(value) => setFilters((current) => ({ ...current, [filter.key]: value }))}
          />
        ))}
      </Flex>
      <div ref={tableArea}>
        {/* A fixed box: the list keeps its place on the page whether it holds 3 rows or 100,000. */}
        <div
          style={{ height: tableHeight, border: '1px solid #f0f0f0', borderRadius: 6, overflow: 'hidden' }}
        >
          <ConfigProvider theme={denseTable}>
            <Table<Row | PendingRow>
              ref={tableRef}
              virtual
              size="small"
              columns={tableColumns}
              dataSource={list.rows}
              rowKey={(row) => (isPendingRow(row) ? `pending-${row.pendingIndex}` : row.id)}
              loading={list.isLoading}
              pagination={false}
              scroll={{ x: scrollWidth, y: tableHeight - 36 }}
              showSorterTooltip={false}
              onChange={(_pagination, _filters, sorter) => {
                const single = Array.isArray(sorter) ? sorter[0] : sorter;
                const column = config.columns.find((candidate) => candidate.key === single?.columnKey);
                setSort(
                  column?.sortField && single?.order
                    ? { field: column.sortField, order: single.order === 'ascend' ? 'asc' : 'desc' }
                    : undefined,
                );
              }}
              onScroll={(event) => {
                // Ask for the next window a little before the person reaches the end of this one.
                const element = event.currentTarget;
                if (!element) return;
                const reached =
                  (element.scrollTop + element.clientHeight) / Math.max(1, element.scrollHeight);
                request(Math.floor(reached * list.rows.length));
              }}
              rowClassName={(row) =>
                !isPendingRow(row) && row.id === selectedId ? 'ant-table-row-selected' : ''
              }
              onRow={(row) => ({
                onClick: () => !isPendingRow(row) && setSelectedId(row.id),
                onDoubleClick: () => !isPendingRow(row) && !recycleBin && open(row),
              })}
            />
          </ConfigProvider>
        </div>
        <Flex justify="space-between" style={{ paddingTop: 6 }}>
          <Typography.Text type="secondary" data-testid="list-total">
            {list.total === undefined
              ? t('common.loading')
              : list.fetched < list.total
                ? t('list.totalPartly', { count: list.total, fetched: list.fetched })
                : t('list.total', { count: list.total })}
            {list.isFetching && list.total !== undefined ? ` · ${t('common.loading')}` : ''}
          </Typography.Text>
          <Typography.Text type="secondary">
            {selected ? t('list.selected', { record: describe(selected) }) : t('list.keyboardHelp')}
          </Typography.Text>
        </Flex>
      </div>
      <ImportWizard
        entity={config.entity}
        title={config.title}
        open={importing}
        onClose={() => setImporting(false)}
      />
      <EntityFormDrawer
        config={config.form}
        noun={config.noun}
        target={formTarget}
        readOnly={!mayEdit}
        onClose={() => setFormTarget(null)}
      />
    </div>
  );
}
