/**
 * Web mode in a process of its own, for tests that must see whether the server survives a request:
 * what src/web/main.ts does, minus building the renderer. Prints `{"port":…,"token":…}` when ready.
 * Usage: tsx tests/integration/support/web-server-process.ts <database> <renderer folder>
 */
import { openEngine, sourceAppVersion, sourceMigrationsFolder } from '../../../src/engine';
import { startWebServer } from '../../../src/web/server';

const [databasePath, rendererRoot] = process.argv.slice(2);
if (!databasePath || !rendererRoot)
  throw new Error('usage: web-server-process.ts <database> <renderer folder>');
const engine = await openEngine({
  databasePath,
  migrationsFolder: sourceMigrationsFolder,
  appVersion: sourceAppVersion(),
});
const server = await startWebServer(engine, { rendererRoot, port: 0 });
process.stdout.write(`${JSON.stringify({ port: server.port, token: server.token })}\n`);
