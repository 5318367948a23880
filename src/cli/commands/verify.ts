import { cliActor, LedgerError, type Engine } from '../../engine';
import type { ApiOutput } from '../../shared/api';
import { CommandOutcome } from '../outcome';

type Verification = ApiOutput<'system.verify'>;

/** The verdict in one paragraph, the first broken row named: what a person reads before the details. */
function summaryOf({ ok, audit, stock }: Verification): string {
  if (ok) {
    return (
      `账簿校验通过：审计日志 ${audit.rows} 条、库存流水 ${stock.movements} 条、库存余额 ${stock.balances} 条，` +
      '未发现改动。'
    );
  }
  const broken = audit.firstBroken;
  const auditPart = broken
    ? `审计日志第 ${broken.id} 条（${broken.at}，${broken.action}）：${broken.reason}`
    : `审计日志 ${audit.rows} 条未发现改动。`;
  const [first, ...more] = stock.problems;
  const stockPart = first
    ? `库存账发现 ${stock.problems.length} 处问题${more.length > 0 ? '，第一处' : ''}：${first.message}`
    : `库存账未发现问题。`;
  return `账簿校验未通过。${auditPart}${stockPart}`;
}

/** `ledger verify`: 校验账簿, exiting 1 when anything is broken, for scripts. */
export async function verifyCommand(engine: Engine, args: string[]): Promise<unknown> {
  if (args.length > 0) throw new LedgerError('VALIDATION', '用法: ledger verify（不带参数）');
  const response = await engine.callAs(cliActor, 'system.verify', {});
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  const result = response.result as Verification;
  return new CommandOutcome({ summary: summaryOf(result), ...result }, result.ok ? 0 : 1);
}
