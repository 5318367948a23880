import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { parseScaled } from '../../../shared/numbers/decimal';
import { fenScale } from '../../../shared/numbers/scales';
import { yuanDisplay } from '../../../shared/numbers/yuan-display';

/** Yuan text from the engine ("-1234.5") as the page writes money: -¥1,234.50. */
function yuan(text: string): string {
  return yuanDisplay(parseScaled(text, fenScale) ?? 0);
}

/**
 * 信用额度 of the customer on a sale being entered (DOMAIN.md §7): what they owe, what open orders
 * will add and what is left, so the clerk sees before submitting what the engine will warn about.
 * A customer without a limit has nothing to show.
 */
export function CustomerCredit({ counterpartyId }: { counterpartyId: number }) {
  const { t } = useTranslation();
  const credit = useApiQuery('money.credit', { counterpartyId }).data;
  if (!credit || credit.limit === null || credit.available === null) return null;
  const exceeded = (parseScaled(credit.available, fenScale) ?? 0) < 0;
  const figures = [
    { label: t('document.credit.limit'), value: credit.limit },
    { label: t('document.credit.receivable'), value: credit.receivable },
    { label: t('document.credit.openOrders'), value: credit.openOrders },
    // What is left is what matters: in red once the customer is over the limit.
    { label: t('document.credit.available'), value: credit.available, strong: true, danger: exceeded },
  ];
  return (
    // As tall as the fields beside it, so the figures sit on the remark's line.
    <Flex gap={16} wrap align="center" style={{ minHeight: 32 }} data-testid="document-credit">
      {figures.map((figure) => (
        <span key={figure.label} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {figure.label}{' '}
          </Typography.Text>
          <Typography.Text
            strong={figure.strong}
            type={figure.danger ? 'danger' : undefined}
            style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}
          >
            {yuan(figure.value)}
          </Typography.Text>
        </span>
      ))}
    </Flex>
  );
}
