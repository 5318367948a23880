import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor, LedgerError, type Engine } from '../../engine';
import { parseTemplateFile } from '../../engine/services/printing/print-template';
import type { ApiOutput } from '../../shared/api';

export const printUsage = `ledger print <单号> [<单号> …] --to 文件.pdf [--template 模板.json]`;

/**
 * `ledger print <number> … --to out.pdf`: the documents as they print, on their default or a given template,
 * one after another in one file; each print is kept in the document's events, as from the app.
 */
export async function printCommand(engine: Engine, args: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, template: { type: 'string' } },
  });
  if (positionals.length === 0 || !values.to) throw new LedgerError('VALIDATION', `用法: ${printUsage}`);
  let template: unknown;
  if (values.template) {
    let text: string;
    try {
      text = fs.readFileSync(values.template, 'utf8');
    } catch (error) {
      throw new LedgerError(
        'VALIDATION',
        `读不了打印模板【${values.template}】：${(error as Error).message}`,
      );
    }
    template = parseTemplateFile(text, path.basename(values.template));
  }
  const response = await engine.callAs(cliActor, 'print.document', { numbers: positionals, template });
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  const file = response.result as ApiOutput<'print.document'>;
  const target = path.resolve(values.to);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, Buffer.from(file.contentBase64, 'base64'));
  return { path: target, pages: file.pages };
}
