import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, type BackupResult } from '../../db/backup';
import { LedgerError } from '../../../shared/ledger-error';
import { recordAudit } from '../audit/record-audit';
import type { ServiceContext } from '../context';
import { getAppSettings } from '../settings/app-settings';
import { readBackupPassphrase } from './backup-passphrase';
import type { EngineEnv } from './engine-env';

/** When the engine backs up by itself; before a migration is migrate.ts's, and always happens. */
export const automaticBackupKinds = ['daily', 'month-close', 'exit'] as const;
export type AutomaticBackupKind = (typeof automaticBackupKinds)[number];

const kindLabels: Record<AutomaticBackupKind, string> = {
  daily: '每日自动备份',
  'month-close': '月结前自动备份',
  exit: '退出时自动备份',
};

/** `ledger` for `…/ledger.db`: the start of every backup's name, so backups of two ledgers in one folder stay apart. */
export function databaseBaseName(env: EngineEnv): string {
  return path.basename(env.databasePath, path.extname(env.databasePath));
}

export function automaticBackupFolder(ctx: ServiceContext, env: EngineEnv): string {
  return getAppSettings(ctx).autoBackupFolder || env.backupDir;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The names this scheduler gives its backups, and the only files its rotation ever deletes:
 * `ledger-auto-daily-2026-03-02-013000Z.db` (the branch's day, then the UTC time), `.db.enc` when encrypted,
 * `-2` … when two fall in one second. A backup a person made, or one before a migration or a restore, never
 * matches.
 */
function automaticNamePattern(base: string): RegExp {
  return new RegExp(
    `^${escapeRegExp(base)}-auto-(${automaticBackupKinds.join('|')})-(\\d{4}-\\d{2}-\\d{2})-(\\d{6})Z(-\\d+)?\\.db(\\.enc)?$`,
  );
}

export interface AutomaticBackupName {
  kind: AutomaticBackupKind;
  /** The branch's day it was made on. */
  day: string;
}

export function parseAutomaticBackupName(base: string, name: string): AutomaticBackupName | null {
  const match = automaticNamePattern(base).exec(name);
  return match ? { kind: match[1] as AutomaticBackupKind, day: match[2]! } : null;
}

function automaticBackupsIn(
  folder: string,
  base: string,
): { name: string; kind: AutomaticBackupKind; day: string }[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).flatMap((name) => {
    const parsed = parseAutomaticBackupName(base, name);
    return parsed ? [{ name, ...parsed }] : [];
  });
}

/** Whether the host's timer should make today's backup: automatic backups on, and none yet for the branch's day. */
export function dailyBackupDue(ctx: ServiceContext, env: EngineEnv): boolean {
  if (!getAppSettings(ctx).autoBackup) return false;
  const today = ctx.clock.today();
  return !automaticBackupsIn(automaticBackupFolder(ctx, env), databaseBaseName(env)).some(
    (backup) => backup.kind === 'daily' && backup.day === today,
  );
}

/** Deletes the oldest automatic backups of `kind` beyond the newest `keep`; returns the names deleted. */
function rotate(folder: string, base: string, kind: AutomaticBackupKind, keep: number): string[] {
  const own = automaticBackupsIn(folder, base)
    .filter((backup) => backup.kind === kind)
    // Day, then time, then the collision number: the names sort in the order they were made.
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const surplus = own.slice(0, Math.max(0, own.length - keep)).map((backup) => backup.name);
  for (const name of surplus) fs.rmSync(path.join(folder, name), { force: true });
  return surplus;
}

function freeName(folder: string, stem: string, extension: string): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, `${stem}${n === 1 ? '' : `-${n}`}${extension}`);
    if (!fs.existsSync(candidate) && !fs.existsSync(`${candidate}.partial`)) return candidate;
  }
}

/**
 * One automatic backup of `kind` into the folder the settings name, encrypted when a passphrase is set, then
 * the rotation of that kind. It runs whether or not automatic backups are on: callers ask `autoBackup` first
 * (a month close, the exit, the daily timer). A failure is audited and thrown as BACKUP_FAILED.
 */
export async function runAutomaticBackup(
  ctx: ServiceContext,
  env: EngineEnv,
  kind: AutomaticBackupKind,
): Promise<BackupResult & { rotatedOut: string[] }> {
  const settings = getAppSettings(ctx);
  const folder = automaticBackupFolder(ctx, env);
  const base = databaseBaseName(env);
  const time = ctx.clock.now().toISOString().slice(11, 19).replace(/:/g, '');
  let result: BackupResult;
  try {
    const passphrase = readBackupPassphrase(env);
    const target = freeName(
      folder,
      `${base}-auto-${kind}-${ctx.clock.today()}-${time}Z`,
      passphrase ? '.db.enc' : '.db',
    );
    result = await backupDatabase(ctx.db.$client, target, { passphrase });
  } catch (error) {
    const reason = error instanceof LedgerError ? error.message : (error as Error).message;
    ctx.db.transaction((tx) =>
      recordAudit(tx, ctx, {
        action: 'system.backup_failed',
        entity: 'database',
        entityKey: folder,
        detail: `${kindLabels[kind]}：${reason}`,
      }),
    );
    throw new LedgerError('BACKUP_FAILED', `${kindLabels[kind]}到 ${folder} 失败：${reason}`, {
      kind,
      folder,
    });
  }
  const rotatedOut = rotate(folder, base, kind, settings.autoBackupKeep);
  ctx.db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'system.backup',
      entity: 'database',
      entityKey: result.path,
      detail: `${kindLabels[kind]}，${result.bytes} 字节${result.encrypted ? '，已加密' : ''}${
        rotatedOut.length > 0 ? `；按保留 ${settings.autoBackupKeep} 份删除 ${rotatedOut.join('、')}` : ''
      }`,
      after: { kind, bytes: result.bytes, encrypted: result.encrypted, rotatedOut },
    }),
  );
  return { ...result, rotatedOut };
}

/** The backup before a month close, when automatic backups are on; a failed one stops the close (its caller). */
export async function backupBeforeMonthClose(ctx: ServiceContext, env: EngineEnv): Promise<void> {
  if (getAppSettings(ctx).autoBackup) await runAutomaticBackup(ctx, env, 'month-close');
}
