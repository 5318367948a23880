import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

export interface WebMode {
  url: string;
  databasePath: string;
  stop(): Promise<void>;
}

/**
 * Starts `npm run web` as a person would (through tsx, the same entry), on a fresh database in a
 * temporary folder, and waits for the one line it prints with the address.
 */
export async function startWebMode(): Promise<WebMode> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'));
  const databasePath = path.join(folder, 'ledger.db');
  const child: ChildProcess = spawn(
    path.join(projectRoot, 'node_modules/.bin/tsx'),
    ['src/web/main.ts', '--db', databasePath, '--port', '0'],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Branch Ledger web: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)$/m.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`web mode exited with ${code}: ${stderr}`)));
  });

  return {
    url,
    databasePath,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          fs.rmSync(folder, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
