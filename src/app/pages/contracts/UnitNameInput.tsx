import { AutoComplete } from 'antd';
import { useApiQuery } from '../../api/useApi';

/**
 * The unit a signed volume or a 货补 is stated in: for one goods, its own units to pick from (箱, 袋);
 * for a category, typed, since each goods of it converts by its own unit of that name.
 */
export function UnitNameInput({
  goodsId,
  value,
  editable,
  onChange,
  testId,
}: {
  goodsId: number | null;
  /** Given by the caller, or by the Form.Item it sits in. */
  value?: string;
  editable: boolean;
  onChange?: (unitName: string) => void;
  testId?: string;
}) {
  const goods = useApiQuery('goods.get', { id: goodsId ?? 0 }, { enabled: goodsId !== null && editable });
  const options = goodsId === null ? [] : (goods.data?.units ?? []).map((unit) => ({ value: unit.name }));
  return (
    <AutoComplete
      value={value}
      options={options}
      disabled={!editable}
      maxLength={10}
      onChange={(text: string) => onChange?.(text)}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
