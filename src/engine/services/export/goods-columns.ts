import { goodsSpec } from '../../domain/master-data/goods-spec';
import type { listGoods } from '../master-data/goods-list';
import { integer, percent, specColumn, text, timestamp, yesNo, type ExportColumn } from './export-column';

type GoodsListRow = ReturnType<typeof listGoods>['rows'][number];

/** The goods list's columns, in the list's default order; the clerk picks and orders them. */
export const goodsColumns: ExportColumn<GoodsListRow>[] = [
  specColumn(goodsSpec, 'code', (row) => text(row.code)),
  specColumn(goodsSpec, 'name', (row) => text(row.name)),
  specColumn(goodsSpec, 'spec', (row) => text(row.spec)),
  specColumn(goodsSpec, 'category', (row) => text(row.categoryPath)),
  specColumn(goodsSpec, 'brand', (row) => text(row.brand)),
  specColumn(goodsSpec, 'baseUnit', (row) => text(row.baseUnit)),
  { key: 'units', label: '单位换算', width: 22, cell: (row) => text(row.units) },
  specColumn(goodsSpec, 'baseBarcode', (row) => text(row.baseBarcode)),
  { key: 'barcodes', label: '全部条码', width: 30, cell: (row) => text(row.barcodes) },
  specColumn(goodsSpec, 'taxRate', (row) => percent(row.taxRate)),
  specColumn(goodsSpec, 'shelfLifeDays', (row) => integer(row.shelfLifeDays)),
  specColumn(goodsSpec, 'lotTracked', (row) => yesNo(goodsSpec, 'lotTracked', row.lotTracked)),
  specColumn(goodsSpec, 'active', (row) => yesNo(goodsSpec, 'active', row.active)),
  { key: 'updatedAt', label: '修改时间', width: 17, cell: (row) => timestamp(row.updatedAt) },
];
