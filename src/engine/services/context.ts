import type { LedgerDb } from '../db/connection';
import type { Role } from '../domain/access/roles';
import { dateInZone } from '../domain/calendar/calendar';

/**
 * The time, and the branch's calendar day (DOMAIN.md: business dates are the branch's local days). The
 * branch lives in its machine's zone; a clock may be given another (tests run Beijing's day on UTC
 * machines).
 */
export interface Clock {
  now(): Date;
  /** The branch's date now, yyyy-MM-dd: what "today" means for month close, reports and new documents. */
  today(): string;
}

/** A clock reading `now` in a time zone (IANA name; the machine's zone when omitted). */
export function zonedClock(now: () => Date, timeZone?: string): Clock {
  return { now, today: () => dateInZone(now(), timeZone) };
}

export const systemClock: Clock = zonedClock(() => new Date());

/** Who is acting: a signed-in user, the CLI, or nobody yet (setup and login). */
export interface Actor {
  userId: number | null;
  username: string;
  displayName: string;
  role: Role | null;
  /** A signed-in user whose password the administrator reset and who has not yet chosen their own. */
  mustChangePassword?: boolean;
}

export const anonymousActor: Actor = {
  userId: null,
  username: 'anonymous',
  displayName: '未登录',
  role: null,
};

/** The CLI acts as user `cli` with full rights: whoever can run it can already read the file. */
export const cliActor: Actor = { userId: null, username: 'cli', displayName: '命令行', role: 'admin' };

/**
 * The desktop app's main process, asking for what it needs to run (the update feed URL): trusted,
 * because it is the host itself and never relays a renderer's request under this name.
 */
export const hostActor: Actor = { userId: null, username: 'desktop', displayName: '桌面程序', role: 'admin' };

/** What every use case receives (ARCHITECTURE.md): the database, who acts, and the time. */
export interface ServiceContext {
  db: LedgerDb;
  actor: Actor;
  clock: Clock;
}
