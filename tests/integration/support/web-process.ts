import { spawn } from 'node:child_process';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { projectRoot } from '../../../src/engine';

export interface WebServerProcess {
  port: number;
  token: string;
  /** What the server process wrote to stderr so far (a crash leaves its stack here). */
  stderr(): string;
  /** Resolves when the process has ended, or after `waitMs` if it is still running. */
  exited(waitMs: number): Promise<boolean>;
}

/** Runs web mode in a child process (support/web-server-process.ts); stopped when the test ends. */
export async function startWebServerProcess(
  databasePath: string,
  rendererRoot: string,
): Promise<WebServerProcess> {
  const child = spawn(
    path.join(projectRoot, 'node_modules', '.bin', 'tsx'),
    [path.join('tests', 'integration', 'support', 'web-server-process.ts'), databasePath, rendererRoot],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let ended = false;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.once('exit', () => (ended = true));
  onTestFinished(() => {
    if (!ended) child.kill();
  });

  const ready = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('\n')) resolve(JSON.parse(stdout) as { port: number; token: string });
    });
    child.once('exit', (code) =>
      reject(new Error(`web server exited with ${code} before it was ready: ${stderr}`)),
    );
  });

  return {
    ...ready,
    stderr: () => stderr,
    exited: (waitMs) =>
      ended
        ? Promise.resolve(true)
        : new Promise((resolve) => {
            const timer = setTimeout(() => resolve(false), waitMs);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve(true);
            });
          }),
  };
}
