import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor, LedgerError, type Engine } from '../../engine';
import type { ApiMethod } from '../../shared/api';

export const uploadUsage = `upload status            上传状态：待上传的包、上次成功、下次尝试、最近的错误
upload run               立即上传（生成新包并按序发送）
upload export --to 文件夹  把未送达总部的上传包导出为文件，带到总部导入`;

async function call(engine: Engine, method: ApiMethod, input: unknown): Promise<unknown> {
  const response = await engine.callAs(cliActor, method, input);
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  return response.result;
}

/** `ledger upload status|run|export --to FOLDER` (UPLOAD.md; the 上传总部 page's three actions). */
export async function uploadCommand(engine: Engine, args: string[]): Promise<unknown> {
  const [action, ...rest] = args;
  if (action === 'status') return call(engine, 'upload.status', {});
  if (action === 'run') return call(engine, 'upload.run', {});
  if (action === 'export') {
    const { values } = parseArgs({ args: rest, options: { to: { type: 'string' } } });
    if (!values.to) throw new LedgerError('VALIDATION', '用法: ledger upload export --to 文件夹');
    return call(engine, 'upload.export', { folder: path.resolve(values.to) });
  }
  throw new LedgerError('VALIDATION', `用法:\n${uploadUsage}`);
}
