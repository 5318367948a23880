import type { ApiOutput } from '../../../../shared/api';
import { commonColumns } from '../../../components/list/commonColumns';
import type { EntityListConfig, ListQuery } from '../../../components/list/entityListConfig';
import { listQueryInput } from '../../../components/list/listQueryInput';
import type { GoodsFormValues } from './goodsFormValues';
import { goodsForm } from './goodsForm';
import { useCategoryTree } from './useCategoryTree';

type GoodsRow = ApiOutput<'goods.list'>['rows'][number];
type GoodsSort = 'code' | 'name' | 'updatedAt';
interface GoodsFilters {
  categoryPath: string;
}

const goodsQuery = (query: ListQuery<GoodsFilters, GoodsSort>) => ({
  ...listQueryInput(query),
  categoryPath: query.filters.categoryPath,
});

/** 商品: searched by code, name, any unit's barcode and pinyin initials; filtered by category. */
export const goodsList: EntityListConfig<GoodsRow, GoodsFilters, GoodsSort, GoodsFormValues> = {
  entity: 'goods',
  noun: 'nouns.goods',
  title: 'page.goods',
  listMethod: 'goods.list',
  fetchWindow: (client, query, window) => client.call('goods.list', { ...goodsQuery(query), ...window }),
  exportList: (client, query, columns) =>
    client.call('export.list', { entity: 'goods', query: goodsQuery(query), columns }),
  searchPlaceholder: 'goods.searchPlaceholder',
  filters: [
    { key: 'categoryPath', label: 'goods.category', kind: 'tree', width: 170, useOptions: useCategoryTree },
  ],
  columns: [
    commonColumns.code('goods.code', 'code', 100),
    commonColumns.name('goods.name', 'name', 140),
    { key: 'spec', title: 'goods.spec', width: 110 },
    { key: 'category', title: 'goods.category', width: 120, render: (row) => row.categoryPath },
    { key: 'brand', title: 'goods.brand', width: 64 },
    { key: 'baseUnit', title: 'goods.baseUnit', width: 80, align: 'center' },
    { key: 'units', title: 'goods.units', width: 170 },
    { key: 'baseBarcode', title: 'goods.baseBarcode', width: 124 },
    { key: 'barcodes', title: 'goods.barcodes', width: 220, hiddenByDefault: true },
    { key: 'taxRate', title: 'goods.taxRate', width: 60, align: 'right' },
    { key: 'shelfLifeDays', title: 'goods.shelfLifeDays', width: 84, align: 'right' },
    { key: 'lotTracked', title: 'goods.lotTracked', width: 72, align: 'center', hiddenByDefault: true },
    commonColumns.active(),
    commonColumns.updatedAt('updatedAt'),
  ],
  form: goodsForm,
};
