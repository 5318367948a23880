import {
  DownOutlined,
  FolderOpenOutlined,
  PlusOutlined,
  PrinterOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Button,
  ConfigProvider,
  DatePicker,
  Dropdown,
  Flex,
  Input,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApiOutput } from '../../../shared/api';
import { documentStatuses } from '../../../shared/documents/document-status';
import { mayPrintDocument } from '../../../shared/documents/document-printing';
import { parseScaled } from '../../../shared/numbers/decimal';
import { fenScale } from '../../../shared/numbers/scales';
import { groupedYuan } from '../../../shared/numbers/yuan-display';
import { useApiQuery } from '../../api/useApi';
import { usePrintDocuments } from '../../printing/usePrintDocuments';
import { useSession } from '../../session/SessionContext';
import { usePermission } from '../../session/usePermission';
import { LoadFailure } from '../LoadFailure';
import { ImportWizard } from '../import/ImportWizard';
import { useAvailableHeight } from '../list/useAvailableHeight';
import { useDebouncedValue } from '../list/useDebouncedValue';
import {
  documentAddress,
  documentExecutionColors,
  documentStatusColors,
  documentTypeUi,
  showsMoney,
  type DocumentStatus,
  type DocumentType,
} from './documentTypes';
import { denseTable } from '../list/denseTable';

type Row = ApiOutput<'documents.list'>['rows'][number];

const pageSize = 50;

/**
 * 单据列表 of one area (采购, 销售, 仓库), configured by its document types: filters by type, status,
 * business date and number or counterparty, a page at a time from the engine; a double click or Enter
 * opens the document in its tab, 新建 starts one of each type. Rows ticked (on any page) print as one
 * file, each document on its own pages.
 */
export function DocumentListPage({ types, testId }: { types: readonly DocumentType[]; testId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mayEdit = usePermission('documents.edit');
  const [type, setType] = useState<DocumentType | undefined>();
  const [statuses, setStatuses] = useState<DocumentStatus[]>([]);
  const [dates, setDates] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 300);
  const [page, setPage] = useState(1);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  /** Ticked for printing, by id, kept across pages and filters. */
  const [ticked, setTicked] = useState<ReadonlyMap<number, Row>>(new Map());
  const { permissions } = useSession().current;
  const mayPrint = (row: Pick<Row, 'type'>) =>
    mayPrintDocument((permission) => permissions.includes(permission), row.type);
  const printDocuments = usePrintDocuments();
  const [printing, setPrinting] = useState(false);
  const printTicked = async () => {
    setPrinting(true);
    try {
      if (await printDocuments([...ticked.values()].map((row) => row.number))) setTicked(new Map());
    } finally {
      setPrinting(false);
    }
  };
  // The opening stock sheet (期初库存.xlsx) imports into a draft 期初库存单 (DOMAIN.md §5).
  const mayImportOpeningStock = usePermission('masterData.import') && types.includes('opening_stock');
  const tableArea = useRef<HTMLDivElement>(null);
  const tableHeight = useAvailableHeight(tableArea, 90);

  const list = useApiQuery('documents.list', {
    types: type ? [type] : [...types],
    statuses: statuses.length ? statuses : undefined,
    from: dates?.[0]?.format('YYYY-MM-DD'),
    to: dates?.[1]?.format('YYYY-MM-DD'),
    search: search || undefined,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const rows = list.data?.rows ?? [];
  const selected = rows.find((row) => row.id === selectedId) ?? null;
  const trades = types.some((candidate) => documentTypeUi[candidate].counterparty !== 'none');
  const money = types.some(showsMoney);
  const orders = types.some((candidate) => documentTypeUi[candidate].executesAs !== null);
  // 收款单 / 付款单 have no lines to count.
  const hasLines = types.some((candidate) => documentTypeUi[candidate].money === null);

  const open = (row: Row) => void navigate(documentAddress(row.type, { id: row.id }));
  const create = (newType: DocumentType) => void navigate(documentAddress(newType, 'new'));
  /** Any change of question starts again on the first page. */
  const refine =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('input, .ant-select, .ant-picker')) return;
    const index = selected ? rows.indexOf(selected) : -1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = rows[Math.max(0, Math.min(rows.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (next) setSelectedId(next.id);
    } else if (event.key === 'Enter' && selected) {
      event.preventDefault();
      open(selected);
    }
  };

  const columns: TableColumnsType<Row> = [
    {
      key: 'number',
      title: t('document.number'),
      width: 170,
      render: (_, row) => (
        <Flex gap={4} align="center">
          <Typography.Link onClick={() => open(row)}>{row.number}</Typography.Link>
          {row.isReversal && (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('document.list.reversal')}
            </Tag>
          )}
        </Flex>
      ),
    },
    { key: 'businessDate', dataIndex: 'businessDate', title: t('document.businessDate'), width: 100 },
    ...(types.length > 1
      ? [
          {
            key: 'type',
            title: t('document.list.type'),
            width: 100,
            render: (_: unknown, row: Row) => t(`document.types.${row.type}`),
          },
        ]
      : []),
    ...(trades
      ? [
          {
            key: 'counterpartyName',
            dataIndex: 'counterpartyName',
            title: t('document.list.counterparty'),
            width: 200,
            ellipsis: true,
          },
        ]
      : []),
    {
      key: 'status',
      title: t('document.list.status'),
      width: 86,
      render: (_, row) => (
        <Tag color={documentStatusColors[row.status]} style={{ marginInlineEnd: 0 }}>
          {t(`document.statuses.${row.status}`)}
        </Tag>
      ),
    },
    ...(orders
      ? [
          {
            key: 'execution',
            title: t('document.list.execution'),
            width: 86,
            // Only an approved order is being executed; a draft's 未执行 would say nothing.
            render: (_: unknown, row: Row) =>
              row.execution && (row.status === 'awaiting_warehouse' || row.status === 'closed') ? (
                <Tag color={documentExecutionColors[row.execution]} style={{ marginInlineEnd: 0 }}>
                  {t(`document.execution.${row.execution}`)}
                </Tag>
              ) : null,
          },
        ]
      : []),
    ...(money
      ? [
          {
            key: 'totalWithTax',
            title: t('document.list.totalWithTax'),
            width: 120,
            align: 'right' as const,
            render: (_: unknown, row: Row) => (
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                {/* A purchase's total is hidden (null) from a role without cost.view. */}
                {showsMoney(row.type) && row.totalWithTax !== null
                  ? groupedYuan(parseScaled(row.totalWithTax, fenScale) ?? 0)
                  : ''}
              </span>
            ),
          },
        ]
      : []),
    ...(hasLines
      ? [
          {
            key: 'lineCount',
            dataIndex: 'lineCount',
            title: t('document.list.lineCount'),
            width: 64,
            align: 'right' as const,
          },
        ]
      : []),
    { key: 'createdByName', dataIndex: 'createdByName', title: t('document.list.createdBy'), width: 96 },
    { key: 'remark', dataIndex: 'remark', title: t('document.remark'), ellipsis: true },
  ];

  const newButtons =
    types.length <= 2 ? (
      types.map((newType) => (
        <Button
          key={newType}
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => create(newType)}
          data-testid={`new-${newType}`}
        >
          {t('document.list.newOf', { type: t(`document.types.${newType}`) })}
        </Button>
      ))
    ) : (
      <Dropdown
        menu={{
          items: types.map((newType) => ({ key: newType, label: t(`document.types.${newType}`) })),
          onClick: ({ key }) => create(key as DocumentType),
        }}
      >
        <Button type="primary" icon={<PlusOutlined />} data-testid="new-document">
          {t('document.list.new')} <DownOutlined />
        </Button>
      </Dropdown>
    );

  if (list.error && !list.data) return <LoadFailure error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <div tabIndex={-1} onKeyDown={onKeyDown} style={{ outline: 'none' }} data-testid={testId}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        {mayEdit && newButtons}
        <Button icon={<FolderOpenOutlined />} disabled={!selected} onClick={() => selected && open(selected)}>
          {t('document.list.open')}
        </Button>
        {types.some((candidate) => mayPrint({ type: candidate })) && (
          <Button
            icon={<PrinterOutlined />}
            disabled={ticked.size === 0}
            loading={printing}
            onClick={() => void printTicked()}
            data-testid="document-list-print"
          >
            {ticked.size > 0
              ? t('document.list.printTicked', { count: ticked.size })
              : t('document.actions.print')}
          </Button>
        )}
        {mayImportOpeningStock && (
          <Button
            icon={<UploadOutlined />}
            onClick={() => setImporting(true)}
            data-testid="import-opening-stock"
          >
            {t('document.list.importOpeningStock')}
          </Button>
        )}
      </Flex>
      {mayImportOpeningStock && (
        <ImportWizard
          entity="openingStock"
          title="page.openingStock"
          open={importing}
          onClose={() => setImporting(false)}
        />
      )}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          value={searchText}
          placeholder={t(trades ? 'document.list.searchPlaceholder' : 'document.list.searchNumber')}
          aria-label={t('list.search')}
          onChange={(event) => refine(setSearchText)(event.target.value)}
          style={{ width: 300 }}
          data-testid="document-list-search"
        />
        {types.length > 1 && (
          <Select<DocumentType>
            allowClear
            value={type}
            placeholder={t('document.list.allTypes')}
            onChange={refine(setType)}
            options={types.map((option) => ({ value: option, label: t(`document.types.${option}`) }))}
            style={{ width: 140 }}
            data-testid="document-list-type"
          />
        )}
        <Select<DocumentStatus[]>
          mode="multiple"
          allowClear
          value={statuses}
          placeholder={t('document.list.allStatuses')}
          onChange={refine(setStatuses)}
          options={documentStatuses.map((status) => ({
            value: status,
            label: t(`document.statuses.${status}`),
          }))}
          maxTagCount="responsive"
          style={{ width: 220 }}
          data-testid="document-list-status"
        />
        <DatePicker.RangePicker
          value={dates}
          onChange={(value) => refine(setDates)(value)}
          placeholder={[t('document.list.from'), t('document.list.to')]}
          style={{ width: 250 }}
          data-testid="document-list-dates"
        />
      </Flex>
      <div ref={tableArea}>
        <ConfigProvider theme={denseTable}>
          <Table<Row>
            size="small"
            bordered
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isFetching}
            scroll={{
              x: columns.reduce((sum, column) => sum + Number(column.width ?? 160), 0),
              y: tableHeight - 40,
            }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              size: 'small',
              showTotal: (total) => t('document.list.total', { count: total }),
              onChange: setPage,
            }}
            rowSelection={{
              columnWidth: 32,
              preserveSelectedRowKeys: true,
              selectedRowKeys: [...ticked.keys()],
              getCheckboxProps: (row) => ({ disabled: !mayPrint(row) }),
              onChange: (_, chosen) =>
                setTicked((before) => {
                  // The rows shown now are as chosen; those ticked on other pages stay ticked.
                  const next = new Map([...before].filter(([id]) => !rows.some((row) => row.id === id)));
                  for (const row of chosen) if (row) next.set(row.id, row);
                  return next;
                }),
            }}
            rowClassName={(row) => (row.id === selectedId ? 'ant-table-row-selected' : '')}
            onRow={(row) => ({
              onClick: () => setSelectedId(row.id),
              onDoubleClick: () => open(row),
            })}
          />
        </ConfigProvider>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('list.keyboardHelp')}
      </Typography.Text>
    </div>
  );
}
