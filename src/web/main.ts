import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  openEngine,
  projectRoot,
  scheduleDailyBackups,
  scheduleUploads,
  sourceAppVersion,
  sourceMigrationsFolder,
  LedgerError,
} from '../engine';
import { buildRenderer, rendererIsStale } from './renderer-build';
import { startWebServer } from './server';

const usage = `用法: npm run web -- [--db 数据库文件] [--port 端口]
  --db     分支数据库文件（默认 ./data/ledger.db，不存在则新建）
  --port   监听端口（默认取一个空闲端口）；只监听 127.0.0.1`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: './data/ledger.db' },
      port: { type: 'string', default: '0' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stderr.write(`${usage}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new LedgerError('VALIDATION', `端口号 ${values.port} 无效，应为 0–65535 的整数。`);
  }

  const rendererRoot = path.join(projectRoot, 'out', 'renderer');
  if (rendererIsStale(projectRoot, rendererRoot)) {
    process.stderr.write('正在构建界面（首次运行或源代码已修改）…\n');
    await buildRenderer(projectRoot);
  }

  const engine = await openEngine({
    databasePath: values.db,
    migrationsFolder: sourceMigrationsFolder,
    appVersion: sourceAppVersion(),
  });
  if (engine.migration.backupPath) {
    process.stderr.write(
      `数据库已升级到结构版本 ${engine.migration.to}，升级前的备份：${engine.migration.backupPath}\n`,
    );
  }
  const server = await startWebServer(engine, { rendererRoot, port });
  process.stdout.write(`Branch Ledger web: ${server.url}\n`);
  const stopBackups = scheduleDailyBackups(engine, (line) => process.stderr.write(`${line}\n`));
  const stopUploads = scheduleUploads(engine, (line) => process.stderr.write(`${line}\n`));

  const stop = () => {
    stopBackups();
    stopUploads();
    void server
      .close()
      .then(() => engine.shutdown())
      .then(({ backupError }) => {
        if (backupError) process.stderr.write(`${backupError}\n`);
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof LedgerError ? error.message : String(error)}\n`);
  process.exit(1);
});
