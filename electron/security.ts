import { app, type Session, shell } from 'electron';
import { type AppLocation, isAppUrl } from './app-location';
import { contentSecurityPolicy } from './content-security-policy';

/**
 * Sends the CSP with every response the app's session receives. Headers reach pages served over
 * HTTP (the dev server); the built page, opened from a file, carries the same policy in a <meta>
 * tag added at build time, because file:// responses have no headers to add to.
 */
export function installContentSecurityPolicy(target: Session, location: AppLocation): void {
  const policy = contentSecurityPolicy(location);
  target.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/** The app asks for no camera, microphone, location or notification permission; a page that does is not ours. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

/** Only https links leave the app, and only to the system browser. */
export function isSafeExternalLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Every window, present and future, stays on the app's own page: no navigation elsewhere, no new
 * windows, no <webview>. A page that got in anyway would find no way to reach the engine either,
 * since IPC checks the sender separately.
 */
export function confineWebContents(location: AppLocation, log: (text: string) => void): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url, location)) return;
      event.preventDefault();
      log(`已阻止窗口跳转到 ${url}`);
    });
    contents.on('will-redirect', (event, url) => {
      if (isAppUrl(url, location)) return;
      event.preventDefault();
      log(`已阻止窗口重定向到 ${url}`);
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalLink(url)) {
        shell.openExternal(url).catch((error: unknown) => {
          log(`无法用系统浏览器打开 ${url}：${error instanceof Error ? error.message : String(error)}`);
        });
      }
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
