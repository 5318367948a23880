import { execFile } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../../src/engine';

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `ledger` command as a person would: `tsx src/cli/main.ts --db FILE …` in the project folder. */
export function runCli(databasePath: string, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      path.join(projectRoot, 'node_modules', '.bin', 'tsx'),
      ['src/cli/main.ts', '--db', databasePath, ...args],
      { cwd: projectRoot, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}
