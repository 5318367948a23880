import type { LedgerDb } from '../db/connection';
import { permissions, type Permission, type WarehouseScope } from '../domain/access/roles';
import { dateInZone, timeInZone } from '../domain/calendar/calendar';
import { everyCustomer, type CustomerReach } from './access/customer-scope';

/**
 * The time, and the branch's calendar day (DOMAIN.md: business dates are the branch's local days). The
 * branch lives in its machine's zone; a clock may be given another (tests run Beijing's day on UTC
 * machines).
 */
export interface Clock {
  now(): Date;
  /** The branch's date now, yyyy-MM-dd: what "today" means for month close, reports and new documents. */
  today(): string;
  /** A moment as the branch reads it, yyyy-MM-dd HH:mm: who changed a record and when, in messages. */
  localTime(moment: Date): string;
}

/** A clock reading `now` in a time zone (IANA name; the machine's zone when omitted). */
export function zonedClock(now: () => Date, timeZone?: string): Clock {
  return {
    now,
    today: () => dateInZone(now(), timeZone),
    localTime: (moment) => timeInZone(moment, timeZone),
  };
}

export const systemClock: Clock = zonedClock(() => new Date());

/**
 * Who is acting: a signed-in user, the CLI, or nobody yet (setup and login), with what their role lets
 * them do, read from the roles table when the call began.
 */
export interface Actor {
  userId: number | null;
  username: string;
  displayName: string;
  /** The code of the role held; null: nobody is signed in. */
  role: string | null;
  permissions: ReadonlySet<Permission>;
  warehouseScope: WarehouseScope;
  /** The customers the role's 客户数据范围 reaches for this user, resolved when the call began (customer-scope.ts). */
  customerReach: CustomerReach;
  /** A signed-in user whose password the administrator reset and who has not yet chosen their own. */
  mustChangePassword?: boolean;
}

export function actorMay(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

const everything: ReadonlySet<Permission> = new Set(permissions);

export const anonymousActor: Actor = {
  userId: null,
  username: 'anonymous',
  displayName: '未登录',
  role: null,
  permissions: new Set(),
  warehouseScope: 'kept',
  customerReach: { scope: 'own', employeeIds: [] },
};

/** The CLI acts as user `cli` with full rights: whoever can run it can already read the file. */
export const cliActor: Actor = {
  userId: null,
  username: 'cli',
  displayName: '命令行',
  role: 'admin',
  permissions: everything,
  warehouseScope: 'all',
  customerReach: everyCustomer,
};

/**
 * The desktop app's main process, asking for what it needs to run (the update feed URL): trusted,
 * because it is the host itself and never relays a renderer's request under this name.
 */
export const hostActor: Actor = {
  userId: null,
  username: 'desktop',
  displayName: '桌面程序',
  role: 'admin',
  permissions: everything,
  warehouseScope: 'all',
  customerReach: everyCustomer,
};

/** What every use case receives (ARCHITECTURE.md): the database, who acts, and the time. */
export interface ServiceContext {
  db: LedgerDb;
  actor: Actor;
  clock: Clock;
}
