import { z } from 'zod';
import { paperNames } from '../../domain/printing/paper';
import { LedgerError } from '../../../shared/ledger-error';

/**
 * A print template: declarative, so no template a user makes or imports runs code. It picks and orders
 * the header fields and line columns its printable offers (printables.ts), their widths and alignment,
 * the paper, and the options every printed table has: 页小计, 承前页 / 过次页, the total in 大写,
 * quantities in mixed units or in the line's unit, the signature boxes, and the 联次 copies.
 */
/** What a template lays out: a document (单据), or an annual agreement (合同). */
export const printables = ['document', 'contract'] as const;
export type Printable = (typeof printables)[number];
const printableLabels: Readonly<Record<Printable, string>> = { document: '单据', contract: '合同' };

export const printTemplateSchema = z.object({
  printable: z.enum(printables),
  name: z.string().trim().min(1, '模板名称不能为空').max(40),
  paper: z.enum(paperNames, { error: `纸张应为 ${paperNames.join(' / ')} 之一` }),
  marginsMm: z.object({
    top: z.number().min(0).max(50),
    right: z.number().min(0).max(50),
    bottom: z.number().min(0).max(50),
    left: z.number().min(0).max(50),
  }),
  fields: z.array(z.string()),
  fieldsPerRow: z.number().int().min(1).max(6),
  /** The size of the text, in points (9 when not given): larger for old eyes, smaller to fit a column more. */
  fontPt: z.number().min(7, '字号不能小于 7 磅').max(14, '字号不能大于 14 磅').optional(),
  /** At most this many lines a page: a form with pre-printed rows (8 rows on a 241 × 93 slip). */
  rowsPerPage: z.number().int().min(1, '每页行数至少为 1').max(200).optional(),
  /** The least height of a line: taller on a sheet written on by hand (a count sheet). */
  minRowMm: z.number().min(4).max(30).optional(),
  columns: z
    .array(
      z.object({
        field: z.string(),
        /** The column's heading when not the field's own (实盘数量 for a count sheet's quantity). */
        label: z.string().trim().min(1).max(20).optional(),
        widthMm: z.number().positive().max(400),
        align: z.enum(['left', 'center', 'right']).optional(),
      }),
    )
    .min(1, '模板至少要有一列'),
  /** The columns summed on 页小计, 承前页 / 过次页 and the total row. */
  totals: z.array(z.string()),
  pageSubtotal: z.boolean(),
  carry: z.boolean(),
  capitalAmount: z.boolean(),
  quantity: z.enum(['mixed', 'line-unit']),
  signatures: z.array(z.string()),
  copies: z.array(z.string().trim().min(1).max(10)).max(6),
});
export type PrintTemplate = z.infer<typeof printTemplateSchema>;

/** What a printable offers a template: its header fields, line columns and signature boxes, by key. */
export interface TemplateFields {
  printable: Printable;
  header: Readonly<Record<string, string>>;
  columns: Readonly<Record<string, { label: string; align: 'left' | 'center' | 'right'; totalled: boolean }>>;
  signatures: Readonly<Record<string, string>>;
}

/**
 * A template as a file or a request gives it, checked against what its printable offers: each
 * refusal names where (字段 2, 列 3 …) and what is wrong, in Chinese.
 */
export function checkTemplate(input: unknown, offered: TemplateFields): PrintTemplate {
  const parsed = printTemplateSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LedgerError(
      'VALIDATION',
      `打印模板有误（${issue.path.join('.') || '模板'}）：${issue.message}`,
    );
  }
  const template = parsed.data;
  if (template.printable !== offered.printable) {
    throw new LedgerError(
      'VALIDATION',
      `打印模板【${template.name}】是${printableLabels[template.printable]}的模板，不能用来打印${printableLabels[offered.printable]}。`,
    );
  }
  const unknown = (what: string, list: readonly string[], known: Readonly<Record<string, unknown>>) =>
    list.forEach((key, index) => {
      if (!Object.hasOwn(known, key))
        throw new LedgerError(
          'VALIDATION',
          `打印模板有误：${what}第 ${index + 1} 项【${key}】不是可选的字段。`,
        );
    });
  unknown('表头字段', template.fields, offered.header);
  unknown(
    '明细列',
    template.columns.map((column) => column.field),
    offered.columns,
  );
  unknown('签字栏', template.signatures, offered.signatures);
  template.totals.forEach((key, index) => {
    if (!template.columns.some((column) => column.field === key) || !offered.columns[key]?.totalled)
      throw new LedgerError(
        'VALIDATION',
        `打印模板有误：合计列第 ${index + 1} 项【${key}】不是模板中可合计的列。`,
      );
  });
  return template;
}

/** What the JSON parser's complaints mean, in the words of someone fixing the file by hand. */
const jsonComplaints: readonly [RegExp, string][] = [
  [/Expected ',' or '}'/, '此处缺少英文逗号或 }'],
  [/Expected ',' or ']'/, '此处缺少英文逗号或 ]'],
  [/Expected (double-quoted )?property name/, '属性名应使用英文双引号（也可能是多了一个逗号）'],
  [/Unexpected end of JSON input/, '文件提前结束，缺少 } 或 ]'],
  [
    /Unexpected token|Unexpected non-whitespace character/,
    '此处有无法识别的字符（中文引号、注释或多余的内容）',
  ],
  [/Bad control character|Unterminated string/, '字符串未用英文双引号闭合'],
];

/**
 * A template file's text as JSON, or a refusal that says where it breaks, by line and column (the
 * parser names only a character position), and what is wrong there.
 */
export function parseTemplateFile(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      where = `第 ${line} 行第 ${before.length - before.lastIndexOf('\n')} 列：`;
    } else if (/Unexpected end of JSON input/.test(message)) {
      where = `第 ${text.split('\n').length} 行（文件末尾）：`;
    }
    const meaning = jsonComplaints.find(([pattern]) => pattern.test(message))?.[1] ?? message;
    throw new LedgerError('VALIDATION', `打印模板【${fileName}】不是有效的 JSON，${where}${meaning}。`);
  }
}
