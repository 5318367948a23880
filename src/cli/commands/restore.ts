import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor, LedgerError, type Engine } from '../../engine';

export const restoreUsage = `ledger restore --from 备份文件 [--passphrase 密码] [--yes] [--other-branch]
  不加 --yes 只显示备份的内容（机构、最后一张单据、最后月结、备份时间），不作改动；
  加 --yes 则先把当前账簿另存到备份文件夹，再用备份替换；--other-branch 允许恢复另一机构的备份。`;

function unwrap<T>(response: Awaited<ReturnType<Engine['callAs']>>): T {
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  return response.result as T;
}

/**
 * `ledger restore --from FILE`: the same engine path as the system page (system.restorePreview, then
 * system.restore). A person sees what the backup holds before anything is replaced: the first run previews,
 * and only `--yes` restores.
 */
export async function restoreCommand(engine: Engine, args: string[]): Promise<unknown> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      passphrase: { type: 'string' },
      yes: { type: 'boolean', default: false },
      'other-branch': { type: 'boolean', default: false },
    },
  });
  if (!values.from) throw new LedgerError('VALIDATION', `用法: ${restoreUsage}`);
  const from = path.resolve(values.from);
  const passphrase = values.passphrase ?? null;
  const preview = unwrap<Record<string, unknown>>(
    await engine.callAs(cliActor, 'system.restorePreview', { from, passphrase }),
  );
  if (!values.yes) {
    process.stderr.write('输出的是备份的内容，账簿未作改动。确认恢复请加 --yes 再运行一次。\n');
    return { preview, restored: false };
  }
  const restored = unwrap<Record<string, unknown>>(
    await engine.callAs(cliActor, 'system.restore', {
      from,
      passphrase,
      acknowledged: values['other-branch'],
    }),
  );
  return { preview, restored: true, keptAside: restored.keptAside };
}
