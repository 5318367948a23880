// Run as its own process by import-batches.test.ts: a program importing a goods file in small batches,
// so that the test can kill it (kill -9) in the middle of the import. Prints "done" if it ever finishes.
import fs from 'node:fs';
import path from 'node:path';
import { cliActor, openEngine, sourceAppVersion, sourceMigrationsFolder } from '../../../src/engine';

const [databasePath, file] = process.argv.slice(2) as [string, string];
const engine = await openEngine({
  databasePath,
  migrationsFolder: sourceMigrationsFolder,
  appVersion: sourceAppVersion(),
  importPacing: { batchRows: 20, pauseMs: 30 },
});
const response = await engine.callAs(cliActor, 'import.commit', {
  entity: 'goods',
  fileName: path.basename(file),
  contentBase64: fs.readFileSync(file).toString('base64'),
});
engine.close();
process.stdout.write(`done ${JSON.stringify(response)}\n`);
