import type { z } from 'zod';
import type { Access, MethodContext } from './method';

/** What every method of a map has; the handler's input is its own schema's output, so `never` here. */
interface AnyMethod {
  input: z.ZodType;
  access: Access<never>;
  handler: (ctx: MethodContext, input: never) => unknown;
}
type MethodMap = Readonly<Record<string, AnyMethod>>;

type Merged<Maps extends readonly MethodMap[]> = Maps extends readonly [
  infer First,
  ...infer Rest extends readonly MethodMap[],
]
  ? First & Merged<Rest>
  : unknown;
/** One object type with every method of every map, each exactly as its map declares it. */
type Combined<Maps extends readonly MethodMap[]> = { [Name in keyof Merged<Maps>]: Merged<Maps>[Name] };

/** `documents.save` → `documents`. */
function prefixOf(name: string): string {
  return name.slice(0, name.indexOf('.'));
}

/**
 * The router from the method maps of src/engine/api/methods/, one map per method prefix (a file named
 * after it). Refused at start-up: a method defined twice, a map whose methods do not share one prefix,
 * and two maps for the same prefix — a spread would let the later silently replace the earlier.
 */
export function combineMethods<Maps extends readonly MethodMap[]>(...maps: Maps): Combined<Maps> {
  const combined: Record<string, AnyMethod> = {};
  const prefixes = new Set<string>();
  for (const map of maps) {
    const names = Object.keys(map);
    const prefix = prefixOf(names[0] ?? '');
    if (prefix === '') throw new Error(`接口方法表为空或方法名【${names[0] ?? ''}】缺少“前缀.”。`);
    const stranger = names.find((name) => prefixOf(name) !== prefix);
    if (stranger !== undefined) {
      throw new Error(`接口方法【${stranger}】不属于【${prefix}.*】的方法表：每个前缀一个文件。`);
    }
    for (const name of names) {
      if (Object.hasOwn(combined, name)) throw new Error(`接口方法【${name}】定义了两次。`);
      combined[name] = map[name]!;
    }
    if (prefixes.has(prefix)) throw new Error(`前缀【${prefix}.*】的方法分在了两个方法表中。`);
    prefixes.add(prefix);
  }
  return combined as Combined<Maps>;
}
