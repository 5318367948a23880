import type { LedgerDb } from '../db/connection';
import type { Role } from '../domain/access/roles';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Who is acting: a signed-in user, the CLI, or nobody yet (setup and login). */
export interface Actor {
  userId: number | null;
  username: string;
  displayName: string;
  role: Role | null;
}

export const anonymousActor: Actor = { userId: null, username: 'anonymous', displayName: '未登录', role: null };

/** The CLI acts as user `cli` with full rights: whoever can run it can already read the file. */
export const cliActor: Actor = { userId: null, username: 'cli', displayName: '命令行', role: 'admin' };

/** What every use case receives (ARCHITECTURE.md): the database, who acts, and the time. */
export interface ServiceContext {
  db: LedgerDb;
  actor: Actor;
  clock: Clock;
}
