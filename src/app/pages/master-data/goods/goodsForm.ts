import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/useApi';
import type { EntityFormConfig } from '../../../components/form/entityFormConfig';
import type { OptionSource } from '../../../components/list/entityListConfig';
import {
  blankGoods,
  goodsToValues,
  valuesToGoodsInput,
  type GoodsFormValues,
  type GoodsUnitValues,
} from './goodsFormValues';
import { GoodsStockLinesEditor } from './GoodsStockLinesEditor';
import { GoodsUnitsEditor } from './GoodsUnitsEditor';
import { useCategoryTree } from './useCategoryTree';

const costingMethods = ['moving_average', 'fifo', 'lifo', 'specific', 'monthly_average'] as const;

/** The goods' own units, for its default purchase and sale unit. */
function useUnitOptions(): OptionSource {
  const units = (Form.useWatch<GoodsUnitValues[] | undefined>('units') ?? []) as GoodsUnitValues[];
  const names = [...new Set(units.map((unit) => unit.name.trim()).filter(Boolean))];
  return { options: names.map((name) => ({ value: name, label: name })), loading: false };
}

/** The branch default first; other methods only when the branch lets goods choose their own. */
function useCostingMethodOptions(): OptionSource {
  const { t } = useTranslation();
  const profile = useApiQuery('branch.profile', {});
  const branchDefault = profile.data?.defaultCostingMethod;
  const mayOverride = profile.data?.allowCostingMethodOverride ?? false;
  return {
    loading: profile.isPending,
    options: [
      {
        value: '',
        label: branchDefault
          ? t('goods.costingDefault', { method: t(`profile.options.${branchDefault}`) })
          : t('goods.costingDefaultShort'),
      },
      ...costingMethods.map((method) => ({
        value: method,
        label: t(`profile.options.${method}`),
        disabled: !mayOverride,
      })),
    ],
  };
}

export const goodsForm: EntityFormConfig<GoodsFormValues> = {
  width: 980,
  getMethod: 'goods.get',
  load: async (client, id) => {
    const view = await client.call('goods.get', { id });
    return { values: goodsToValues(view), version: view.version };
  },
  blank: blankGoods,
  save: (client, target, values) =>
    client.call('goods.save', { ...target, goods: valuesToGoodsInput(values) }),
  issuePrefix: ['goods'],
  describe: (values) => `${values.code} ${values.name}`,
  sections: [
    {
      fields: [
        {
          kind: 'text',
          name: 'code',
          label: 'goods.code',
          required: true,
          maxLength: 30,
          autoFocus: true,
          span: 8,
        },
        { kind: 'text', name: 'name', label: 'goods.name', required: true, maxLength: 60, span: 8 },
        {
          kind: 'text',
          name: 'spec',
          label: 'goods.spec',
          maxLength: 60,
          span: 8,
          placeholder: 'goods.specPlaceholder',
        },
        { kind: 'tree', name: 'categoryPath', label: 'goods.category', useOptions: useCategoryTree, span: 8 },
        { kind: 'text', name: 'brand', label: 'goods.brand', maxLength: 30, span: 8 },
        { kind: 'decimal', name: 'taxRate', label: 'goods.taxRate', suffix: 'common.percent', span: 8 },
      ],
    },
    {
      title: 'goods.sectionUnits',
      fields: [
        { kind: 'custom', key: 'units', component: GoodsUnitsEditor },
        {
          kind: 'select',
          name: 'defaultPurchaseUnit',
          label: 'goods.defaultPurchaseUnit',
          useOptions: useUnitOptions,
          placeholder: 'goods.defaultUnitPlaceholder',
          span: 8,
        },
        {
          kind: 'select',
          name: 'defaultSaleUnit',
          label: 'goods.defaultSaleUnit',
          useOptions: useUnitOptions,
          placeholder: 'goods.defaultUnitPlaceholder',
          span: 8,
        },
        {
          kind: 'switch',
          name: 'baseUnitIndivisible',
          label: 'goods.baseUnitIndivisible',
          extra: 'goods.baseUnitIndivisibleHelp',
          span: 8,
        },
      ],
    },
    {
      title: 'goods.sectionStock',
      fields: [
        { kind: 'switch', name: 'lotTracked', label: 'goods.lotTracked', span: 8 },
        {
          kind: 'integer',
          name: 'shelfLifeDays',
          label: 'goods.shelfLifeDays',
          min: 1,
          suffix: 'common.days',
          enabledWhen: { field: 'lotTracked', is: (value) => value === true },
          span: 8,
        },
        {
          kind: 'select',
          name: 'costingMethod',
          label: 'goods.costingMethod',
          useOptions: useCostingMethodOptions,
          allowClear: false,
          span: 8,
        },
        { kind: 'custom', key: 'stockLines', component: GoodsStockLinesEditor },
      ],
    },
    {
      title: 'form.sectionOther',
      fields: [
        {
          kind: 'switch',
          name: 'active',
          label: 'fields.active',
          checked: 'list.active',
          unchecked: 'list.disabled',
          span: 8,
        },
        { kind: 'textarea', name: 'remark', label: 'fields.remark', maxLength: 200, span: 16 },
      ],
    },
  ],
};
