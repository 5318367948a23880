import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { projectRoot } from '../../src/engine';
import { combineMethods } from '../../src/engine/api/combine-methods';
import { defineMethod } from '../../src/engine/api/method';
import { router } from '../../src/engine/api/router';

/** The API map (ARCHITECTURE.md): one file per method prefix, combined at start-up into the router. */

const methodsFolder = path.join(projectRoot, 'src', 'engine', 'api', 'methods');
const ping = defineMethod({ input: z.object({}), access: 'public', handler: () => 'pong' });

/** `master-data.ts` holds `masterData.*`. */
const prefixOfFile = (file: string) =>
  path.basename(file, '.ts').replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

describe('combining the method maps into the router', () => {
  it('refuses a method defined twice, naming it', () => {
    expect(() => combineMethods({ 'goods.get': ping, 'goods.list': ping }, { 'goods.get': ping })).toThrow(
      '接口方法【goods.get】定义了两次。',
    );
  });

  it('refuses a map whose methods do not share one prefix, and a prefix split over two maps', () => {
    expect(() => combineMethods({ 'documents.list': ping, 'stock.available': ping })).toThrow(
      '接口方法【stock.available】不属于【documents.*】的方法表：每个前缀一个文件。',
    );
    expect(() => combineMethods({ 'goods.get': ping }, { 'goods.list': ping })).toThrow(
      '前缀【goods.*】的方法分在了两个方法表中。',
    );
  });

  it('keeps every method as its map declares it', () => {
    const combined = combineMethods({ 'goods.get': ping }, { 'stock.available': ping });
    expect(combined).toEqual({ 'goods.get': ping, 'stock.available': ping });
  });

  it('has one file per prefix under api/methods, named after it, together holding every method', async () => {
    const files = fs.readdirSync(methodsFolder).filter((file) => file.endsWith('.ts'));
    const seen: string[] = [];
    for (const file of files) {
      const exported = Object.values(
        (await import(path.join(methodsFolder, file))) as Record<string, unknown>,
      ).filter(
        (value): value is Record<string, unknown> =>
          typeof value === 'object' &&
          value !== null &&
          Object.values(value).every(
            (method) => typeof method === 'object' && method !== null && 'handler' in method,
          ),
      );
      expect(exported, file).toHaveLength(1);
      const names = Object.keys(exported[0]!);
      expect(
        names.filter((name) => !name.startsWith(`${prefixOfFile(file)}.`)),
        file,
      ).toEqual([]);
      seen.push(...names);
    }
    expect(seen.sort()).toEqual(Object.keys(router).sort());
  });
});
