import { cliActor, LedgerError, type Engine } from '../../engine';

/** `ledger call <method> '<json>'`: any API method, as user `cli`. */
export async function callCommand(engine: Engine, args: string[]): Promise<unknown> {
  const [method, json = '{}'] = args;
  if (!method)
    throw new LedgerError(
      'VALIDATION',
      "用法: ledger call <方法名> '<JSON 输入>'，例如 ledger call system.info '{}'",
    );
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    throw new LedgerError('VALIDATION', `输入不是有效的 JSON：${json}`);
  }
  const response = await engine.callAs(cliActor, method, input);
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  return response.result;
}
