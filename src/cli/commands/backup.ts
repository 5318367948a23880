import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor, LedgerError, type Engine } from '../../engine';

/** `ledger backup --to FILE [--passphrase P]`: an online backup of the branch database, encrypted with P. */
export async function backupCommand(engine: Engine, args: string[]): Promise<unknown> {
  const { values } = parseArgs({ args, options: { to: { type: 'string' }, passphrase: { type: 'string' } } });
  if (!values.to)
    throw new LedgerError('VALIDATION', '用法: ledger backup --to 备份文件路径 [--passphrase 密码]');
  const response = await engine.callAs(cliActor, 'system.backup', {
    to: path.resolve(values.to),
    passphrase: values.passphrase ?? null,
  });
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  return response.result;
}
