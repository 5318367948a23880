// `npm start`: the desktop app where the Electron runtime is installed; web mode on the same data folder
// where it is not (it cannot be downloaded on some networks), so `npm install && npm start` always ends in
// a working app.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import open from 'open';

const require = createRequire(import.meta.url);
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const binary = path.join(dir, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * The folder the desktop app keeps ledger.db in: Electron's `userData`, which is the platform's
 * application-data folder joined with the product name (Electron's documented rule for `appData`).
 * Web mode opens the same file, so a branch that starts either way sees the same books.
 */
function desktopDataFolder() {
  const productName = require('../package.json').productName;
  const home = os.homedir();
  const appData =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, productName);
}

/**
 * Web mode in place of the desktop app: prints its address and opens the default browser where there
 * is one. `BROWSER=none` (the convention of other dev servers) keeps it from opening one.
 */
function startWebMode(reason) {
  const folder = desktopDataFolder();
  fs.mkdirSync(folder, { recursive: true });
  const databasePath = path.join(folder, 'ledger.db');
  console.log(`分支账簿：${reason}，打开网页版；数据与桌面版相同：${databasePath}`);
  const child = spawn(
    process.execPath,
    [require.resolve('tsx/cli'), path.join(projectRoot, 'src', 'web', 'main.ts'), '--db', databasePath],
    { cwd: projectRoot, stdio: ['inherit', 'pipe', 'inherit'] },
  );
  let opened = false;
  let printed = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    printed += chunk.toString();
    const address = /^Branch Ledger web: (\S+)$/m.exec(printed)?.[1];
    if (address === undefined || opened) return;
    opened = true;
    console.log('分支账簿：请在浏览器中打开上面的地址（按 Ctrl+C 退出）。');
    if (process.env.BROWSER === 'none') return;
    // No browser (a server without a desktop) is not an error: the address is printed above.
    open(address).then(
      (browser) => browser.on('error', () => {}),
      () => {},
    );
  });
  // Ctrl+C reaches web mode itself (same process group) and it closes the database before it exits;
  // here it only must not end this process first. A SIGTERM sent to this process alone is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv.includes('--web')) {
  startWebMode('按 --web');
} else if (electronBinary() === null) {
  startWebMode('缺少 Electron 运行时（未能下载时不影响使用）');
} else {
  startDesktop();
}

/**
 * better-sqlite3 in node_modules is compiled for Node (the CLI, web mode and tests use it). The
 * desktop engine runs on Electron's ABI, so it gets its own copy of the addon, built once per
 * Electron version beside node_modules and handed to the engine by path.
 */
function electronSqliteBinding() {
  const electronVersion = require('electron/package.json').version;
  const sourceDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const targetDir = path.join(
    projectRoot,
    'node_modules',
    '.cache',
    'branch-ledger',
    `better-sqlite3-electron-${electronVersion}`,
  );
  const binding = path.join(targetDir, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;

  console.log(`分支账簿：正在为 Electron ${electronVersion} 准备 SQLite 组件（只需一次）…`);
  fs.rmSync(targetDir, { recursive: true, force: true });
  fs.cpSync(sourceDir, targetDir, {
    recursive: true,
    filter: (file) => !file.includes(`${path.sep}build${path.sep}`),
  });
  const runtime = ['--runtime=electron', `--target=${electronVersion}`];
  const prebuilt = spawnSync(process.execPath, [require.resolve('prebuild-install/bin.js'), ...runtime], {
    cwd: targetDir,
    stdio: 'inherit',
  });
  if (prebuilt.status !== 0) {
    spawnSync(
      process.execPath,
      [
        require.resolve('node-gyp/bin/node-gyp.js'),
        'rebuild',
        '--release',
        ...runtime,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: targetDir, stdio: 'inherit' },
    );
  }
  if (!fs.existsSync(binding)) {
    console.error(
      '分支账簿：无法为 Electron 编译 SQLite 组件，请检查网络或编译工具（node-gyp）。网页版仍可使用：npm start -- --web。',
    );
    process.exit(1);
  }
  return binding;
}

function startDesktop() {
  const child = spawn(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'preview'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, LEDGER_SQLITE_BINDING: electronSqliteBinding() },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
