import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { carriesTax } from '../../../shared/documents/line-pricing';
import { chineseCapitalAmount } from '../../../shared/numbers/chinese-amount';
import { formatScaled } from '../../../shared/numbers/decimal';
import { groupedYuan, yuanDisplay } from '../../../shared/numbers/yuan-display';
import { documentTypeUi, showsMoney, type DocumentType } from './documentTypes';
import type { DocumentTotals as Totals } from './lineFigures';

function Figure({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: string;
  testId: string;
  strong?: boolean;
}) {
  return (
    <span style={{ whiteSpace: 'nowrap', display: 'inline-flex', gap: 6 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <Typography.Text strong={strong} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Typography.Text>
    </span>
  );
}

/**
 * The document's totals under its lines, updated as the clerk types: quantity per unit, amount, tax,
 * amount with tax, and that amount in 人民币大写 (DOMAIN.md §3). Totals are sums of the lines' rounded
 * figures, as the engine stores them.
 */
export function DocumentTotals({
  type,
  totals,
  quantityDecimals,
  pricesHidden = false,
}: {
  type: DocumentType;
  totals: Totals;
  quantityDecimals: number;
  /** The document's prices were withheld by the engine (cost figures): its money totals are not shown. */
  pricesHidden?: boolean;
}) {
  const { t } = useTranslation();
  const ui = documentTypeUi[type];
  const quantity =
    totals.quantities
      .map((entry) => `${formatScaled(entry.quantity, quantityDecimals)}${entry.unitName}`)
      .join(' + ') || '0';
  const taxed = carriesTax(type);
  const final = taxed ? totals.amountWithTax : totals.amount;

  return (
    <Flex
      gap={24}
      wrap
      align="center"
      justify="flex-end"
      style={{ padding: '6px 12px', background: '#fafafa', border: '1px solid #f0f0f0', borderTop: 'none' }}
      data-testid="document-totals"
    >
      {!ui.valueOnly && (
        <Figure label={t('document.totals.quantity')} value={quantity} testId="total-quantity" />
      )}
      {showsMoney(type) && !pricesHidden && totals.refused !== null && (
        <Typography.Text type="danger" data-testid="total-refused">
          {totals.refused}
        </Typography.Text>
      )}
      {showsMoney(type) && !pricesHidden && totals.refused === null && (
        <>
          <Figure
            label={t(ui.valueOnly ? 'document.totals.adjustment' : 'document.totals.amount')}
            value={groupedYuan(totals.amount)}
            testId="total-amount"
            strong={!taxed}
          />
          {taxed && (
            <>
              <Figure
                label={t('document.totals.tax')}
                value={groupedYuan(totals.taxAmount)}
                testId="total-tax"
              />
              <Figure
                label={t('document.totals.withTax')}
                value={yuanDisplay(totals.amountWithTax)}
                testId="total-with-tax"
                strong
              />
            </>
          )}
          <Figure
            label={t('document.totals.capitals')}
            value={chineseCapitalAmount(final)}
            testId="total-capitals"
          />
        </>
      )}
    </Flex>
  );
}
