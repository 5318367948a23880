import { Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { chineseCapitalAmount } from '../../../shared/numbers/chinese-amount';
import { readDecimalInput } from '../../../shared/numbers/decimal-input';
import { fenScale } from '../../../shared/numbers/scales';
import { HeaderCell } from './HeaderCell';

/**
 * 金额 of a 收款单 / 付款单, which has no lines: the yuan as typed, and beside it the same in 人民币大写
 * (DOMAIN.md §3) as the printed receipt will say it, so a slipped digit shows while typing.
 */
export function MoneyAmountControl({
  value,
  onChange,
  disabled,
  label,
}: {
  value?: string;
  onChange?: (value: string) => void;
  disabled: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const fen = readDecimalInput((value ?? '').trim(), fenScale);
  return (
    <Flex gap={12} align="center">
      <HeaderCell name="amount">
        <Input
          value={value}
          onChange={(event) => onChange?.(event.target.value)}
          disabled={disabled}
          inputMode="decimal"
          prefix="¥"
          aria-label={label}
          style={{ width: 180 }}
          styles={{ input: { textAlign: 'right' } }}
          data-testid="document-amount"
        />
      </HeaderCell>
      {fen.ok && fen.value > 0 && (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">{t('document.totals.capitals')} </Typography.Text>
          <Typography.Text data-testid="document-amount-capitals">
            {chineseCapitalAmount(fen.value)}
          </Typography.Text>
        </span>
      )}
    </Flex>
  );
}
