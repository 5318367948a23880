/**
 * The desktop app's main process: lifecycle, the window, the menu, updates. It owns the operating
 * system's side of things and relays API calls to the engine, which runs in its own process.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, net, safeStorage, screen, session } from 'electron';
// electron-updater is CommonJS and defines `autoUpdater` through a getter that Node's ESM loader
// cannot see as a named export; the default import is the module object.
import electronUpdater from 'electron-updater';
import { isAppUrl, resolveAppLocation } from './app-location';
import { EngineRelay } from './engine-relay';
import { createMainWindow, focusWindow, showQuietNotice } from './main-window';
import { installApplicationMenu, showAboutDialog } from './menu';
import { printSettingsFile, withDesktopMethods } from './desktop-printing';
import { registerRendererCalls } from './renderer-calls';
import { confineWebContents, denyAllPermissions, installContentSecurityPolicy } from './security';
import { describeUpdateCheck, UpdateChecker } from './updater';
import { keychainVaultKey } from './upload-vault-key';
import { keepWindowState, placeWindow, readWindowState, windowStateFile } from './window-state';

const appId = 'cn.branchledger.desktop';
const builtFolder = path.dirname(fileURLToPath(import.meta.url)); // out/main

function log(text: string): void {
  console.error(`[分支账簿] ${text}`);
}

function migrationsFolder(): string {
  // Installed: shipped beside app.asar as an extra resource. From source: the project's folder.
  return app.isPackaged
    ? path.join(process.resourcesPath, 'migrations')
    : path.join(app.getAppPath(), 'migrations');
}

function runApp(): void {
  const location = resolveAppLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    indexHtml: path.join(builtFolder, '../renderer/index.html'),
  });
  let mainWindow: BrowserWindow | null = null;
  let relay: EngineRelay | null = null;
  let engineStopped = false;

  // Before any window exists, so no web contents ever escapes the rules.
  confineWebContents(location, log);
  if (process.platform === 'win32') app.setAppUserModelId(appId); // matches the installer's shortcuts

  app.on('second-instance', () => {
    if (mainWindow !== null) focusWindow(mainWindow);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (engineStopped || relay === null) return;
    // Hold the quit until the engine has closed the database (a clean WAL checkpoint), then go on.
    event.preventDefault();
    void relay.stop().then(() => {
      engineStopped = true;
      app.quit();
    });
  });

  const start = () => {
    installContentSecurityPolicy(session.defaultSession, location);
    denyAllPermissions(session.defaultSession);

    const userData = app.getPath('userData');
    const databasePath = path.join(userData, 'ledger.db');
    const uploadVaultKey = keychainVaultKey(safeStorage, databasePath, log);
    const engine = new EngineRelay({
      entryPath: path.join(builtFolder, 'engine-process.js'),
      config: {
        databasePath,
        ...(uploadVaultKey ? { uploadVaultKey } : {}),
        migrationsFolder: migrationsFolder(),
        appVersion: app.getVersion(),
        // `npm start` builds the addon for Electron beside node_modules; the installed app has its own
        // and never loads a native library named by an environment variable.
        ...(!app.isPackaged && process.env.LEDGER_SQLITE_BINDING
          ? { nativeBinding: process.env.LEDGER_SQLITE_BINDING }
          : {}),
      },
      onFatal: (error) => {
        dialog.showErrorBox('分支账簿无法打开数据库', error.message);
        app.quit();
      },
      log,
    });
    relay = engine;
    engine.start();
    const printing = { settingsFile: printSettingsFile(userData), parent: () => mainWindow, log };
    registerRendererCalls(withDesktopMethods(engine, printing), {
      isAppWebContents: (sender) => mainWindow !== null && sender === mainWindow.webContents,
      isAppUrl: (url) => isAppUrl(url, location),
    });

    const stateFile = windowStateFile(userData);
    const window = createMainWindow({
      location,
      preloadPath: path.join(builtFolder, '../preload/preload.cjs'),
      state: placeWindow(
        readWindowState(stateFile),
        screen.getAllDisplays().map((display) => display.workArea),
        screen.getPrimaryDisplay().workArea,
      ),
      log,
    });
    mainWindow = window;
    keepWindowState(window, stateFile, log);
    window.on('closed', () => {
      mainWindow = null;
    });

    const updates = new UpdateChecker({
      source: electronUpdater.autoUpdater,
      isOnline: () => net.isOnline(),
      readSettings: () => engine.callAsHost('settings.get', {}),
      notifyQuietly: (text) => {
        if (mainWindow !== null) showQuietNotice(mainWindow, text);
      },
      log,
    });
    updates.start();
    app.once('will-quit', () => updates.stop());

    installApplicationMenu({
      isPackaged: app.isPackaged,
      showAbout: showAboutDialog,
      checkForUpdates: () => {
        updates
          .check()
          .then((outcome) => {
            const options = {
              type: 'info' as const,
              title: '检查更新',
              message: describeUpdateCheck(outcome),
            };
            return mainWindow !== null
              ? dialog.showMessageBox(mainWindow, options)
              : dialog.showMessageBox(options);
          })
          .catch((error: unknown) => log(`无法显示更新结果：${String(error)}`));
      },
    });
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('分支账簿无法启动', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}

// A second copy would open the same database file; it hands over to the first and leaves.
if (app.requestSingleInstanceLock()) {
  runApp();
} else {
  app.quit();
}
