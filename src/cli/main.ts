import { openEngine, sourceAppVersion, sourceMigrationsFolder, LedgerError, type Engine } from '../engine';
import { backupCommand } from './commands/backup';
import { callCommand } from './commands/call';
import { demoCommand, demoUsage } from './commands/demo';
import { exportCommand, exportUsage, templateCommand, templateUsage } from './commands/export';
import { importCommand, importUsage } from './commands/import';
import { initCommand, initUsage } from './commands/init';
import { printCommand, printUsage } from './commands/print';
import { reportCommand, reportUsage } from './commands/report';
import { isUnopenableLedger } from '../engine/services/system/restore-unopenable';
import { restoreCommand, restoreOverUnopenableCommand, restoreUsage } from './commands/restore';
import { uploadCommand, uploadUsage } from './commands/upload';
import { verifyCommand } from './commands/verify';
import { CommandOutcome } from './outcome';
import { printFailure, printResult } from './output';

/** Continues a command's own usage text under its line in the overview. */
function indent(text: string): string {
  return text.replace(/\n/g, '\n                           ');
}

const usage = `分支账簿命令行 — Branch Ledger CLI
用法: npm run ledger -- [--db 数据库文件] <命令> …   （或 npx ledger …）
  call <方法名> '<JSON>'   调用任一接口方法，打印 JSON 结果
  init …                   新建机构和管理员：${indent(initUsage)}
  backup --to 文件 [--passphrase 密码]  在线备份数据库（给密码则加密）
  restore …                从备份恢复：${indent(restoreUsage)}
  import …                 从 Excel / CSV 导入：${indent(importUsage)}
  export …                 把列表导出为 Excel：${indent(exportUsage)}
  template …               下载导入模板：${indent(templateUsage)}
  report …                 报表：库存、对账单、账龄、毛利（CSV / JSON）：${indent(reportUsage)}
  print …                  把单据打印成 PDF（与打印预览同一份）：${indent(printUsage)}
  migrate                  把数据库升级到本程序的结构版本（升级前自动备份）
  verify                   校验账簿：审计日志与库存流水的哈希链、库存余额与流水合计；
                           指出第一条被改动的记录，有问题时退出码为 1
  demo …                   生成演示机构及其两年单据：${indent(demoUsage)}
  upload …                 上传总部：${indent(uploadUsage)}
--db 默认为 ./data/ledger.db。命令行在审计日志中记为用户 cli。`;

type Command = (engine: Engine, args: string[]) => Promise<unknown>;

const commands: Record<string, Command> = {
  call: callCommand,
  init: initCommand,
  backup: backupCommand,
  restore: restoreCommand,
  import: importCommand,
  export: exportCommand,
  template: templateCommand,
  report: reportCommand,
  print: printCommand,
  demo: demoCommand,
  verify: verifyCommand,
  upload: uploadCommand,
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
  const options = {
    databasePath: db,
    migrationsFolder: sourceMigrationsFolder,
    appVersion: sourceAppVersion(),
  };
  let engine: Engine;
  try {
    engine = await openEngine(options);
  } catch (error) {
    // A ledger the engine refuses (damaged, or from a newer app) is what a restore is for: it goes round the
    // engine, and the restored ledger is then opened as usual, so what is printed is known to open.
    if (command !== 'restore' || !isUnopenableLedger(error)) throw error;
    const outcome = await restoreOverUnopenableCommand({ ...options, refusal: error }, rest);
    if (outcome.restored) (await openEngine(options)).close();
    printResult(outcome);
    return;
  }
  try {
    const result = await run(engine, rest);
    if (result instanceof CommandOutcome) {
      printResult(result.result);
      process.exitCode = result.exitCode;
    } else printResult(result);
  } finally {
    engine.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof LedgerError) printFailure(error.toApiError());
  printFailure({ code: 'INTERNAL', message: (error as Error).message ?? String(error) });
});
