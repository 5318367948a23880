// `npm start`: the desktop app where the Electron runtime is installed; one clear message where it is not.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

if (electronBinary() === null) {
  console.error(
    '分支账簿：缺少 Electron 运行时，无法打开桌面版。' +
      '请在能访问 Electron 下载地址的机器上运行 node node_modules/electron/install.js（或重新 npm install）获取它；' +
      '不需要 Electron 的网页版可直接使用：npm run web（会打印一个在浏览器中打开的地址）。',
  );
  process.exit(1);
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
      '分支账簿：无法为 Electron 编译 SQLite 组件，请检查网络或编译工具（node-gyp）。网页版仍可使用：npm run web。',
    );
    process.exit(1);
  }
  return binding;
}

const child = spawn(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'preview'], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: { ...process.env, LEDGER_SQLITE_BINDING: electronSqliteBinding() },
});
child.on('exit', (code) => process.exit(code ?? 0));
