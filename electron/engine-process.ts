/**
 * The engine's own process (a utilityProcess forked by main): a long import, report or re-costing
 * runs here, so the window never waits on SQLite (ARCHITECTURE.md "Processes").
 */
/// <reference types="electron-vite/node" />
import {
  aesGcmVault,
  openEngine,
  LedgerError,
  scheduleDailyBackups,
  scheduleUploads,
  type Engine,
} from '../src/engine';
// Bundled by electron-vite into a file of its own, beside this one: the import's parse runs there.
import importWorker from '../src/engine/services/import/read-table-worker?modulePath';
import { decodeEngineConfig, engineConfigVariable } from './engine-config';
import {
  type CallableEngine,
  createEngineMessageHandler,
  describeStartupFailure,
  unavailableEngine,
} from './engine-message-handler';
import type { EngineToMainMessage } from './engine-protocol';

const parentPort = process.parentPort;

function post(message: EngineToMainMessage): void {
  parentPort.postMessage(message);
}

async function openConfiguredEngine(): Promise<Engine> {
  const config = decodeEngineConfig(process.env[engineConfigVariable]);
  // It carries the vault key: no worker or tool this process starts inherits it.
  delete process.env[engineConfigVariable];
  if (config === null) {
    throw new LedgerError('INTERNAL', '数据引擎没有收到有效的启动配置，请重新安装分支账簿。');
  }
  const { uploadVaultKey, ...location } = config;
  const key = uploadVaultKey ? Buffer.from(uploadVaultKey, 'base64') : null;
  return openEngine({
    ...location,
    importWorker,
    // Without a keychain the engine keeps its key file beside the database, as in web mode.
    ...(key ? { uploadVault: aesGcmVault(() => key) } : {}),
  });
}

async function serve(): Promise<void> {
  let engine: CallableEngine;
  let closeDatabase = async () => {};
  try {
    const opened = await openConfiguredEngine();
    if (opened.migration.backupPath !== null) {
      console.error(
        `数据库已升级到结构版本 ${opened.migration.to}，升级前的备份：${opened.migration.backupPath}`,
      );
    }
    engine = opened;
    const stopBackups = scheduleDailyBackups(opened, (line) => console.error(line));
    const stopUploads = scheduleUploads(opened, (line) => console.error(line));
    closeDatabase = async () => {
      stopBackups();
      stopUploads();
      // The exit backup (when automatic backups are on) before the database closes.
      const { backupError } = await opened.shutdown();
      if (backupError) console.error(backupError);
    };
  } catch (error) {
    const failure = describeStartupFailure(error);
    post({ type: 'fatal', error: failure });
    // Stay alive and answer: exiting now could drop the message above before main reads it.
    engine = unavailableEngine(failure);
  }

  const handle = createEngineMessageHandler({
    engine,
    post,
    shutdown: () => {
      void closeDatabase().finally(() => process.exit(0));
    },
  });
  // Messages sent while the database was opening were queued by the port and arrive now.
  parentPort.on('message', (event) => {
    void handle(event.data);
  });
}

void serve();
