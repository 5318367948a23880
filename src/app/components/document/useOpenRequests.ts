import { useEffect, useEffectEvent, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** What a list, an order or the menu asks the document page to show. */
export type OpenRequest = { id: number } | { fromOrder: number } | 'new';

/**
 * A list asks the page to open a document (`?id=`) or start one (`?new=1`), an order to start one
 * from it (`?fromOrder=`): once per navigation, the address then cleared. Opened from the menu, the page
 * starts a blank document once it is ready (the warehouses are known: one of them is the default).
 */
export function useOpenRequests(path: string, ready: boolean, onRequest: (request: OpenRequest) => void) {
  const location = useLocation();
  const navigate = useNavigate();
  /** Whether the page has been given its first document: a requested one, or a blank one. */
  const begun = useRef(false);

  const requested = useEffectEvent((request: OpenRequest) => {
    begun.current = true;
    onRequest(request);
  });
  useEffect(() => {
    if (location.pathname !== path) return;
    const params = new URLSearchParams(location.search);
    const id = Number(params.get('id'));
    const fromOrder = Number(params.get('fromOrder'));
    if (!id && !fromOrder && !params.has('new')) return;
    void navigate(path, { replace: true });
    requested(id ? { id } : fromOrder ? { fromOrder } : 'new');
  }, [location.key, location.pathname, location.search, navigate, path]);

  const beginBlank = useEffectEvent(() => {
    if (begun.current || !ready) return;
    begun.current = true;
    onRequest('new');
  });
  useEffect(() => beginBlank(), [ready]);
}
