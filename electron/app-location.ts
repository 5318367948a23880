import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the app's own page comes from: the built index.html on disk, or electron-vite's dev server
 * while developing. Anything else in a window is foreign and gets no navigation and no IPC.
 */
export type AppLocation = { kind: 'file'; indexHtml: string } | { kind: 'dev-server'; url: string };

export function resolveAppLocation(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  indexHtml: string;
}): AppLocation {
  // An installed app never trusts the variable: anyone could set it before starting the program.
  if (!options.isPackaged && options.devServerUrl) return { kind: 'dev-server', url: options.devServerUrl };
  return { kind: 'file', indexHtml: options.indexHtml };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Windows file names ignore case, so the same page may come back with a differently cased drive letter. */
function comparablePath(filePath: string): string {
  const resolved = path.resolve(filePath);
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
}

/**
 * Whether a URL is the app's own page. For the built app that is the one index.html file (any hash
 * route or query), never another file on disk; for the dev server, its origin.
 */
export function isAppUrl(candidate: string, location: AppLocation): boolean {
  const url = parseUrl(candidate);
  if (url === null) return false;
  if (location.kind === 'dev-server') {
    const devServer = parseUrl(location.url);
    return devServer !== null && url.origin === devServer.origin;
  }
  if (url.protocol !== 'file:') return false;
  let filePath: string;
  try {
    filePath = fileURLToPath(url);
  } catch {
    return false; // a host other than this machine (outside Windows), or an encoded path separator
  }
  return comparablePath(filePath) === comparablePath(location.indexHtml);
}
