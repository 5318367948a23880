import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import rules in eslint.config.js guard the layers (CONVENTIONS.md): domain rules are pure,
 * services do not reach back into the api, the renderer talks to the engine only through the typed
 * client. A pattern that never matches protects nothing, so each rule is run here on a probe file
 * at the depth real files sit (src/engine/domain/costing/…, src/engine/services/stock/…).
 */
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });

async function ruleIdsFor(filePath: string, source: string): Promise<string[]> {
  const code = `import { probe } from '${source}';\nexport const used = probe;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const domainFile = 'src/engine/domain/costing/lint-probe.ts';
const domainTopFile = 'src/engine/domain/lint-probe.ts';
const servicesFile = 'src/engine/services/stock/lint-probe.ts';
const rendererFile = 'src/app/pages/lint-probe.tsx';
const consoleFile = 'src/hq/console/pages/lint-probe.tsx';

describe('import rules that keep the layers apart', () => {
  it.each([
    ['a domain rule two folders down, the database', domainFile, '../../db/connection'],
    ['a domain rule two folders down, the database folder itself', domainFile, '../../db'],
    ['a domain rule one folder down, the database', 'src/engine/domain/lint-probe.ts', '../db/connection'],
    ['a domain rule, SQLite', domainFile, 'better-sqlite3'],
    ['a domain rule, the ORM', domainFile, 'drizzle-orm/sqlite-core'],
    ['a domain rule, a service', domainFile, '../../services/stock/confirm'],
    ['a domain rule, the api', domainFile, '../../api/router'],
    ['a domain rule, Node I/O by its prefixed name', domainFile, 'node:fs'],
    ['a domain rule, Node I/O by its bare name', domainTopFile, 'fs'],
    ['a domain rule, Electron', domainFile, 'electron'],
    ['a service, the api router', servicesFile, '../../api/router'],
    ['a service, an api schema', servicesFile, '../../api/schemas/document'],
    ['a service, Electron', servicesFile, 'electron'],
    ['a service, the renderer', servicesFile, '../../../app/api/client'],
    ['the renderer, the engine’s domain', rendererFile, '../../engine/domain/x'],
    ['the renderer, the engine itself', rendererFile, '../../engine'],
    ['the renderer, Node', rendererFile, 'node:path'],
    ['the renderer, Electron', rendererFile, 'electron'],
    ['head office’s console page, Node', consoleFile, 'node:fs'],
    ['head office’s console page, the store', consoleFile, '../../store/sql-console-reads'],
    ['head office’s console page, the server side of its API', consoleFile, '../../console-api/summaries'],
    ['head office’s console page, the branch engine', consoleFile, '../../../engine'],
  ])('refuses %s (%s imports %s)', async (_what, filePath, source) => {
    expect(await ruleIdsFor(filePath, source)).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['a domain rule, another domain module', domainFile, '../numbers/integer-math'],
    ['a domain rule, the shared error codes', domainTopFile, '../../shared/errors'],
    ['a service, the database', servicesFile, '../../db/connection'],
    ['a service, the domain', servicesFile, '../../domain/costing/fifo'],
    ['a service, the API’s shared type', servicesFile, '../../../shared/api'],
    ['the api, a service', 'src/engine/api/methods/lint-probe.ts', '../../services/stock/confirm'],
    ['the renderer, the typed client', rendererFile, '../api/client'],
    ['the renderer, the API’s shared type', rendererFile, '../../shared/api'],
    [
      'head office’s console page, its API’s shared types',
      consoleFile,
      '../../../shared/hq-console/console-api',
    ],
  ])('lets %s through (%s imports %s)', async (_what, filePath, source) => {
    expect(await ruleIdsFor(filePath, source)).toEqual([]);
  });
});
