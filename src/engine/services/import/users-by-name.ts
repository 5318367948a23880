import type { LedgerTx } from '../../db/connection';
import { users } from '../../db/schema';

/**
 * Users as files name them: by login (zhangsan) or, as lists and exports show them, by display
 * name (张三) when that names one user only.
 */
export function usersByName(
  tx: LedgerTx,
): (name: string) => { id: number; active: boolean } | 'ambiguous' | null {
  const all = tx
    .select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active })
    .from(users)
    .all();
  const byUsername = new Map(all.map((user) => [user.username, user]));
  return (name) => {
    const byLogin = byUsername.get(name);
    if (byLogin) return byLogin;
    const named = all.filter((user) => user.displayName === name);
    if (named.length > 1) return 'ambiguous';
    return named[0] ?? null;
  };
}
