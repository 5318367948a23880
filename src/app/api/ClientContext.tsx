import { createContext, useContext } from 'react';
import type { LedgerClient } from './client';

export const ClientContext = createContext<LedgerClient | null>(null);

export function useClient(): LedgerClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientContext');
  return client;
}
