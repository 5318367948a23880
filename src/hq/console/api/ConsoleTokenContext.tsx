import { createContext, useContext } from 'react';

export const ConsoleTokenContext = createContext('');

export function useConsoleToken(): string {
  return useContext(ConsoleTokenContext);
}
