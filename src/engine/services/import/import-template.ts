import { entitySpecs, type EntityName } from '../../domain/master-data/entity-specs';
import type { EntitySpec, FieldSpec } from '../../domain/master-data/field-spec';
import { writeWorkbook } from '../export/workbook';

/** The required mark on a template header; the importer strips it when matching (header-text.ts). */
export const requiredMark = '*';

const formatOf: Record<FieldSpec['type'], string> = {
  text: '文本',
  integer: '整数',
  money: '金额（元），最多两位小数，可写 ¥ 和千位分隔符：¥12,345.60',
  price: '单价（元），最多六位小数：38.40',
  ratio: '数字，可有小数：24',
  percent: '百分比：13% 或 13',
  boolean: '是 / 否',
  date: '日期：2026-03-04、2026/3/4 或 2026年3月4日',
  enum: '从可选值中选一个',
};

function formatText(field: FieldSpec): string {
  if (field.type === 'boolean' && field.options) return `${field.options.true} / ${field.options.false}`;
  if (field.type === 'enum' && field.options) return `可选：${Object.values(field.options).join('、')}`;
  return formatOf[field.type];
}

/** Excel counts a Chinese character as two columns of width. */
function displayWidth(text: string): number {
  return [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0xff ? 2 : 1), 0);
}

const generalNotes = [
  `列名前带 ${requiredMark} 的列必须填写。`,
  '第一行是列名，从第二行起每行一条记录；列名上方可以有标题行，表格下方可以有以“注：”开头的说明。',
  '列的顺序可以调整，多余的列会被忽略；导入时可以重新指定每一列对应的项目。',
  '编码已存在的记录按选项更新或跳过；更新时空白单元格保留原来的值。',
];

/**
 * 导入模板: the entity's columns with Chinese headers (required ones marked *), an example row, a
 * frozen header, and a 说明 sheet with each column's format and notes.
 */
export function importTemplate(entity: EntityName): { fileName: string; content: Buffer } {
  const spec = entitySpecs[entity];
  return {
    fileName: `${spec.label.replace(/\//g, '和')}导入模板.xlsx`,
    content: templateWorkbook(spec, [spec.fields.map((field) => field.example || null)]),
  };
}

/**
 * A template's workbook with the rows given (the example row, or rows prefilled for an office) and notes
 * of the template's own after the general ones.
 */
export function templateWorkbook(
  spec: EntitySpec,
  rows: (string | null)[][],
  notes: readonly string[] = [],
): Buffer {
  const headers = spec.fields.map((field) =>
    field.required ? `${requiredMark}${field.label}` : field.label,
  );
  return writeWorkbook([
    {
      name: spec.label.replace(/[\\/?*[\]:]/g, '和'),
      columns: spec.fields.map((field, index) => ({
        header: headers[index]!,
        width: Math.max(field.width ?? 12, displayWidth(headers[index]!) + 2),
      })),
      rows,
      freezeHeader: true,
    },
    {
      name: '说明',
      columns: [
        { header: '列名', width: 22 },
        { header: '必填', width: 6 },
        { header: '格式', width: 40 },
        { header: '说明', width: 60 },
      ],
      rows: [
        ...spec.fields.map((field) => [
          field.label,
          field.required ? '是' : '',
          formatText(field),
          [field.note, field.synonyms?.length ? `也可写作：${field.synonyms.join('、')}` : '']
            .filter(Boolean)
            .join('。'),
        ]),
        [],
        ...[...generalNotes, ...notes].map((note) => ['', '', '', note]),
      ],
      freezeHeader: true,
    },
  ]);
}
