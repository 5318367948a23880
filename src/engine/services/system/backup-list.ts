import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';
import {
  automaticBackupFolder,
  databaseBaseName,
  parseAutomaticBackupName,
  type AutomaticBackupKind,
} from './automatic-backups';
import type { EngineEnv } from './engine-env';

export type BackupKind = AutomaticBackupKind | 'before-migration' | 'before-restore' | 'manual';

export interface BackupFile {
  name: string;
  path: string;
  bytes: number;
  /** The file's modification time: when the backup was made. */
  madeAt: string;
  kind: BackupKind;
  encrypted: boolean;
}

function kindOf(base: string, name: string): BackupKind {
  const automatic = parseAutomaticBackupName(base, name);
  if (automatic) return automatic.kind;
  if (name.includes('-before-migration-')) return 'before-migration';
  if (name.includes('-before-restore-')) return 'before-restore';
  return 'manual';
}

/** The backups in the automatic backup folder (and the default one beside the database), newest first. */
export function listBackups(ctx: ServiceContext, env: EngineEnv): { folder: string; backups: BackupFile[] } {
  const folder = automaticBackupFolder(ctx, env);
  const base = databaseBaseName(env);
  const folders = [...new Set([folder, env.backupDir])];
  const backups = folders.flatMap((dir) =>
    (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
      .filter((name) => /\.db(\.enc)?$/.test(name))
      .flatMap((name) => {
        const file = path.join(dir, name);
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        if (!stat?.isFile()) return [];
        return [
          {
            name,
            path: file,
            bytes: stat.size,
            madeAt: stat.mtime.toISOString(),
            kind: kindOf(base, name),
            encrypted: name.endsWith('.enc'),
          },
        ];
      }),
  );
  return { folder, backups: backups.sort((a, b) => b.madeAt.localeCompare(a.madeAt)) };
}
