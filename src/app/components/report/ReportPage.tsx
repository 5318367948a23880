import { ExportOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, ConfigProvider, Empty, Flex, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { usePrintFile } from '../../printing/usePrintFile';
import { saveBase64File } from '../../files/saveBase64File';
import type { MessageKey } from '../../i18n/messageKey';
import { LoadFailure } from '../LoadFailure';
import { ColumnSettingsButton } from '../list/ColumnSettingsButton';
import { useColumnSettings } from '../list/useColumnSettings';
import { useDebouncedValue } from '../list/useDebouncedValue';
import type { ApiInput } from '../../../shared/api';
import type {
  AnyReportConfig,
  AnyReportOutput,
  ReportFilterValues,
  ReportInput,
  ReportName,
  ReportOutput,
  ReportRecord,
} from './reportConfig';
import { ReportFilterBar, type FilterDraft } from './ReportFilterBar';
import {
  leavesOf,
  summaryCells,
  summaryLineStyle,
  tableColumns,
  tableWidth,
  type TableEntry,
} from './reportTable';
import { useAddressRequest } from './useAddressRequest';
import { useFillHeight } from './useFillHeight';
import { denseTable } from '../list/denseTable';
import { usePersonalStorage } from '../../session/usePersonalSetting';

/** Dense rows, as in the lists: more of the report on one screen. */
/**
 * Past this many rows only the rows in view are drawn (a summary over 50,000 goods stays smooth);
 * below it the plain table keeps its scrollbar clear of the last row.
 */
const virtualFrom = 300;

function initialDraft(config: AnyReportConfig): FilterDraft {
  const today = dayjs();
  return {
    asOf: today.format('YYYY-MM-DD'),
    from: today.startOf('month').format('YYYY-MM-DD'),
    to: today.format('YYYY-MM-DD'),
    warehouseId: undefined,
    goodsId: undefined,
    searchText: '',
    include: false,
    withinDays: 30,
    counterpartyId: undefined,
    side: 'receivable',
    priceSide: 'sale',
    groupBy: config.groupings?.[0]?.value ?? '',
    reportKind: 'weekly',
  };
}

/**
 * The filters a person sets once and expects again next time (the warehouse, the grouping, the side, the
 * days ahead). The period starts at this month and a search starts empty each time: yesterday's dates
 * and words would hide today's figures.
 */
const rememberedFilters = [
  'warehouseId',
  'include',
  'withinDays',
  'side',
  'priceSide',
  'groupBy',
  'reportKind',
] as const;

function keptFilters(draft: FilterDraft): Partial<FilterDraft> {
  return Object.fromEntries(rememberedFilters.map((name) => [name, draft[name]]));
}

/**
 * The stored filters over the defaults, each only where it has the default's type and, for the grouping,
 * is one the report offers: an older shape is ignored.
 */
function withKeptFilters(config: AnyReportConfig, defaults: FilterDraft, stored: unknown): FilterDraft {
  if (typeof stored !== 'object' || stored === null) return defaults;
  const kept = stored as Record<string, unknown>;
  const draft: Record<string, unknown> = { ...defaults };
  for (const name of rememberedFilters) {
    const value = kept[name];
    const fallback = defaults[name];
    // A grouping the report no longer offers is not taken.
    if (name === 'groupBy' && !config.groupings?.some((grouping) => grouping.value === value)) continue;
    if (
      name === 'warehouseId'
        ? typeof value === 'number'
        : value !== undefined && typeof value === typeof fallback
    ) {
      draft[name] = value;
    }
  }
  return draft as unknown as FilterDraft;
}

/**
 * The one report page, configured per report: the filters its method takes, the table with its
 * figures aligned and its totals kept in view, column choice, and the same report as .xlsx and as a
 * printed PDF (the columns shown, in their order).
 */
export function ReportPage({ config }: { config: AnyReportConfig }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const printFile = usePrintFile();
  const kept = usePersonalStorage(`report.${config.name}.filters`);
  const [draft, setDraft] = useState<FilterDraft>(() =>
    withKeptFilters(config, initialDraft(config), kept.read()),
  );
  useEffect(() => kept.write(keptFilters(draft)), [kept, draft]);
  // 往来余额 opens the statement for one counterparty and side.
  useAddressRequest((request) => setDraft((current) => ({ ...current, ...request })));
  const search = useDebouncedValue(draft.searchText.trim(), 300);
  const [exporting, setExporting] = useState<'file' | 'print' | null>(null);
  const tableArea = useRef<HTMLDivElement>(null);
  const tableHeight = useFillHeight(tableArea, 36);

  const { searchText: _typed, ...chosen } = draft;
  const values: ReportFilterValues = { ...chosen, search };
  const input = config.input(values);
  const method = `reports.${config.name}` as const;
  const report = useQuery<ReportOutput<ReportName>, ApiCallError>({
    queryKey: [method, input],
    // The configuration built this input for this report's method (defineReport checks it).
    queryFn: () => client.call(method, input as ReportInput<ReportName>),
    enabled: input !== null,
    // A changed filter keeps the last table on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
  const data = input === null ? undefined : (report.data as AnyReportOutput | undefined);

  const columns = useMemo(() => config.columns(data), [config, data]);
  const { choices, save: saveChoices } = useColumnSettings(`report.${config.name}`, columns);
  const titles = Object.fromEntries(columns.map((column) => [column.key, column.title])) as Record<
    string,
    MessageKey
  >;
  const visible = useMemo(
    () =>
      choices
        .filter((choice) => choice.visible)
        .map((choice) => columns.find((column) => column.key === choice.key)!)
        .filter(Boolean),
    [choices, columns],
  );
  const leaves = leavesOf(visible);
  const antdColumns = useMemo(() => tableColumns(visible, t), [visible, t]);

  const entries = useMemo<TableEntry<ReportRecord>[]>(() => {
    const list: TableEntry<ReportRecord>[] = (data?.rows ?? []).map((row) => ({
      key: config.rowKey(row),
      row,
    }));
    if (data && config.opening) list.unshift({ key: 'opening', line: config.opening(data) });
    return list;
  }, [data, config]);
  // Totals of nothing say nothing: the lines under the rows come with rows.
  const closing = data && data.rows.length > 0 && config.closing ? config.closing(data) : [];

  /** The report as the page shows it, to .xlsx or to PDF: one request, two kinds of file. */
  const exportReport = async (kind: 'file' | 'print') => {
    if (input === null) return;
    setExporting(kind);
    const request = { report: config.name, input, columns: leaves.map((leaf) => leaf.key) };
    try {
      if (kind === 'file') {
        const file = await client.call('reports.export', request as ApiInput<'reports.export'>);
        saveBase64File({ fileName: file.fileName, contentBase64: file.base64 });
        message.success(t('reports.exported', { fileName: file.fileName }));
      } else {
        const file = await client.call('reports.print', request as ApiInput<'reports.print'>);
        const went = await printFile(file);
        message.success(
          t(went === 'printer' ? 'document.sentToPrinter' : 'document.printed', { pages: file.pages }),
        );
      }
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setExporting(null);
    }
  };

  return (
    <div data-testid={`report-${config.name}`}>
      <Flex gap={8} align="flex-start" style={{ marginBottom: 8 }}>
        <div style={{ flex: 1 }}>
          <ReportFilterBar
            filters={config.filters}
            groupings={config.groupings}
            include={config.include}
            priceSideLabels={config.priceSideLabels}
            value={draft}
            onChange={(change) => setDraft((current) => ({ ...current, ...change }))}
          />
        </div>
        <Button
          icon={<ReloadOutlined />}
          loading={report.isFetching && !report.isPending}
          disabled={input === null}
          onClick={() => void report.refetch()}
        >
          {t('reports.refresh')}
        </Button>
        <Button
          icon={<ExportOutlined />}
          loading={exporting === 'file'}
          disabled={input === null || !data}
          onClick={() => void exportReport('file')}
          data-testid="report-export"
        >
          {t('reports.export')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          loading={exporting === 'print'}
          disabled={input === null || !data}
          onClick={() => void exportReport('print')}
          data-testid="report-print"
        >
          {t('document.actions.print')}
        </Button>
        <ColumnSettingsButton choices={choices} titles={titles} onChange={saveChoices} />
      </Flex>
      {data && config.heading && <div style={{ marginBottom: 8 }}>{config.heading(data)}</div>}
      {data?.valueAllocated && (
        <Alert type="info" showIcon title={t('reports.valueAllocated')} style={{ marginBottom: 8 }} />
      )}
      {/* Always in place, so that its height is known before the first rows arrive. */}
      <div ref={tableArea}>
        {report.error && input !== null ? (
          <LoadFailure error={report.error} onRetry={() => void report.refetch()} />
        ) : input === null ? (
          <Empty style={{ marginTop: 80 }} description={config.waitingFor ? t(config.waitingFor) : null} />
        ) : (
          <>
            <div
              style={{
                height: tableHeight,
                border: '1px solid #f0f0f0',
                borderRadius: 6,
                overflow: 'hidden',
              }}
            >
              <ConfigProvider theme={denseTable}>
                <Table<TableEntry<ReportRecord>>
                  virtual={entries.length > virtualFrom}
                  bordered
                  size="small"
                  rowKey="key"
                  columns={antdColumns}
                  dataSource={entries}
                  loading={report.isFetching}
                  pagination={false}
                  scroll={{
                    x: tableWidth(visible),
                    y: tableHeight - headerHeight(visible) - closing.length * 32,
                  }}
                  locale={{ emptyText: <Empty description={t('reports.noRows')} /> }}
                  summary={
                    closing.length === 0
                      ? undefined
                      : () => (
                          <Table.Summary fixed="bottom">
                            {closing.map((line, lineIndex) => {
                              let at = 0;
                              return (
                                <Table.Summary.Row key={lineIndex} style={summaryLineStyle}>
                                  {summaryCells(leaves, line).map((summaryCell) => {
                                    const index = at;
                                    at += summaryCell.span;
                                    return (
                                      <Table.Summary.Cell
                                        key={summaryCell.key}
                                        index={index}
                                        colSpan={summaryCell.span}
                                        align={summaryCell.align}
                                      >
                                        {summaryCell.label ? t(line.label) : summaryCell.content}
                                      </Table.Summary.Cell>
                                    );
                                  })}
                                </Table.Summary.Row>
                              );
                            })}
                          </Table.Summary>
                        )
                  }
                  data-testid="report-table"
                />
              </ConfigProvider>
            </div>
            <Typography.Text
              type="secondary"
              style={{ display: 'block', paddingTop: 6 }}
              data-testid="report-count"
            >
              {data ? t('reports.rows', { count: data.rows.length }) : t('common.loading')}
            </Typography.Text>
          </>
        )}
      </div>
    </div>
  );
}

/** The header's height: one band per level of grouped headers. */
function headerHeight(columns: readonly { children?: readonly unknown[] }[]): number {
  const depth = (list: readonly { children?: readonly unknown[] }[]): number =>
    1 + Math.max(0, ...list.map((column) => (column.children ? depth(column.children as typeof list) : 0)));
  return 4 + depth(columns) * 36;
}
