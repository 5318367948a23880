import { useCallback, useMemo, useState } from 'react';
import { useSession } from './SessionContext';

/**
 * Where one person's choices for themselves are kept on this computer — favourite pages, a report's
 * filters: under their branch and user name, since a branch's clerks often share one machine and each
 * finds their own. Read and written without a render of its own, for a page that keeps the value in its
 * own state (a report's filters) and only remembers it for the next time it opens.
 */
export function usePersonalStorage(name: string): { read(): unknown; write(value: unknown): void } {
  const { current } = useSession();
  const key = `branch-ledger.${current.branch.code}.${current.user.username}.${name}`;
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

/**
 * A personal choice as state (the favourites the menu shows): read once, saved on every change. A stored
 * value `accept` rejects (an older shape) is as good as none.
 */
export function usePersonalSetting<T>(
  name: string,
  fallback: T,
  accept: (stored: unknown) => stored is T,
): [T, (value: T) => void] {
  const storage = usePersonalStorage(name);
  const [value, setValue] = useState<T>(() => {
    const stored = storage.read();
    return accept(stored) ? stored : fallback;
  });
  const save = useCallback(
    (next: T) => {
      setValue(next);
      storage.write(next);
    },
    [storage],
  );
  return [value, save];
}
