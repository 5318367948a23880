import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../session/SessionContext';
import { pages, type PageDefinition } from './pages';

/**
 * Which workspace pages the signed-in user may open — their role's permission, and for money and profit an
 * independent-accounting branch (DOMAIN.md §2, §7) — and opening one by its key, with an address query
 * (`?id=` for a document) where the page takes one. The navigation and the workbench ask the same question.
 */
export function usePageAccess() {
  const { current } = useSession();
  const navigate = useNavigate();
  const independent = current.branch.accountingMode === 'independent';
  return useMemo(() => {
    const granted = new Set<string>(current.permissions);
    const allowed = (page: PageDefinition) =>
      granted.has(page.permission) && (independent || page.independentOnly !== true);
    const page = (key: string) => pages.find((candidate) => candidate.key === key && allowed(candidate));
    return {
      allowed,
      /** The page of that key, if this user may open it. */
      page,
      open: (key: string, search = '') => {
        const found = page(key);
        if (found) void navigate(`${found.path}${search}`);
      },
    };
  }, [current.permissions, independent, navigate]);
}
