import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../src/engine';
import { launchChromium } from './support/browser';

/**
 * `npm start` on a machine without the Electron runtime (this one: its download host is out of reach)
 * starts web mode on the desktop app's own data folder. Where the runtime is installed, `--web` asks for
 * the same path, so the test means the same thing on every machine.
 */
const electronInstalled = fs.existsSync(path.join(projectRoot, 'node_modules', 'electron', 'path.txt'));

describe('npm start without the Electron runtime, as a branch starting the app for the first time', () => {
  let configHome: string;
  let launcher: ChildProcess;
  let printed = '';
  let browser: Browser;

  beforeAll(async () => {
    configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-start-'));
    launcher = spawn(
      process.execPath,
      [path.join(projectRoot, 'electron', 'launch.mjs'), ...(electronInstalled ? ['--web'] : [])],
      {
        cwd: projectRoot,
        // Linux's application-data folder, and no browser opened on the machine running the tests.
        env: { ...process.env, XDG_CONFIG_HOME: configHome, BROWSER: 'none' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    launcher.stdout!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    launcher.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (launcher.exitCode === null) {
      await new Promise((resolve) => {
        launcher.once('exit', resolve);
        launcher.kill('SIGTERM');
      });
    }
    fs.rmSync(configHome, { recursive: true, force: true });
  });

  test('prints the address of web mode and opens the ledger in the desktop data folder', async () => {
    await expect
      .poll(() => /^Branch Ledger web: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/m.exec(printed)?.[1], {
        timeout: 120_000,
      })
      .toBeDefined();
    const address = /^Branch Ledger web: (\S+)$/m.exec(printed)![1]!;
    expect(printed).toContain('打开网页版');
    expect(printed).toContain('请在浏览器中打开上面的地址');
    // Electron's userData on Linux: $XDG_CONFIG_HOME/<productName>.
    expect(fs.existsSync(path.join(configHome, 'Branch Ledger', 'ledger.db'))).toBe(true);

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await page.goto(address);
    await expect.poll(() => page.getByText('首次设置').isVisible()).toBe(true);
  });

  test('SIGTERM to npm start closes web mode and the database with it', async () => {
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', resolve));
    launcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    // A clean close checkpoints the WAL: nothing is left beside the file.
    expect(fs.existsSync(path.join(configHome, 'Branch Ledger', 'ledger.db-wal'))).toBe(false);
  });
});
