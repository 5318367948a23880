import type { AppLocation } from './app-location';

/**
 * The page's Content-Security-Policy. Kept free of Electron imports so build tooling can read it too.
 *
 * Only the app's own files may run or load; nothing may be framed, posted or embedded. antd styles
 * its components at run time, hence inline styles and nothing else inline.
 */
export function contentSecurityPolicy(location: AppLocation): string {
  const scriptSources = ["'self'"];
  const connectSources = ["'self'"];
  if (location.kind === 'dev-server') {
    // Development only: React Fast Refresh injects an inline preamble script, and Vite's hot reload
    // talks to the dev server over a WebSocket.
    scriptSources.push("'unsafe-inline'");
    const devServer = new URL(location.url);
    connectSources.push(`${devServer.protocol === 'https:' ? 'wss:' : 'ws:'}//${devServer.host}`);
  }
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connectSources.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
