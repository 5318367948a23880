import { Form, InputNumber, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../options/useRecordOptions';
import type { GoodsStockLineValues } from './goodsFormValues';

/** Each warehouse's lower and upper stock line, in base units; empty means none. */
function StockLinesGrid({
  value = [],
  onChange,
}: {
  value?: GoodsStockLineValues[];
  onChange?: (next: GoodsStockLineValues[]) => void;
}) {
  const { t } = useTranslation();
  const warehouses = useWarehouses();
  const lineOf = (warehouseId: number) =>
    value.find((line) => line.warehouseId === warehouseId) ?? { warehouseId, lower: null, upper: null };
  const change = (warehouseId: number, bound: 'lower' | 'upper', amount: number | null) =>
    onChange?.([
      ...value.filter((line) => line.warehouseId !== warehouseId),
      { ...lineOf(warehouseId), [bound]: amount },
    ]);

  const boundColumn = (bound: 'lower' | 'upper') => ({
    key: bound,
    title: t(`goods.${bound}`),
    width: 140,
    render: (_: unknown, warehouse: { id: number; name: string }) => (
      <InputNumber
        min={0}
        precision={0}
        value={lineOf(warehouse.id)[bound]}
        onChange={(amount) => change(warehouse.id, bound, amount)}
        aria-label={`${warehouse.name} ${t(`goods.${bound}`)}`}
        style={{ width: '100%' }}
      />
    ),
  });

  const rows = warehouses.data?.rows ?? [];
  if (!warehouses.isPending && rows.length === 0) {
    return <Typography.Text type="secondary">{t('goods.noWarehouses')}</Typography.Text>;
  }
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      loading={warehouses.isPending}
      dataSource={rows}
      rowKey="id"
      style={{ maxWidth: 520 }}
      columns={[
        { key: 'name', title: t('goods.warehouse'), dataIndex: 'name' },
        boundColumn('lower'),
        boundColumn('upper'),
      ]}
    />
  );
}

/** 库存上下限: one line per warehouse. */
export function GoodsStockLinesEditor() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="stockLines"
      label={t('goods.stockLines')}
      labelCol={{ span: 24 }}
      wrapperCol={{ span: 24 }}
    >
      <StockLinesGrid />
    </Form.Item>
  );
}
