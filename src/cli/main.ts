import { openEngine, sourceAppVersion, sourceMigrationsFolder, LedgerError, type Engine } from '../engine';
import { backupCommand } from './commands/backup';
import { callCommand } from './commands/call';
import { initCommand, initUsage } from './commands/init';
import { printFailure, printResult } from './output';

const usage = `分支账簿命令行 — Branch Ledger CLI
用法: npm run ledger -- [--db 数据库文件] <命令> …   （或 npx ledger …）
  call <方法名> '<JSON>'   调用任一接口方法，打印 JSON 结果
  init …                   新建机构和管理员：${initUsage.replace(/\n/g, '\n                           ')}
  backup --to 文件          在线备份数据库
  migrate                  把数据库升级到本程序的结构版本（升级前自动备份）
--db 默认为 ./data/ledger.db。命令行在审计日志中记为用户 cli。`;

type Command = (engine: Engine, args: string[]) => Promise<unknown>;

const commands: Record<string, Command> = {
  call: callCommand,
  init: initCommand,
  backup: backupCommand,
  // Opening the engine migrates; what is left is to say what happened.
  migrate: async (engine) => engine.migration,
};

/** Splits the global `--db` from the command and its own arguments. */
function splitArguments(argv: string[]): { db: string; command: string | undefined; rest: string[] } {
  let db = './data/ledger.db';
  const remaining = [...argv];
  while (remaining[0]?.startsWith('--db')) {
    const flag = remaining.shift()!;
    db = flag.includes('=') ? flag.slice('--db='.length) : (remaining.shift() ?? db);
  }
  const [command, ...rest] = remaining;
  return { db, command, rest };
}

async function main(): Promise<void> {
  const { db, command, rest } = splitArguments(process.argv.slice(2));
  const run = command ? commands[command] : undefined;
  if (!run) {
    process.stderr.write(`${usage}\n`);
    process.exit(command && command !== 'help' && command !== '--help' ? 1 : 0);
  }
  const engine = await openEngine({
    databasePath: db,
    migrationsFolder: sourceMigrationsFolder,
    appVersion: sourceAppVersion(),
  });
  try {
    printResult(await run(engine, rest));
  } finally {
    engine.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof LedgerError) printFailure(error.toApiError());
  printFailure({ code: 'INTERNAL', message: (error as Error).message ?? String(error) });
});
