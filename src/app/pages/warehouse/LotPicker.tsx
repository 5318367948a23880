import { AutoComplete } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';

/** Lots reach this far ahead: every lot on hand with an expiry date. */
const everyLot = 3650;

/**
 * The lot a keeper ships, offered from the lots of the goods on hand in the warehouse, soonest expiry
 * first (先到期先出); a lot not offered can still be typed.
 */
export function LotPicker({
  goodsId,
  goodsCode,
  warehouseId,
  value,
  onChange,
  label,
  testId,
}: {
  goodsId: number;
  goodsCode: string;
  warehouseId: number;
  value: string;
  onChange: (lot: string) => void;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const lots = useApiQuery('reports.lotExpiry', { withinDays: everyLot, warehouseId, search: goodsCode });
  const options = (lots.data?.rows ?? [])
    .filter((row) => row.goodsId === goodsId)
    .map((row) => ({
      value: row.lot,
      label: t('warehouseQueue.lotOption', {
        lot: row.lot,
        expiry: row.expiryDate,
        quantity: row.mixedQuantity,
      }),
    }));
  return (
    <AutoComplete
      size="small"
      value={value}
      options={options}
      placeholder={t('warehouseQueue.lotPlaceholder')}
      onChange={onChange}
      popupMatchSelectWidth={360}
      style={{ width: '100%' }}
      aria-label={label}
      data-testid={testId}
    />
  );
}
