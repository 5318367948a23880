/**
 * The columns of a master-data entity as people meet them: in lists, exports, Excel templates and
 * imports. One description per entity serves all four, so a column is named the same everywhere.
 */
export type FieldType =
  | 'text'
  | 'integer'
  /** Scaled decimals: money in fen, prices in millionths, ratios in millionths, rates in basis points. */
  | 'money'
  | 'price'
  | 'ratio'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'enum';

export interface FieldSpec {
  key: string;
  /** The column header in templates and exports, and the label in lists. */
  label: string;
  type: FieldType;
  required?: boolean;
  /** Other headers that mean this column in files from head office and offices (商品编码 / 编码 / 货号 …). */
  synonyms?: readonly string[];
  /** For enum fields: stored value → what people write. */
  options?: Readonly<Record<string, string>>;
  /** The template's example row. */
  example?: string;
  /** A line in the template's notes sheet. */
  note?: string;
  /** Column width in characters for exports. */
  width?: number;
}

export interface EntitySpec {
  entity: string;
  /** 商品, 客户 … as in "导入商品". */
  label: string;
  fields: readonly FieldSpec[];
}

export function fieldOf(spec: EntitySpec, key: string): FieldSpec {
  const field = spec.fields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`${spec.entity} has no field ${key}`);
  return field;
}
