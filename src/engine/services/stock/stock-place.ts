import type Database from 'better-sqlite3';
import { prepared } from '../../db/prepared';
import { formatMixedQuantity } from '../../domain/master-data/mixed-units';

/** "商品【鲜牛奶 250ml】【一号仓】批次【A1】", for messages about a stock balance. */
export function describeStockPlace(
  sqlite: Database.Database,
  goodsId: number,
  warehouseId: number,
  lot = '',
): string {
  const goods = prepared(sqlite, 'SELECT name, spec FROM goods WHERE id = ?').get(goodsId) as {
    name: string;
    spec: string;
  };
  const warehouse = prepared(sqlite, 'SELECT name FROM warehouses WHERE id = ?').get(warehouseId) as {
    name: string;
  };
  const label = goods.spec ? `${goods.name} ${goods.spec}` : goods.name;
  return `商品【${label}】在【${warehouse.name}】${lot ? `批次【${lot}】` : ''}`;
}

/** A base quantity in the goods' units, largest first: "5箱3袋". */
export function formatShortfall(sqlite: Database.Database, goodsId: number, baseQuantity: number): string {
  const units = prepared(sqlite, 'SELECT name, ratio FROM goods_units WHERE goods_id = ?').all(goodsId) as {
    name: string;
    ratio: number;
  }[];
  const { quantity_decimals: quantityDecimals } = prepared(
    sqlite,
    'SELECT quantity_decimals FROM branch_profile',
  ).get() as { quantity_decimals: number };
  return formatMixedQuantity(baseQuantity, units, quantityDecimals);
}
