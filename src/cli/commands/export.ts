import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor, LedgerError, type Engine } from '../../engine';
import type { ApiInput, ApiOutput } from '../../shared/api';

const exportEntities = ['goods', 'counterparties', 'warehouses', 'offices', 'employees'] as const;
type ExportEntity = (typeof exportEntities)[number];

export const exportUsage = `ledger export <实体> <文件.xlsx> [--search 文字]
  实体: ${exportEntities.join(' | ')}`;
export const templateUsage = `ledger template <实体> <文件.xlsx>
  实体: ${[...exportEntities, 'openingStock'].join(' | ')}`;

function writeDownload(target: string, file: { contentBase64: string }): string {
  const filePath = path.resolve(target);
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, Buffer.from(file.contentBase64, 'base64'));
  return filePath;
}

async function call<M extends 'export.list' | 'import.template'>(
  engine: Engine,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const response = await engine.callAs(cliActor, method, input);
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  return response.result as ApiOutput<M>;
}

/** `ledger export <entity> <file.xlsx>`: the whole list (or what a search finds), every column. */
export async function exportCommand(engine: Engine, args: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { search: { type: 'string' } },
  });
  const [entity, target] = positionals;
  if (!entity || !target || !(exportEntities as readonly string[]).includes(entity)) {
    throw new LedgerError('VALIDATION', `用法: ${exportUsage}`);
  }
  const query = values.search ? { search: values.search } : {};
  const file = await call(engine, 'export.list', { entity: entity as ExportEntity, query, columns: [] });
  return { path: writeDownload(target, file), rows: file.rows };
}

/** `ledger template <entity> <file.xlsx>`: the import template with its notes sheet. */
export async function templateCommand(engine: Engine, args: string[]): Promise<unknown> {
  const [entity, target] = args;
  if (!entity || !target || ![...exportEntities, 'openingStock'].includes(entity)) {
    throw new LedgerError('VALIDATION', `用法: ${templateUsage}`);
  }
  const file = await call(engine, 'import.template', {
    entity: entity as ApiInput<'import.template'>['entity'],
  });
  return { path: writeDownload(target, file) };
}
