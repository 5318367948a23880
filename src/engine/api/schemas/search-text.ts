import { trimmedText } from './record-fields';

/**
 * The longest search term or filter text a list or picker takes: longer than any name, code or
 * barcode, and far below SQLite's 50,000-byte limit on a LIKE pattern (a 60 MB term reached it).
 */
export const maxSearchLength = 100;

/** A search term or text filter, trimmed and bounded; `label` names it in the message. */
export function searchText(label = '搜索内容') {
  return trimmedText(label, maxSearchLength);
}
