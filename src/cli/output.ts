import type { ApiError } from '../shared/errors';

/**
 * The CLI speaks JSON on stdout, so scripts can read what it did, and exits 1 on failure. A method
 * that answers nothing prints `null`: JSON.stringify of undefined is no JSON at all.
 */
export function printResult(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result ?? null, null, 2)}\n`);
}

export function printFailure(error: ApiError): never {
  process.stdout.write(`${JSON.stringify({ error }, null, 2)}\n`);
  process.exit(1);
}
