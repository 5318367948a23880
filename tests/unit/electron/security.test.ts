import type { Session } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppLocation } from '../../../electron/app-location';
import {
  confineWebContents,
  denyAllPermissions,
  installContentSecurityPolicy,
  isSafeExternalLink,
} from '../../../electron/security';

type Listener = (...args: never[]) => void;

// A stand-in for the parts of Electron that security.ts wires up: the app's events and the shell.
const electron = vi.hoisted(() => ({
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  openedExternally: [] as string[],
}));
vi.mock('electron', () => ({
  app: {
    on: (event: string, listener: (...args: unknown[]) => void) => electron.appListeners.set(event, listener),
  },
  shell: {
    openExternal: (url: string) => {
      electron.openedExternally.push(url);
      return Promise.resolve();
    },
  },
}));

const location: AppLocation = { kind: 'file', indexHtml: '/opt/app/out/renderer/index.html' };
const appPage = 'file:///opt/app/out/renderer/index.html#/home';

/** A new window's web contents as security.ts sees it, with its handlers kept for the test to fire. */
function newWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
  };
  electron.appListeners.get('web-contents-created')?.({}, contents);
  const fire = (event: string, url?: string) => {
    const navigation = { prevented: false, preventDefault: () => (navigation.prevented = true) };
    const listener = listeners.get(event) as ((event: typeof navigation, url?: string) => void) | undefined;
    listener?.(navigation, url);
    return navigation.prevented;
  };
  return { fire, open: (url: string) => openHandler?.({ url }) };
}

beforeEach(() => {
  electron.appListeners.clear();
  electron.openedExternally.length = 0;
  confineWebContents(location, () => {});
});

describe('windows of the app', () => {
  it('may navigate within the app’s own page', () => {
    expect(newWebContents().fire('will-navigate', appPage)).toBe(false);
  });

  it.each(['https://evil.example', 'file:///etc/passwd', 'http://192.168.1.10/login'])(
    'may not navigate to %s',
    (url) => {
      const contents = newWebContents();
      expect(contents.fire('will-navigate', url)).toBe(true);
      expect(contents.fire('will-redirect', url)).toBe(true);
    },
  );

  it('open no new windows; https links go to the system browser, anything else nowhere', async () => {
    const contents = newWebContents();
    expect(contents.open('https://www.chinatax.gov.cn/')).toEqual({ action: 'deny' });
    expect(contents.open('http://insecure.example/')).toEqual({ action: 'deny' });
    expect(contents.open('file:///C:/Windows/System32/cmd.exe')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(electron.openedExternally).toEqual(['https://www.chinatax.gov.cn/']);
  });

  it('may not embed a <webview>', () => {
    expect(newWebContents().fire('will-attach-webview')).toBe(true);
  });

  it('treat only https as a link safe to hand to the system', () => {
    expect(isSafeExternalLink('https://example.cn/')).toBe(true);
    expect(isSafeExternalLink('http://example.cn/')).toBe(false);
    expect(isSafeExternalLink('smb://fileserver/share')).toBe(false);
    expect(isSafeExternalLink('not a link')).toBe(false);
  });
});

describe('the session', () => {
  it('replaces whatever CSP a response brought with the app’s own', () => {
    let listener: ((details: object, callback: (response: object) => void) => void) | null = null;
    const session = {
      webRequest: {
        onHeadersReceived: (registered: typeof listener) => {
          listener = registered;
        },
      },
    };
    installContentSecurityPolicy(session as unknown as Session, {
      kind: 'dev-server',
      url: 'http://localhost:5173',
    });
    let answered: { responseHeaders?: Record<string, string[]> } = {};
    listener!(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (response) => {
        answered = response;
      },
    );
    expect(Object.keys(answered.responseHeaders ?? {}).sort()).toEqual([
      'Content-Security-Policy',
      'Content-Type',
    ]);
    expect(answered.responseHeaders?.['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
  });

  it('refuses every permission a page asks for', () => {
    let handler:
      ((contents: object, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    const session = { setPermissionRequestHandler: (registered: typeof handler) => (handler = registered) };
    denyAllPermissions(session as unknown as Session);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      handler!({}, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
  });
});
