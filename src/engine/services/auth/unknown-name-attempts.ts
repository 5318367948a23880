import type { LoginState } from '../../domain/access/password-policy';

/** Enough for any real probing; the oldest names are forgotten first. */
const maxNames = 1000;

/**
 * Failed logins under names that have no active account, counted like a real account's so that
 * the answers — attempts left, then a lock — cannot tell a probing person which names exist.
 * Kept in memory: nothing about a name that does not exist belongs in the ledger.
 */
export class UnknownNameAttempts {
  private readonly states = new Map<string, LoginState>();

  get(name: string): LoginState {
    return this.states.get(name) ?? { failedAttempts: 0, lockedUntil: null };
  }

  set(name: string, state: LoginState): void {
    this.states.delete(name);
    this.states.set(name, state);
    if (this.states.size > maxNames) this.states.delete(this.states.keys().next().value!);
  }
}
