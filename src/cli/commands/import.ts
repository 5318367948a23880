import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor, LedgerError, type Engine } from '../../engine';
import { entityNames } from '../../engine/domain/master-data/entity-specs';
import type { ApiInput, ApiOutput } from '../../shared/api';
import { CommandOutcome } from '../outcome';

export const importUsage = `ledger import <实体> <文件> [--update | --skip-existing] [--valid-only] [--no-create-missing] [--sheet 工作表]
  实体: ${entityNames.join(' | ')}
  --update             已存在的编码按文件更新（默认）
  --skip-existing      已存在的编码跳过
  --valid-only         只导入没有错误的行（默认：有任何错误则全部不导入）
  --no-create-missing  不自动新建缺少的商品类别、办事处、业务员
  openingStock 只解析和检查，打印解析出的各行`;

async function call<M extends 'import.preview' | 'import.commit'>(
  engine: Engine,
  method: M,
  input: ApiInput<M>,
): Promise<ApiOutput<M>> {
  const response = await engine.callAs(cliActor, method, input);
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  return response.result as ApiOutput<M>;
}

/** 期初库存 is parsed, not committed here: the rows as they will be posted, and what is wrong with them. */
function openingStockReport(preview: ApiOutput<'import.preview'>): CommandOutcome {
  const problems = (kind: 'errors' | 'warnings') =>
    preview.rows.flatMap((row) => row[kind].map((problem) => ({ row: row.row, ...problem })));
  const errors = problems('errors');
  return new CommandOutcome(
    {
      rows: preview.rows
        .filter((row) => row.action !== 'error')
        .map((row) => ({ row: row.row, ...row.values })),
      errors,
      warnings: problems('warnings'),
    },
    errors.length > 0 ? 1 : 0,
  );
}

/** `ledger import <entity> <file>`: the import wizard without the screen, as user cli. */
export async function importCommand(engine: Engine, args: string[]): Promise<unknown> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      update: { type: 'boolean', default: false },
      'skip-existing': { type: 'boolean', default: false },
      'valid-only': { type: 'boolean', default: false },
      'no-create-missing': { type: 'boolean', default: false },
      sheet: { type: 'string' },
    },
  });
  const [entity, file] = positionals;
  if (!entity || !file || !(entityNames as string[]).includes(entity)) {
    throw new LedgerError('VALIDATION', `用法: ${importUsage}`);
  }
  if (values.update && values['skip-existing']) {
    throw new LedgerError('VALIDATION', '--update 和 --skip-existing 只能选一个。');
  }
  const filePath = path.resolve(file);
  if (!fs.existsSync(filePath)) throw new LedgerError('NOT_FOUND', `文件 ${filePath} 不存在。`);
  const input = {
    entity: entity as ApiInput<'import.commit'>['entity'],
    fileName: path.basename(filePath),
    contentBase64: fs.readFileSync(filePath).toString('base64'),
    ...(values.sheet ? { sheet: values.sheet } : {}),
    options: {
      existing: values['skip-existing'] ? ('skip' as const) : ('update' as const),
      validOnly: values['valid-only'],
      createMissing: !values['no-create-missing'],
    },
  };
  if (entity === 'openingStock') return openingStockReport(await call(engine, 'import.preview', input));

  const outcome = await call(engine, 'import.commit', input);
  const summary = {
    created: outcome.created,
    updated: outcome.updated,
    skipped: outcome.skipped,
    errors: outcome.errors,
  };
  const nothingCommitted =
    outcome.status === 'refused' || (outcome.errors.length > 0 && outcome.created + outcome.updated === 0);
  return new CommandOutcome(summary, nothingCommitted ? 1 : 0);
}
