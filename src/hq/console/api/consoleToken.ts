const tokenKey = 'branch-ledger.hq-console-token';

/**
 * `npm run hq` prints `https://…/console/#token=…`. The token is taken out of the address at once, kept
 * for this tab only (as web mode keeps its own, src/app/api/transports.ts), and the hash handed back to
 * the router, so it is neither bookmarked nor shown over someone's shoulder.
 */
export function takeConsoleToken(): string {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    window.sessionStorage.setItem(tokenKey, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return window.sessionStorage.getItem(tokenKey) ?? '';
}
