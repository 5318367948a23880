import { PasswordHasher, type ScryptCost } from './password';
import { SessionStore } from './sessions';
import { SourceAttempts } from './source-attempts';
import { UnknownNameAttempts } from './unknown-name-attempts';

/** What signing in keeps in the engine's memory between calls, and the cost it hashes passwords at. */
export interface AuthState {
  sessions: SessionStore;
  unknownNames: UnknownNameAttempts;
  sources: SourceAttempts;
  passwords: PasswordHasher;
  /** When this engine started: the sources of failures before then are not known (see login.ts). */
  startedAt: Date;
}

export function newAuthState(startedAt: Date, passwordCost?: ScryptCost): AuthState {
  return {
    startedAt,
    sessions: new SessionStore(),
    unknownNames: new UnknownNameAttempts(),
    sources: new SourceAttempts(),
    passwords: new PasswordHasher(passwordCost),
  };
}
