import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor, LedgerError, type Engine } from '../../engine';
import { systemClock } from '../../engine/services/context';
import {
  previewRestoreOverUnopenable,
  restoreOverUnopenable,
  unopenableReason,
  type UnopenableRefusal,
} from '../../engine/services/system/restore-unopenable';

export const restoreUsage = `ledger restore --from 备份文件 [--passphrase 密码] [--yes] [--other-branch]
  不加 --yes 只显示备份的内容（机构、最后一张单据、最后月结、备份时间），不作改动；
  加 --yes 则先把当前账簿另存到备份文件夹，再用备份替换；--other-branch 允许恢复另一机构的备份。
  当前账簿无法打开（已损坏，或由较新版本写入）时也可恢复：它被原样改名留在原文件夹，不会删除。`;

function unwrap<T>(response: Awaited<ReturnType<Engine['callAs']>>): T {
  if (!response.ok)
    throw new LedgerError(response.error.code, response.error.message, response.error.details);
  return response.result as T;
}

function restoreArguments(args: string[]) {
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
  return {
    from: path.resolve(values.from),
    passphrase: values.passphrase ?? null,
    yes: values.yes,
    acknowledged: values['other-branch'],
  };
}

const previewOnly = '输出的是备份的内容，账簿未作改动。确认恢复请加 --yes 再运行一次。';

/**
 * `ledger restore --from FILE`: the same engine path as the system page (system.restorePreview, then
 * system.restore). A person sees what the backup holds before anything is replaced: the first run previews,
 * and only `--yes` restores.
 */
export async function restoreCommand(engine: Engine, args: string[]): Promise<unknown> {
  const { from, passphrase, yes, acknowledged } = restoreArguments(args);
  const preview = unwrap<Record<string, unknown>>(
    await engine.callAs(cliActor, 'system.restorePreview', { from, passphrase }),
  );
  if (!yes) {
    process.stderr.write(`${previewOnly}\n`);
    return { preview, restored: false };
  }
  const restored = unwrap<Record<string, unknown>>(
    await engine.callAs(cliActor, 'system.restore', { from, passphrase, acknowledged }),
  );
  return { preview, restored: true, keptAside: restored.keptAside };
}

/**
 * `ledger restore` when the engine refuses the ledger in use (damaged, or from a newer app): the engine cannot
 * be opened on it, so the restore goes round it (restore-unopenable.ts), then the caller opens the restored
 * ledger as usual. The person is told what became of the refused file and where it is.
 */
export async function restoreOverUnopenableCommand(
  ledger: { databasePath: string; migrationsFolder: string; refusal: UnopenableRefusal },
  args: string[],
): Promise<{ restored: boolean; preview: unknown; keptAside?: string[] }> {
  const { from, passphrase, yes, acknowledged } = restoreArguments(args);
  const target = {
    databasePath: path.resolve(ledger.databasePath),
    migrationsFolder: ledger.migrationsFolder,
    refusal: ledger.refusal,
    actor: cliActor,
    clock: systemClock,
  };
  // What SQLite found is in the preview's `current.message`; the person first reads what is being done.
  process.stderr.write(
    `当前账簿 ${target.databasePath} 无法打开（${unopenableReason(ledger.refusal)}），恢复时不打开它，直接用备份替换。\n`,
  );
  if (!yes) {
    const preview = await previewRestoreOverUnopenable(target, from, passphrase);
    process.stderr.write(`${previewOnly}恢复时当前文件将原样改名留在原文件夹，不会删除。\n`);
    return { preview, restored: false };
  }
  const { keptAside, ...preview } = await restoreOverUnopenable(target, { from, passphrase, acknowledged });
  process.stderr.write(
    `已从备份 ${from} 恢复到 ${target.databasePath}。\n` +
      `无法打开的原账簿未删除，已原样移到：\n${keptAside.map((file) => `  ${file}`).join('\n')}\n`,
  );
  return { preview, restored: true, keptAside };
}
