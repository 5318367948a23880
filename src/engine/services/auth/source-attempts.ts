import { afterSourceFailure, type SourceState } from '../../domain/access/source-throttle';

/** Far more than the few places a branch signs in from; the oldest are forgotten first. */
const maxSources = 1000;

/**
 * Failed logins per source (domain/access/source-throttle.ts), in the engine's memory: a source is a
 * network address or the desktop, nothing the ledger should keep, and its delays last minutes. A
 * restart forgets them; what must survive one — an account's failure count and lock — is in the
 * users table, so restarting the app never buys a guesser a fresh count on an account.
 */
export class SourceAttempts {
  private readonly states = new Map<string, SourceState>();

  get(source: string): SourceState | undefined {
    return this.states.get(source);
  }

  recordFailure(source: string, now: Date): SourceState {
    const next = afterSourceFailure(this.states.get(source), now);
    this.states.delete(source);
    this.states.set(source, next);
    if (this.states.size > maxSources) this.states.delete(this.states.keys().next().value!);
    return next;
  }
}
