import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(projectRoot, 'node_modules/.bin/tsx');

export interface HqRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Head office as its operator runs it: `npm run hq -- …` (the same entry, through tsx) on one data folder. */
export interface HqServe {
  dataDir: string;
  /** The console's address as printed, `https://127.0.0.1:N/console/#token=…`. */
  consoleUrl: string;
  /** Runs another `hq` command (branch add, import …) on the same data folder while the server runs. */
  run(args: string[]): Promise<HqRun>;
  stop(): Promise<void>;
}

export async function startHqServe(): Promise<HqServe> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-e2e-'));
  const run = (args: string[]) =>
    new Promise<HqRun>((resolve) => {
      execFile(
        tsx,
        ['src/hq/main.ts', ...args, '--data', dataDir],
        { cwd: projectRoot, encoding: 'utf8' },
        (error, stdout, stderr) =>
          resolve({
            exitCode: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
            stdout,
            stderr,
          }),
      );
    });
  const child: ChildProcess = spawn(
    tsx,
    ['src/hq/main.ts', 'serve', '--data', dataDir, '--port', '0', '--host', '127.0.0.1'],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let printed = '';
  child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  // The first start builds the console page (a fresh clone has none): that is part of what is tested.
  const consoleUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = /^总部控制台：(https:\/\/127\.0\.0\.1:\d+\/console\/#token=[\w-]+)$/m.exec(printed);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`npm run hq exited with ${code}: ${printed}`)));
  });
  return {
    dataDir,
    consoleUrl,
    run,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
