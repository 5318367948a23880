import { BrowserWindow } from 'electron';
import type { AppLocation } from './app-location';
import type { WindowState } from './window-state';

export const productTitle = '分支账簿';

export interface MainWindowOptions {
  location: AppLocation;
  preloadPath: string;
  state: WindowState;
  log(text: string): void;
}

/** The app's one window: the renderer gets the preload's `window.ledger` and nothing else of Node or Electron. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...options.state.bounds,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown once painted, so the clerk never sees a blank white frame
    title: productTitle,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  // The title belongs to the main process (product name plus quiet notices such as a downloaded update).
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    if (options.state.maximized) window.maximize();
    window.show();
  });

  const loading =
    options.location.kind === 'dev-server'
      ? window.loadURL(options.location.url)
      : window.loadFile(options.location.indexHtml);
  loading.catch((error: unknown) => {
    options.log(`界面加载失败：${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}

/** Brings the window to the front, e.g. when the clerk starts the app a second time. */
export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

/** A notice in the title bar: seen when glanced at, never in the way. */
export function showQuietNotice(window: BrowserWindow, text: string): void {
  if (!window.isDestroyed()) window.setTitle(`${productTitle} — ${text}`);
}
