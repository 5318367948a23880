import { createContext, useContext } from 'react';
import type { ApiOutput } from '../../shared/api';

export type CurrentUser = ApiOutput<'auth.currentUser'>;

export interface Session {
  current: CurrentUser;
  logout(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in shell');
  return session;
}
