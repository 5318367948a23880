import { useCallback, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { pageAt, type PageDefinition } from './pages';

/**
 * The multi-tab workspace, as in 金蝶 and 用友 clients: the address names the active page, and
 * every page opened stays open (and keeps its state) until its tab is closed.
 */
export function useOpenTabs(allowed: (page: PageDefinition) => boolean) {
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = useState<PageDefinition[]>([]);
  const active = pageAt(location.pathname);
  const activePage = active && allowed(active) ? active : undefined;

  // Opening a page is following its address: the tab is added while rendering that address, once per
  // navigation. Not on every render: closing the active tab renders once more at its old address before
  // the move to its neighbour lands, and must not open it again.
  const [seenLocation, setSeenLocation] = useState<string | null>(null);
  if (location.key !== seenLocation) {
    setSeenLocation(location.key);
    if (activePage && !open.some((tab) => tab.key === activePage.key)) setOpen([...open, activePage]);
  }

  const close = useCallback(
    (keys: string[]) => {
      const remaining = open.filter((tab) => !keys.includes(tab.key));
      setOpen(remaining);
      if (activePage && keys.includes(activePage.key)) {
        const index = open.findIndex((tab) => tab.key === activePage.key);
        const neighbour = remaining[Math.min(index, remaining.length - 1)];
        void navigate(neighbour ? neighbour.path : '/');
      }
    },
    [open, activePage, navigate],
  );

  return {
    open,
    activeKey: activePage?.key,
    openPage: (page: PageDefinition) => void navigate(page.path),
    close,
  };
}
