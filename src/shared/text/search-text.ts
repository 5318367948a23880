import { pinyin } from 'pinyin-pro';

const separator = '\u0001';

/**
 * Pinyin of runs of Chinese characters, worked out once per distinct run: catalogues repeat the
 * same words with different numbers and sizes (纯牛奶1号, 纯牛奶2号), and pinyin is the slow part
 * of writing a record.
 */
const runCache = new Map<string, [initials: string, full: string]>();
const runCacheSize = 50_000;

function pinyinOfRun(run: string): [string, string] {
  const cached = runCache.get(run);
  if (cached) return cached;
  const options = { toneType: 'none', type: 'array', v: true } as const;
  const forms: [string, string] = [
    pinyin(run, { ...options, pattern: 'first' }).join(''),
    pinyin(run, options).join(''),
  ];
  if (runCache.size >= runCacheSize) runCache.clear();
  runCache.set(run, forms);
  return forms;
}

/** The text's pinyin initials and full pinyin, other characters kept as they are; none without Chinese. */
function pinyinForms(text: string): string[] {
  if (!/[\u4e00-\u9fff]/.test(text)) return [];
  let initials = '';
  let full = '';
  for (const [run] of text.matchAll(/[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+/g)) {
    if (/[\u4e00-\u9fff]/.test(run)) {
      const [runInitials, runFull] = pinyinOfRun(run);
      initials += runInitials;
      full += runFull;
    } else {
      initials += run;
      full += run;
    }
  }
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
