import { pinyin } from 'pinyin-pro';

const separator = '\u0001';

/** Names, specs and brands repeat across a catalogue: their pinyin is worked out once. */
const pinyinCache = new Map<string, string[]>();
const pinyinCacheSize = 20_000;

function pinyinForms(text: string): string[] {
  if (!/[\u4e00-\u9fff]/.test(text)) return [];
  const cached = pinyinCache.get(text);
  if (cached) return cached;
  const forms = computePinyinForms(text);
  if (pinyinCache.size >= pinyinCacheSize) pinyinCache.clear();
  pinyinCache.set(text, forms);
  return forms;
}

function computePinyinForms(text: string): string[] {
  const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
  const initials = pinyin(text, { ...options, pattern: 'first' }).join('');
  const full = pinyin(text, options).join('');
  return [initials, full];
}

/**
 * What the search box matches a record against, computed once when the record is written rather
 * than on every keystroke: the parts as written, and for Chinese ones their pinyin initials and
 * full pinyin — typing `cn` finds 纯牛奶. Spaces are dropped on both sides.
 */
export function searchTextOf(parts: readonly (string | null | undefined)[]): string {
  const forms: string[] = [];
  for (const part of parts) {
    const text = part?.trim();
    if (!text) continue;
    forms.push(text, ...pinyinForms(text));
  }
  return forms
    .map((form) => form.replace(/\s+/g, ''))
    .join(separator)
    .toLowerCase();
}

/** The search box's text as it is compared: trimmed, lower-case, spaces removed. */
export function normalizeSearchTerm(term: string): string {
  return term.trim().toLowerCase().replace(/\s+/g, '');
}
