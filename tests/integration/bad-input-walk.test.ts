import { cliActor } from '../../src/engine';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { router } from '../../src/engine/api/router';
import { documentTypeRule, documentTypes } from '../../src/shared/documents/document-types';
import { stockWorld } from './support/stock';
import { beijingLedger, callOk } from './support/ledger';
import { createAccount } from './support/users';

/**
 * Every API method, called by the administrator with bad values in every field its schema has: each
 * call gets an answer a clerk can read (a refusal with a code), never INTERNAL. The bad values are a
 * fixed list, so a run is the same every time; a method's base input is made to pass its schema first
 * (see `repairedBase`), so the bad value in one field is what the handler meets.
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional, default, a transform and the like: what a value must look like. */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
}

type Json = unknown;

/** A plausible value: ids of the world's records by the field's name, today, the first enum value. */
function baseValue(schema: z.ZodType, key: string, ids: Record<string, number>): Json {
  const def = defOf(unwrap(schema));
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {}).map(([field, inner]) => [field, baseValue(inner, field, ids)]),
      );
    case 'array':
      return [baseValue(def.element!, key, ids)];
    case 'string':
      return /date|from|to$/i.test(key) ? '2026-03-02' : /month/i.test(key) ? '2026-03' : 'X1';
    case 'number':
      return ids[key] ?? 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'union':
      return baseValue(def.options![0]!, key, ids);
    case 'record':
      return {};
    default:
      return undefined;
  }
}

/** Strings a field may need, tried in turn where the plain base is refused. */
const stringCandidates = ['2026-03-02', '2026-03', '1', 'BJ02', 'Ledger-2026!', 'admin', 'QQ=='];

function setAt(value: Json, path: readonly (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const container = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    Json
  >;
  container[head!] = setAt(container[head!], rest, replacement);
  return container;
}

/** Every field path down to the leaves, arrays by their first element. */
function leafPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.length === 0 ? [path] : [path, ...leafPaths(value[0], [...path, 0])];
  }
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value);
    return fields.length === 0
      ? [path]
      : fields.flatMap(([field, inner]) => leafPaths(inner, [...path, field]));
  }
  return [path];
}

/** What a field gets instead of its value: wrong types, huge and hostile text, awkward numbers and dates. */
const badValues: Json[] = [
  null,
  true,
  {},
  [],
  '',
  'x'.repeat(200_000),
  'a\u0000b',
  '%_%'.repeat(20_000),
  '-0',
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1e308,
  -1,
  2 ** 53 + 1,
  0.5,
  999_999_999,
  '1900-01-01',
  '9999-12-31',
  '2026-02-30',
];

/** Methods left out, with why. */
const leftOut: Record<string, string> = {
  'auth.logout': 'ends the session the walk runs in',
  'import.commit': 'reads each file in a worker, as import.preview does; the preview covers the same schema',
};

describe('bad input in every field of every method', () => {
  it('never answers INTERNAL', async () => {
    const { engine, adminSession } = await beijingLedger();
    const world = await stockWorld(engine);
    const clerk = await createAccount(engine, null, {
      username: 'clerk1',
      displayName: '李会计',
      role: 'accountant',
      password: 'Ledger-2026!',
    });
    const ids: Record<string, number> = {
      id: world.milk,
      goodsId: world.milk,
      warehouseId: world.warehouse1,
      toWarehouseId: world.warehouse2,
      counterpartyId: world.customer,
      userId: clerk.id,
    };
    // The administrator as a known actor, so that a method the walk drives into changing a password or
    // ending sessions does not stop the walk.
    const me = await callOk(engine, 'auth.currentUser', {}, adminSession);
    const admin = { ...cliActor, ...me.user, userId: me.user.id };
    const internal: string[] = [];
    let calls = 0;

    const call = async (method: string, input: Json) => {
      calls += 1;
      const response = await engine.callAs(admin, method, input);
      if (!response.ok && response.error.code === 'INTERNAL') {
        internal.push(`${method} ${JSON.stringify(input)?.slice(0, 160)} → ${response.error.message}`);
      }
      return response;
    };

    /** The base with each refused field tried against the candidates, until the schema takes it. */
    const repairedBase = (schema: z.ZodType, base: Json): Json => {
      let input = base;
      for (let round = 0; round < 5; round += 1) {
        const parsed = schema.safeParse(input);
        if (parsed.success) return input;
        for (const issue of parsed.error.issues) {
          const path = issue.path as (string | number)[];
          const fit = [...stringCandidates, 1, true, undefined].find(
            (candidate) =>
              !schema
                .safeParse(setAt(input, path, candidate))
                .error?.issues.some((other) => other.path.join('.') === path.join('.')),
          );
          input = setAt(input, path, fit);
        }
      }
      return input;
    };

    for (const [method, definition] of Object.entries(router)) {
      if (method in leftOut) continue;
      const schema = definition.input as z.ZodType;
      const idsHere = method.startsWith('users.') ? { ...ids, id: clerk.id } : ids;
      const base = repairedBase(schema, baseValue(schema, '', idsHere));
      await call(method, base);
      for (const whole of [null, [], 'x', 42]) await call(method, whole);
      for (const path of leafPaths(base)) {
        if (path.length === 0) continue;
        for (const bad of badValues) await call(method, setAt(base, path, bad));
      }
    }

    // A document's header is checked by type, so each type is walked over the ids it may name.
    for (const type of documentTypes) {
      const rule = documentTypeRule(type);
      const counterpartyId =
        rule.counterparty === 'supplier'
          ? world.supplier
          : rule.counterparty === 'customer'
            ? world.customer
            : null;
      const document = {
        type,
        businessDate: '2026-03-02',
        counterpartyId,
        warehouseId: world.warehouse1,
        toWarehouseId: rule.direction === 'transfer' ? world.warehouse2 : null,
        amount: rule.direction === 'money' ? '10' : null,
        lines:
          rule.direction === 'money'
            ? []
            : [{ goodsId: world.milk, unitName: '袋', quantity: '1', unitPrice: '1' }],
      };
      const base = { id: null, document };
      for (const path of leafPaths(base).filter((path) => /Id$/.test(String(path.at(-1))))) {
        for (const bad of [999_999_999, -0, -1, 0.5, world.milk + 100])
          await call('documents.save', setAt(base, path, bad));
      }
      for (const field of ['counterpartyId', 'officeId', 'handlerId', 'sourceDocumentId']) {
        await call('documents.save', setAt(base, ['document', field], 999_999_999));
      }
    }

    expect(calls).toBeGreaterThan(5000);
    expect(internal).toEqual([]);
    // Thousands of calls on a real file: given room on a busy machine; what is asserted is the answers.
  }, 180_000);
});
