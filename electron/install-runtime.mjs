// postinstall: fetch the Electron runtime where it can be fetched, and never fail the install where it cannot.
//
// package.json's `allowScripts` keeps npm from running electron's own install script, whose failure
// would fail `npm install` on machines that cannot reach Electron's download host. Here the same
// download is attempted, bounded in time, and a failure only explains itself: web mode, the CLI and
// the tests need no Electron.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null; // installed without devDependencies: a production install has no Electron to fetch
  }
}

const dir = electronPackageDir();
if (dir === null) process.exit(0);

const pathFile = path.join(dir, 'path.txt');
if (fs.existsSync(pathFile) && fs.existsSync(path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8'))))
  process.exit(0);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log(
    '分支账簿：按 ELECTRON_SKIP_BINARY_DOWNLOAD 未下载 Electron 运行时；网页版 npm run web、命令行和测试不需要它。',
  );
  process.exit(0);
}

const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
  stdio: 'inherit',
  timeout: 180_000,
});
if (result.status !== 0) {
  console.log(
    '分支账簿：未能下载 Electron 运行时（桌面版需要它）。安装已完成：npm start 会改为打开网页版（数据与桌面版相同），命令行 npx ledger 和测试都可使用。' +
      '能访问 Electron 下载地址时，运行 node node_modules/electron/install.js 即可补装桌面版运行时。',
  );
}
process.exit(0);
