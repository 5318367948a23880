// Run as its own process by numbering-concurrency.test.ts: one clerk saving documents as fast as it can.
import { cliActor, openEngine, sourceAppVersion, sourceMigrationsFolder } from '../../../src/engine';

const [databasePath, countText, inputJson] = process.argv.slice(2) as [string, string, string];
const engine = await openEngine({
  databasePath,
  migrationsFolder: sourceMigrationsFolder,
  appVersion: sourceAppVersion(),
});
const numbers: string[] = [];
for (let index = 0; index < Number(countText); index++) {
  const response = await engine.callAs(cliActor, 'documents.save', {
    id: null,
    document: JSON.parse(inputJson),
  });
  if (!response.ok) {
    process.stderr.write(`${response.error.code} ${response.error.message}\n`);
    process.exit(1);
  }
  numbers.push((response.result as { number: string }).number);
}
engine.close();
process.stdout.write(JSON.stringify(numbers));
