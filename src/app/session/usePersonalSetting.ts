import { useCallback, useMemo, useState } from 'react';
import { useSession } from './SessionContext';

/**
 * A choice one person makes for themselves — favourite pages, a report's filters — kept on this computer
 * under their branch and user name: a branch's clerks often share one machine, and each finds their own.
 * A stored value `accept` rejects (an older shape) is as good as none.
 */
function personalKey(current: ReturnType<typeof useSession>['current'], name: string): string {
  return `branch-ledger.${current.branch.code}.${current.user.username}.${name}`;
}

/**
 * The same place read and written without a render of its own: for a page that keeps the value in its own
 * state (a report's filters) and only remembers it for the next time it opens.
 */
export function usePersonalStorage(name: string): { read(): unknown; write(value: unknown): void } {
  const { current } = useSession();
  const key = personalKey(current, name);
  return useMemo(
    () => ({
      read: () => {
        try {
          return JSON.parse(window.localStorage.getItem(key) ?? 'null') as unknown;
        } catch {
          return null;
        }
      },
      write: (value: unknown) => window.localStorage.setItem(key, JSON.stringify(value)),
    }),
    [key],
  );
}

export function usePersonalSetting<T>(
  name: string,
  fallback: T,
  accept: (stored: unknown) => stored is T,
): [T, (value: T) => void] {
  const { current } = useSession();
  const key = personalKey(current, name);
  const [value, setValue] = useState<T>(() => {
    try {
      const stored: unknown = JSON.parse(window.localStorage.getItem(key) ?? 'null');
      return accept(stored) ? stored : fallback;
    } catch {
      return fallback;
    }
  });
  const save = useCallback(
    (next: T) => {
      setValue(next);
      window.localStorage.setItem(key, JSON.stringify(next));
    },
    [key],
  );
  return [value, save];
}
