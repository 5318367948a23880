import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { documentColumns, documentTypeColumn } from './documentColumns';
import { defineReport, type ReportOutput, type ReportRow } from '../../components/report/reportConfig';

type CardRow = ReportRow<'stockCard'>;

/** The goods the card is about, and its balances in mixed units. */
function CardHeading({ card }: { card: ReportOutput<'stockCard'> }) {
  const { t } = useTranslation();
  const { goods } = card;
  return (
    <Descriptions
      size="small"
      column={4}
      items={[
        {
          key: 'goods',
          label: t('reports.goods'),
          children: [goods.code, goods.name, goods.spec].filter(Boolean).join(' '),
        },
        { key: 'unit', label: t('reports.columns.baseUnit'), children: goods.baseUnit },
        { key: 'opening', label: t('reports.columns.opening'), children: card.opening.mixedQuantity },
        { key: 'closing', label: t('reports.columns.closing'), children: card.closing.mixedQuantity },
      ]}
      data-testid="stock-card-heading"
    />
  );
}

// A reversal is marked 红字 beside its document type (documentColumns.tsx), as on every report.
function KindLabel({ row }: { row: CardRow }) {
  const { t } = useTranslation();
  return t(`reports.movementKinds.${row.kind}`);
}

/** 商品明细账: one goods' movements over a period, with the balance after each. */
export const stockCardReport = defineReport({
  name: 'stockCard',
  title: 'page.reportStockCard',
  filters: ['goods', 'period', 'warehouse'],
  input: ({ goodsId, from, to, warehouseId }) =>
    goodsId === undefined ? null : { goodsId, from, to, warehouseId },
  waitingFor: 'reports.pickGoods',
  rowKey: (row) => String(row.movementId),
  heading: (card) => <CardHeading card={card} />,
  columns: () => [
    ...documentColumns<CardRow>(),
    documentTypeColumn<CardRow>(),
    {
      key: 'kindLabel',
      title: 'reports.columns.kindLabel',
      width: 130,
      render: (row) => <KindLabel row={row} />,
    },
    { key: 'warehouseName', title: 'reports.columns.warehouseName', width: 100 },
    { key: 'lot', title: 'reports.columns.lot', width: 110 },
    { key: 'inQuantity', title: 'reports.columns.inQuantity', width: 100, figure: 'quantity' },
    { key: 'outQuantity', title: 'reports.columns.outQuantity', width: 100, figure: 'quantity' },
    { key: 'value', title: 'reports.columns.movementValue', width: 120, figure: 'money', signed: true },
    { key: 'runningQuantity', title: 'reports.columns.runningQuantity', width: 100, figure: 'quantity' },
    { key: 'runningUnitCost', title: 'reports.columns.runningUnitCost', width: 100, figure: 'unitCost' },
    { key: 'runningValue', title: 'reports.columns.runningValue', width: 120, figure: 'money' },
  ],
  opening: (card) => ({
    label: 'reports.opening',
    figures: {
      runningQuantity: card.opening.quantity,
      runningUnitCost: card.opening.unitCost,
      runningValue: card.opening.value,
    },
  }),
  closing: (card) => [
    {
      label: 'reports.closing',
      figures: {
        inQuantity: card.totals.inQuantity,
        outQuantity: card.totals.outQuantity,
        runningQuantity: card.closing.quantity,
        runningUnitCost: card.closing.unitCost,
        runningValue: card.closing.value,
      },
    },
  ],
});
