import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor, LedgerError, type Engine } from '../../engine';
import { parseTemplateFile } from '../../engine/services/printing/print-template';
import type { ApiOutput } from '../../shared/api';
import { isReportName, reportCommand } from './report';

export const printUsage = `ledger print <单号> [<单号> …] --to 文件.pdf [--template 模板.json | 模板名称]
       ledger print <报表> [报表的选项] --to 文件.pdf（同 ledger report <报表> --format pdf --out 文件.pdf）`;

/**
 * `ledger print <number> … --to out.pdf`: the documents as they print, on their default or a given template,
 * one after another in one file; each print is kept in the document's events, as from the app. The template
 * is a file (a bare template, or one exported from 打印模板) or the name of one the branch has or ships.
 * `ledger print <report> … --to out.pdf` prints a report's table, as the report page's 打印.
 */
export async function printCommand(engine: Engine, args: string[]): Promise<unknown> {
  // A report prints as its table, with the report's own options: `--to` is the report command's `--out`.
  if (isReportName(args[0])) {
    return reportCommand(engine, [
      ...args.map((arg) => (arg === '--to' ? '--out' : arg.replace(/^--to=/, '--out='))),
      '--format',
      'pdf',
    ]);
  }
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, template: { type: 'string' } },
  });
  if (positionals.length === 0 || !values.to) throw new LedgerError('VALIDATION', `用法: ${printUsage}`);
  const choice = values.template === undefined ? {} : await templateChoice(engine, values.template);
  const response = await engine.callAs(cliActor, 'print.document', { numbers: positionals, ...choice });
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  const file = response.result as ApiOutput<'print.document'>;
  const target = path.resolve(values.to);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, Buffer.from(file.contentBase64, 'base64'));
  return { path: target, pages: file.pages };
}

/** `--template`: a file when one is there (or the name ends in .json), else a template by its name. */
async function templateChoice(
  engine: Engine,
  given: string,
): Promise<{ template?: unknown; templateId?: number; templateKey?: string }> {
  if (given.toLowerCase().endsWith('.json') || fs.existsSync(given)) {
    let text: string;
    try {
      text = fs.readFileSync(given, 'utf8');
    } catch (error) {
      throw new LedgerError('VALIDATION', `读不了打印模板【${given}】：${(error as Error).message}`);
    }
    const parsed = parseTemplateFile(text.replace(/^\uFEFF/, ''), path.basename(given));
    // A file exported from 打印模板 carries the template inside its envelope.
    const inside =
      typeof parsed === 'object' && parsed !== null && 'format' in parsed && 'template' in parsed
        ? (parsed as { template: unknown }).template
        : parsed;
    return { template: inside };
  }
  const response = await engine.callAs(cliActor, 'printTemplates.list', {});
  if (!response.ok) throw new LedgerError(response.error.code, response.error.message);
  const { stored, shipped } = response.result as ApiOutput<'printTemplates.list'>;
  const own = stored.find((one) => one.name === given);
  if (own) return { templateId: own.id };
  const ours = shipped.find((one) => one.name === given || one.key === given);
  if (ours) return { templateKey: ours.key };
  throw new LedgerError(
    'NOT_FOUND',
    `没有名为【${given}】的打印模板。可用的有：${[...stored, ...shipped].map((one) => one.name).join('、')}。`,
  );
}
