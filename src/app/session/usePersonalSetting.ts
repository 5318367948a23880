import { useCallback, useState } from 'react';
import { useSession } from './SessionContext';

/**
 * A choice one person makes for themselves — favourite pages, a report's filters — kept on this computer
 * under their branch and user name: a branch's clerks often share one machine, and each finds their own.
 * A stored value `accept` rejects (an older shape) is as good as none.
 */
export function usePersonalSetting<T>(
  name: string,
  fallback: T,
  accept: (stored: unknown) => stored is T,
): [T, (value: T) => void] {
  const { current } = useSession();
  const key = `branch-ledger.${current.branch.code}.${current.user.username}.${name}`;
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
