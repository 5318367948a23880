import type { ApiResponse } from '../../shared/api';
import type { LedgerBridge } from '../../shared/bridge';
import type { Transport } from './client';

declare global {
  interface Window {
    ledger?: LedgerBridge;
  }
}

const tokenKey = 'branch-ledger.web-token';

/**
 * Web mode prints `http://127.0.0.1:N/#token=…`. The token is taken out of the address at once,
 * kept for this tab only, and the hash handed back to the router.
 */
function takeWebToken(): string {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    window.sessionStorage.setItem(tokenKey, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return window.sessionStorage.getItem(tokenKey) ?? '';
}

function httpTransport(token: string): Transport {
  return async (request) => {
    let response: Response;
    try {
      response = await fetch(`/api/${encodeURIComponent(request.method)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...(request.session ? { 'x-ledger-session': request.session } : {}),
        },
        body: JSON.stringify({ input: request.input }),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: '无法连接分支账簿服务，请确认 npm run web 仍在运行。' },
      };
    }
    return (await response.json()) as ApiResponse;
  };
}

/** IPC in the desktop app (the preload's `window.ledger`), HTTP to the local server in web mode. */
export function chooseTransport(): Transport {
  const bridge = window.ledger;
  if (bridge) return (request) => bridge.call(request);
  return httpTransport(takeWebToken());
}
