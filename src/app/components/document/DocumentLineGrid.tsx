import { DeleteOutlined } from '@ant-design/icons';
import { Button, Checkbox, ConfigProvider, Input, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { carriesTax } from '../../../shared/documents/line-pricing';
import { formatScaled, parseScaled } from '../../../shared/numbers/decimal';
import { priceScale, type Fen } from '../../../shared/numbers/scales';
import { groupedYuan } from '../../../shared/numbers/yuan-display';
import type { MessageKey } from '../../i18n/messageKey';
import type { GoodsInfo, GoodsMatch, LineDraft, LineErrors, LineField } from './documentDraft';
import type { LineEdit, TextLineField } from './documentEditor';
import { documentTypeUi, entersValue, tradesPrices, type DocumentType } from './documentTypes';
import { GoodsCell } from './GoodsCell';
import { cellId } from './gridNavigation';
import type { LineReading, LineReadings } from './lineFigures';
import { lastPriceOf, type LastPrice } from './priceSuggestion';
import type { AvailableStock } from './useLineLookups';
import { pinyinSearch } from '../form/pinyinMatches';

export interface WarehouseOption {
  value: number;
  label: string;
  /** Searched as well as the name (pinyinSearch). */
  code?: string;
  disabled?: boolean;
}

/**
 * A mixed-unit quantity from the engine, with nothing in it written as 0: the engine writes none of
 * a goods in its base unit ("0罐"), which beside "20箱" reads as if cans were meant.
 */
function mixedQuantity(text: string | null | undefined): string {
  if (text == null) return '';
  return /^0(\.0*)?\D*$/.test(text) ? '0' : text;
}

/** Dense rows: a purchase of thirty lines fits on one screen. */
const denseGrid = {
  components: { Table: { cellPaddingBlockSM: 3, cellPaddingInlineSM: 4, headerBg: '#f7f8fa' } },
};

interface GridColumn {
  key: string;
  title: MessageKey;
  width: number;
  align?: 'left' | 'right' | 'center';
  fixed?: 'left';
  render: (line: LineDraft, index: number) => ReactNode;
}

/**
 * The lines of a document as a keyboard-first grid: every cell the clerk types into is marked for
 * the page's Enter-to-next-cell (useGridKeyboard), each line's figures are shown as the page read them
 * (useLineReadings), an engine message sits on the cell it is about. Columns follow the document type
 * (DOMAIN.md §5). What the clerk does goes back as named edits (documentEditor.ts).
 */
export function DocumentLineGrid({
  type,
  lines,
  readOnly,
  quantityDecimals,
  warehouses,
  headerWarehouseId,
  headerToWarehouseId,
  goodsById,
  priceIncludesTax,
  lastPrices,
  showAvailable,
  available,
  readings,
  errors,
  height,
  onEdit,
  onPickGoods,
  onRemove,
  onMoveOn,
}: {
  type: DocumentType;
  lines: LineDraft[];
  readOnly: boolean;
  quantityDecimals: number;
  warehouses: WarehouseOption[];
  headerWarehouseId: number | null;
  headerToWarehouseId: number | null;
  goodsById: ReadonlyMap<number, GoodsInfo>;
  /** The document's 含税单价 switch: the price column is with tax, and the figures follow. */
  priceIncludesTax: boolean;
  /** 价格跟踪 for the price cells' tooltips. */
  lastPrices: readonly LastPrice[];
  /** The 可用库存 column, for a sale being entered; its figures once the engine has answered. */
  showAvailable: boolean;
  available: AvailableStock | undefined;
  /** Each line's figures and the problems of what was typed, read once by the page. */
  readings: LineReadings;
  errors: LineErrors;
  height: number;
  onEdit: (edit: LineEdit) => void;
  onPickGoods: (key: string, match: GoodsMatch) => void;
  onRemove: (key: string) => void;
  /** The cursor on from a cell that hands it on by itself (the goods cell once goods are picked). */
  onMoveOn: (cell: string) => void;
}) {
  const { t } = useTranslation();
  const ui = documentTypeUi[type];
  const taxed = carriesTax(type);
  const trade = tradesPrices(type);
  const valueEntered = entersValue(type);
  const noReading: LineReading = { figures: null, problems: {} };
  const readingOf = (line: LineDraft) => readings.get(line.key) ?? noReading;
  const figuresOf = (line: LineDraft) => readingOf(line).figures;
  /** The engine's message on the cell, else what it would say of the figure as typed. */
  const errorOf = (line: LineDraft, field: LineField): string | undefined =>
    errors[line.key]?.[field] ?? (readOnly ? undefined : readingOf(line).problems[field]);
  const warehouseName = (id: number | null) => warehouses.find((option) => option.value === id)?.label ?? '';

  /** A cell the Enter key visits, with the engine's message on it when there is one, else its hint. */
  const cell = (line: LineDraft, field: LineField, control: ReactNode, enterOwn = false, hint?: string) => {
    const error = errorOf(line, field);
    const title = error ?? hint;
    return (
      <Tooltip
        title={title}
        open={title ? undefined : false}
        color={error ? 'red' : undefined}
        // A hint is one line (上次 … ¥82.00（XD…）): wider than the default, which would break it.
        styles={error ? undefined : { root: { maxWidth: 420 } }}
        trigger={['hover', 'focus']}
      >
        <div data-cell={cellId(line.key, field)} data-enter={enterOwn ? 'own' : undefined}>
          {control}
        </div>
      </Tooltip>
    );
  };
  const status = (line: LineDraft, field: LineField) => (errorOf(line, field) ? 'error' : undefined);

  const textCell = (
    line: LineDraft,
    field: Exclude<TextLineField, 'productionDate' | 'expiryDate'>,
    options: {
      numeric?: boolean;
      placeholder?: string;
      disabled?: boolean;
      maxLength?: number;
      label?: MessageKey;
      hint?: string;
      /** What the cell shows when it is not what was typed (a price derived from an entered value). */
      shown?: string;
    } = {},
  ) =>
    cell(
      line,
      field,
      <Input
        size="small"
        value={options.shown ?? line[field]}
        status={status(line, field)}
        disabled={options.disabled}
        placeholder={options.placeholder}
        maxLength={options.maxLength}
        inputMode={options.numeric ? 'decimal' : undefined}
        aria-label={t(options.label ?? `document.columns.${field}`)}
        style={options.numeric ? { textAlign: 'right' } : undefined}
        onChange={(event) => onEdit({ type: 'cellEdited', key: line.key, field, value: event.target.value })}
      />,
      false,
      options.hint,
    );

  /** 上次 2026-02-10 ¥82.00（XD20260210-0001）: the last price in the line's unit, as the switch shows prices. */
  const lastPriceHint = (line: LineDraft) => {
    const last = lastPriceOf(lastPrices, line);
    // A purchase price hidden from a role without cost.view (null) gives no hint.
    const shown = last ? (priceIncludesTax ? last.unitPriceWithTax : last.unitPrice) : null;
    if (!last || shown === null) return undefined;
    const price = parseScaled(shown, priceScale) ?? 0;
    return t('document.lastPrice', {
      date: last.businessDate,
      price: formatScaled(price, priceScale, 2),
      number: last.documentNumber,
    });
  };

  /** 可用库存 of the line's goods in the warehouse it goes out of; nothing until both are known. */
  const availableCell = (line: LineDraft) => {
    const warehouseId = line.warehouseId ?? headerWarehouseId;
    if (!available || line.goodsId === null || warehouseId === null) return null;
    const place = available.find((row) => row.goodsId === line.goodsId && row.warehouseId === warehouseId);
    const short = !place || (parseScaled(place.available, quantityDecimals) ?? 0) <= 0;
    return (
      <Typography.Text type={short ? 'danger' : undefined} data-testid="line-available">
        {mixedQuantity(place?.availableMixed ?? '0')}
      </Typography.Text>
    );
  };

  const dateCell = (line: LineDraft, field: 'productionDate' | 'expiryDate') =>
    cell(
      line,
      field,
      <Input
        size="small"
        value={line[field]}
        status={status(line, field)}
        placeholder={t('document.datePlaceholder')}
        aria-label={t(`document.columns.${field}`)}
        onChange={(event) => onEdit({ type: 'cellEdited', key: line.key, field, value: event.target.value })}
      />,
    );

  const warehouseCell = (
    line: LineDraft,
    field: 'warehouseId' | 'toWarehouseId',
    headerValue: number | null,
  ) =>
    readOnly
      ? warehouseName(line[field] ?? headerValue)
      : cell(
          line,
          field,
          <Select<number>
            size="small"
            value={line[field] ?? headerValue ?? undefined}
            status={status(line, field)}
            options={warehouses}
            showSearch={pinyinSearch}
            popupMatchSelectWidth={false}
            aria-label={t(`document.columns.${field}`)}
            style={{ width: '100%' }}
            onChange={(warehouseId) => onEdit({ type: 'warehouseChosen', key: line.key, field, warehouseId })}
          />,
        );

  const money = (value: Fen | undefined) => (value === undefined ? '' : groupedYuan(value));

  const columns: GridColumn[] = [
    {
      key: 'lineNo',
      title: 'document.columns.lineNo',
      width: 40,
      align: 'center',
      fixed: 'left',
      render: (_line, index) => index + 1,
    },
    {
      key: 'goods',
      title: 'document.columns.goods',
      // Code, name and the spec beside them (GoodsCell): wide enough for 晨光核桃奶250ml 250ml×12盒.
      width: 260,
      fixed: 'left',
      render: (line) =>
        readOnly || line.sourceLineId !== null ? (
          <Typography.Text ellipsis={{ tooltip: true }} style={{ width: 248 }}>
            {line.goodsCode} {line.goodsName}
            {line.goodsSpec && <Typography.Text type="secondary"> {line.goodsSpec}</Typography.Text>}
          </Typography.Text>
        ) : (
          cell(
            line,
            'goodsId',
            <GoodsCell
              label={line.goodsId === null ? '' : `${line.goodsCode} ${line.goodsName}`}
              spec={line.goodsSpec}
              hasGoods={line.goodsId !== null}
              status={status(line, 'goodsId')}
              onPick={(match) => onPickGoods(line.key, match)}
              onPass={() => onMoveOn(cellId(line.key, 'goodsId'))}
            />,
            true,
          )
        ),
    },
  ];

  if (!ui.valueOnly) {
    columns.push(
      {
        key: 'unitName',
        title: 'document.columns.unitName',
        width: 64,
        render: (line) => {
          if (readOnly) return line.unitName;
          const goods = line.goodsId === null ? undefined : goodsById.get(line.goodsId);
          const names = goods ? goods.units.map((unit) => unit.name) : line.unitName ? [line.unitName] : [];
          return cell(
            line,
            'unitName',
            <Select<string>
              size="small"
              value={line.unitName || undefined}
              status={status(line, 'unitName')}
              disabled={line.goodsId === null}
              options={names.map((name) => ({ value: name, label: name }))}
              showSearch={pinyinSearch}
              aria-label={t('document.columns.unitName')}
              style={{ width: '100%' }}
              onChange={(unitName) => onEdit({ type: 'unitChanged', key: line.key, unitName })}
            />,
          );
        },
      },
      {
        key: 'quantity',
        title: ui.counted ? 'document.columns.countedQuantity' : 'document.columns.quantity',
        width: 80,
        align: 'right',
        render: (line) => (readOnly ? line.quantity : textCell(line, 'quantity', { numeric: true })),
      },
    );
  }

  if (showAvailable) {
    columns.push({
      key: 'available',
      title: 'document.columns.available',
      width: 84,
      align: 'right',
      render: availableCell,
    });
  }

  if (readOnly && lines.some((line) => line.saved)) {
    if (ui.counted) {
      columns.push({
        key: 'bookQuantity',
        title: 'document.columns.bookQuantity',
        width: 96,
        align: 'right',
        render: (line) => line.saved?.bookQuantity ?? '',
      });
    }
    // Only where it says something the quantity does not: 30 袋 is 1箱6袋, 10 箱 is just 10箱.
    if (
      !ui.valueOnly &&
      lines.some((line) => line.saved?.mixedQuantity !== `${line.quantity}${line.unitName}`)
    ) {
      columns.push({
        key: 'mixedQuantity',
        title: 'document.columns.mixedQuantity',
        width: 76,
        align: 'right',
        render: (line) => line.saved?.mixedQuantity ?? '',
      });
    }
    // Only where the keeper confirmed less than the document says.
    if (
      lines.some(
        (line) => line.saved?.confirmedQuantity && line.saved.confirmedQuantity !== line.saved.mixedQuantity,
      )
    ) {
      columns.push({
        key: 'confirmedQuantity',
        title: 'document.columns.confirmedQuantity',
        width: 96,
        align: 'right',
        render: (line) => line.saved?.confirmedQuantity ?? '',
      });
    }
    // An approved order: how much receipts / deliveries have taken from each line, and what is left.
    if (lines.some((line) => line.saved?.executedQuantity != null)) {
      columns.push(
        {
          key: 'executedQuantity',
          title: 'document.columns.executedQuantity',
          width: 84,
          align: 'right',
          render: (line) => mixedQuantity(line.saved?.executedQuantity),
        },
        {
          key: 'outstandingQuantity',
          title: 'document.columns.outstandingQuantity',
          width: 84,
          align: 'right',
          render: (line) => mixedQuantity(line.saved?.outstandingQuantity),
        },
      );
    }
  }

  if (ui.price !== null) {
    const priceTitle: MessageKey = !trade
      ? 'document.columns.unitCost'
      : priceIncludesTax
        ? 'document.columns.unitPriceWithTax'
        : 'document.columns.unitPrice';
    columns.push({
      key: 'unitPrice',
      title: priceTitle,
      width: 88,
      align: 'right',
      render: (line) =>
        readOnly
          ? line.unitPrice
          : textCell(line, 'unitPrice', {
              numeric: true,
              disabled: line.isGift,
              label: priceTitle,
              placeholder: ui.price === 'optionalCost' ? t('document.currentCost') : undefined,
              hint: lastPriceHint(line),
              shown: readingOf(line).derivedPrice,
            }),
    });
    if (trade) {
      columns.push({
        key: 'discountRate',
        title: 'document.columns.discountRate',
        width: 76,
        align: 'right',
        render: (line) =>
          readOnly
            ? line.discountRate
            : textCell(line, 'discountRate', { numeric: true, disabled: line.isGift }),
      });
    }
    if (taxed) {
      columns.push({
        key: 'taxRate',
        title: 'document.columns.taxRate',
        width: 52,
        align: 'right',
        render: (line) => (readOnly ? line.taxRate : textCell(line, 'taxRate', { numeric: true })),
      });
    }
  }

  if (ui.valueOnly) {
    columns.push({
      key: 'adjustmentAmount',
      title: 'document.columns.adjustmentAmount',
      width: 120,
      align: 'right',
      render: (line) =>
        readOnly
          ? money(figuresOf(line)?.amount)
          : textCell(line, 'adjustmentAmount', { numeric: true, placeholder: '+/-' }),
    });
  } else if (ui.price !== null) {
    // 折扣额 only once some line has a discount: most documents have none.
    if (trade && lines.some((line) => (figuresOf(line)?.discountAmount ?? 0) !== 0)) {
      columns.push({
        key: 'discountAmount',
        title: 'document.columns.discountAmount',
        width: 80,
        align: 'right',
        render: (line) => money(figuresOf(line)?.discountAmount),
      });
    }
    columns.push({
      key: 'amount',
      title: 'document.columns.amount',
      width: 92,
      align: 'right',
      render: (line) =>
        // Where the value is entered, the clerk may type it and the price follows (entersValue).
        valueEntered && !readOnly && line.goodsId !== null
          ? textCell(line, 'amount', {
              numeric: true,
              shown: line.amountTyped ? undefined : money(figuresOf(line)?.amount),
            })
          : money(figuresOf(line)?.amount),
    });
    if (taxed) {
      columns.push(
        {
          key: 'taxAmount',
          title: 'document.columns.taxAmount',
          width: 80,
          align: 'right',
          render: (line) => money(figuresOf(line)?.taxAmount),
        },
        {
          key: 'amountWithTax',
          title: 'document.columns.amountWithTax',
          width: 96,
          align: 'right',
          render: (line) => money(figuresOf(line)?.amountWithTax),
        },
      );
    }
  }

  columns.push({
    key: 'warehouseId',
    title: ui.transfer ? 'document.columns.fromWarehouse' : 'document.columns.warehouseId',
    width: 108,
    render: (line) => warehouseCell(line, 'warehouseId', headerWarehouseId),
  });
  if (ui.transfer) {
    columns.push({
      key: 'toWarehouseId',
      title: 'document.columns.toWarehouseId',
      width: 108,
      render: (line) => warehouseCell(line, 'toWarehouseId', headerToWarehouseId),
    });
  }

  if (lines.some((line) => line.lotTracked)) {
    columns.push(
      {
        key: 'lot',
        title: 'document.columns.lot',
        width: 96,
        render: (line) =>
          !line.lotTracked ? null : readOnly ? line.lot : textCell(line, 'lot', { maxLength: 40 }),
      },
      {
        key: 'productionDate',
        title: 'document.columns.productionDate',
        width: 96,
        render: (line) =>
          !line.lotTracked ? null : readOnly ? line.productionDate : dateCell(line, 'productionDate'),
      },
      {
        key: 'expiryDate',
        title: 'document.columns.expiryDate',
        width: 96,
        render: (line) =>
          !line.lotTracked ? null : readOnly ? line.expiryDate : dateCell(line, 'expiryDate'),
      },
    );
  }

  if (ui.gift) {
    columns.push({
      key: 'isGift',
      title: 'document.columns.isGift',
      width: 44,
      align: 'center',
      render: (line) =>
        readOnly
          ? line.isGift
            ? t('common.yes')
            : ''
          : cell(
              line,
              'isGift',
              <Checkbox
                checked={line.isGift}
                disabled={line.goodsId === null}
                aria-label={t('document.columns.isGift')}
                onChange={(event) =>
                  onEdit({ type: 'giftToggled', key: line.key, isGift: event.target.checked })
                }
              />,
            ),
    });
  }

  columns.push({
    key: 'remark',
    title: 'document.columns.remark',
    width: 120,
    render: (line) =>
      readOnly ? (
        <Typography.Text ellipsis={{ tooltip: true }} style={{ width: 110 }}>
          {line.remark}
        </Typography.Text>
      ) : (
        textCell(line, 'remark', { maxLength: 200 })
      ),
  });

  if (!readOnly) {
    columns.push({
      key: 'remove',
      title: 'document.columns.remove',
      width: 36,
      align: 'center',
      render: (line) => (
        <Button
          type="text"
          danger
          size="small"
          // Out of the Tab order: the keys remove a line with Ctrl+Delete.
          tabIndex={-1}
          icon={<DeleteOutlined />}
          aria-label={t('document.deleteLine')}
          title={t('document.deleteLine')}
          onClick={() => onRemove(line.key)}
        />
      ),
    });
  }

  const tableColumns: TableColumnsType<LineDraft> = columns.map((column) => ({
    key: column.key,
    title: column.key === 'remove' ? '' : t(column.title),
    width: column.width,
    align: column.align,
    fixed: column.fixed,
    render: (_: unknown, line: LineDraft, index: number) => column.render(line, index),
  }));
  const scrollWidth = columns.reduce((sum, column) => sum + column.width, 0);

  return (
    <div data-testid="document-lines">
      <ConfigProvider theme={denseGrid}>
        <Table<LineDraft>
          size="small"
          bordered
          columns={tableColumns}
          dataSource={lines}
          rowKey="key"
          pagination={false}
          scroll={{ x: scrollWidth, y: height }}
          locale={{ emptyText: ' ' }}
        />
      </ConfigProvider>
    </div>
  );
}
