import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { documentColumns, documentTypeColumn } from './documentColumns';
import { defineReport, type ReportOutput, type ReportRow } from '../../components/report/reportConfig';

type PriceRow = ReportRow<'priceHistory'>;

/** The goods whose prices these are, which side, and with whom. */
function PriceHeading({ report }: { report: ReportOutput<'priceHistory'> }) {
  const { t } = useTranslation();
  const { goods, counterparty } = report;
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
        { key: 'side', label: t('reports.priceSide'), children: t(`reports.priceSides.${report.side}`) },
        {
          key: 'counterparty',
          label: t('reports.counterparty'),
          children: counterparty
            ? `${counterparty.code} ${counterparty.name}`
            : t('reports.allCounterparties'),
        },
      ]}
      data-testid="price-history-heading"
    />
  );
}

function IncludesTax({ row }: { row: PriceRow }) {
  const { t } = useTranslation();
  return row.priceIncludesTax ? t('common.yes') : t('common.no');
}

/**
 * 价格跟踪: the prices one goods was sold or bought at, newest first, each with the document it was
 * agreed on — with one customer or supplier, or with everyone. No period: "what did we charge them
 * last time" may be months back, and this month's default would hide it (the API and CLI take one).
 */
export const priceHistoryReport = defineReport({
  name: 'priceHistory',
  title: 'page.reportPriceHistory',
  filters: ['counterparty', 'priceSide', 'goods'],
  input: ({ goodsId, priceSide, counterpartyId }) =>
    goodsId === undefined ? null : { goodsId, side: priceSide, counterpartyId },
  waitingFor: 'reports.pickGoodsForPrices',
  rowKey: (row) => String(row.lineId),
  heading: (report) => <PriceHeading report={report} />,
  columns: () => [
    ...documentColumns<PriceRow>(),
    documentTypeColumn<PriceRow>(100),
    { key: 'counterpartyCode', title: 'reports.columns.counterpartyCode', width: 112 },
    { key: 'counterpartyName', title: 'reports.columns.counterpartyName', width: 148 },
    { key: 'unitName', title: 'reports.columns.unitName', width: 56 },
    { key: 'quantity', title: 'reports.columns.tradedQuantity', width: 80, figure: 'quantity' },
    { key: 'unitPrice', title: 'reports.columns.unitPrice', width: 90, figure: 'unitCost' },
    { key: 'unitPriceWithTax', title: 'reports.columns.unitPriceWithTax', width: 90, figure: 'unitCost' },
    {
      key: 'priceIncludesTaxLabel',
      title: 'reports.columns.priceIncludesTax',
      width: 56,
      render: (row) => <IncludesTax row={row} />,
    },
    { key: 'taxRate', title: 'reports.columns.taxRate', width: 60, figure: 'percent' },
    {
      key: 'discountRate',
      title: 'reports.columns.discountRate',
      width: 64,
      figure: 'percent',
      blankZero: true,
    },
  ],
});
