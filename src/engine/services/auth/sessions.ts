import { randomBytes } from 'node:crypto';

/** A signed-in session ends after this long without a call. */
export const sessionIdleMs = 12 * 60 * 60 * 1000;

interface Session {
  userId: number;
  /** The user's `session_generation` when it opened; a later one in the users table ends it. */
  generation: number;
  lastSeen: number;
}

/**
 * Sessions live in the engine's memory: a restart of the app signs everyone out, which is what a
 * desktop user expects, and no token ever rests on disk. Ending a user's sessions is a number in the
 * users table (schema/users.ts `sessionGeneration`), raised in the transaction that makes the change.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(userId: number, generation: number, now: Date): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, generation, lastSeen: now.getTime() });
    return token;
  }

  /** The user of a live session, sliding its idle deadline; null when unknown or expired. */
  resolve(token: string, now: Date): { userId: number; generation: number } | null {
    const session = this.sessions.get(token);
    if (!session) return null;
    if (now.getTime() - session.lastSeen > sessionIdleMs) {
      this.sessions.delete(token);
      return null;
    }
    session.lastSeen = now.getTime();
    return { userId: session.userId, generation: session.generation };
  }

  revoke(token: string): void {
    this.sessions.delete(token);
  }

  /** Ends every session (a restore replaced the books and their users). */
  clear(): void {
    this.sessions.clear();
  }
}
