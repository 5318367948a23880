import { Form, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { cellItem, FormListTable } from '../../../components/form/FormListTable';
import { blankUnit, describeUnit, type GoodsUnitValues } from './goodsFormValues';

const prices = ['purchasePrice', 'salePrice', 'retailPrice', 'minSalePrice'] as const;

/**
 * 多单位: the goods' units edited in place — the base unit first with its ratio fixed at 1, then
 * each further unit with its ratio, barcode and prices, and "1 箱 = 24 袋" as it is typed.
 */
export function GoodsUnitsEditor() {
  const { t } = useTranslation();
  const units = (Form.useWatch<GoodsUnitValues[] | undefined>('units') ?? []) as GoodsUnitValues[];
  const baseName = units[0]?.name ?? '';

  return (
    <FormListTable
      name="units"
      testId="units-editor"
      newRow={() => blankUnit(false)}
      addLabel="goods.addUnit"
      help="goods.unitsHelp"
      // The base unit is the first row and stays: every goods has exactly one.
      canRemove={(field) => field.name !== 0}
      columns={[
        {
          key: 'name',
          title: 'goods.unitName',
          width: 84,
          render: (field) => (
            <Form.Item
              {...cellItem}
              name={[field.name, 'name']}
              rules={[{ required: true, whitespace: true, message: t('goods.unitNameRequired') }]}
            >
              <Input
                maxLength={10}
                aria-label={t('goods.unitName')}
                placeholder={t(field.name === 0 ? 'goods.baseUnitPlaceholder' : 'goods.unitPlaceholder')}
              />
            </Form.Item>
          ),
        },
        {
          key: 'ratio',
          title: 'goods.unitRatio',
          width: 112,
          render: (field) =>
            field.name === 0 ? (
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('goods.baseUnit')}
              </Tag>
            ) : (
              <Form.Item
                {...cellItem}
                name={[field.name, 'ratio']}
                rules={[{ required: true, whitespace: true, message: t('goods.unitRatioRequired') }]}
              >
                <Input inputMode="decimal" aria-label={t('goods.unitRatio')} placeholder="24" />
              </Form.Item>
            ),
        },
        {
          key: 'meaning',
          title: 'goods.unitMeaning',
          width: 120,
          render: (field) =>
            field.name === 0 ? (
              <Typography.Text type="secondary">{t('goods.baseUnitMeaning')}</Typography.Text>
            ) : (
              <Typography.Text strong data-testid="unit-ratio-line">
                {describeUnit(units[field.name] ?? blankUnit(false), baseName)}
              </Typography.Text>
            ),
        },
        {
          key: 'barcode',
          title: 'goods.unitBarcode',
          width: 150,
          render: (field) => (
            <Form.Item {...cellItem} name={[field.name, 'barcode']}>
              <Input maxLength={32} aria-label={t('goods.unitBarcode')} />
            </Form.Item>
          ),
        },
        ...prices.map((price) => ({
          key: price,
          title: `goods.${price}` as const,
          width: 92,
          render: (field: { name: number }) => (
            <Form.Item {...cellItem} name={[field.name, price]}>
              <Input inputMode="decimal" aria-label={t(`goods.${price}`)} style={{ textAlign: 'right' }} />
            </Form.Item>
          ),
        })),
      ]}
    />
  );
}
