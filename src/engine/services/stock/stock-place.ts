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

/**
 * A costing scope (`g:<goods>`, `g:<goods>:w:<warehouse>`, either with `:l:<lot>`) in words, never its
 * key: "商品【鲜牛奶】在【一号仓】批次【A1】".
 */
export function describeScope(sqlite: Database.Database, scope: string): string {
  const match = /^g:(\d+)(?::w:(\d+))?(?::l:(.*))?$/.exec(scope);
  if (!match) return '库存';
  const goodsId = Number(match[1]);
  const lot = match[3] ?? '';
  if (match[2] !== undefined) return describeStockPlace(sqlite, goodsId, Number(match[2]), lot);
  const goods = prepared(sqlite, 'SELECT name, spec FROM goods WHERE id = ?').get(goodsId) as
    { name: string; spec: string } | undefined;
  const label = goods ? (goods.spec ? `${goods.name} ${goods.spec}` : goods.name) : String(goodsId);
  return `商品【${label}】${lot ? `批次【${lot}】` : ''}`;
}

/**
 * A receipt layer (FIFO / LIFO / specific identification) in words: the lot it is, or the receipt line
 * it came from ("入库单 CR20261105-0001 第 2 行"), never its key.
 */
export function describeLayer(sqlite: Database.Database, layer: string): string {
  if (layer.startsWith('lot:')) return `批次【${layer.slice(4)}】`;
  const line = /^line:(\d+)$/.exec(layer);
  if (line) {
    const row = prepared(
      sqlite,
      'SELECT d.number, l.line_no FROM document_lines l JOIN documents d ON d.id = l.document_id WHERE l.id = ?',
    ).get(Number(line[1])) as { number: string; line_no: number } | undefined;
    if (row) return `（入库单 ${row.number} 第 ${row.line_no} 行）`;
  }
  return '';
}
