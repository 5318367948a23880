import { SessionStore } from './sessions';
import { UnknownNameAttempts } from './unknown-name-attempts';

/** What signing in keeps in the engine's memory between calls. */
export interface AuthState {
  sessions: SessionStore;
  unknownNames: UnknownNameAttempts;
}

export function newAuthState(): AuthState {
  return { sessions: new SessionStore(), unknownNames: new UnknownNameAttempts() };
}
