import { toHalfWidth } from '../../../shared/text/half-width';

/**
 * A header as it is compared with the entity's labels and synonyms: "＊ 进货价（元/箱）" and
 * "进货价(元/箱)" are the same column. Trimmed, full-width to half-width (brackets included),
 * lower-case, spaces dropped, and the template's required mark "*" removed.
 */
export function normalizeHeader(header: string): string {
  return toHalfWidth(header).toLowerCase().replace(/\s+/g, '').replace(/^\*+/, '');
}

/** "进货价(元/大单位)" → "进货价": the header without the unit or remark in brackets at its end. */
export function withoutBracketedSuffix(normalizedHeader: string): string {
  return normalizedHeader.replace(/(\([^()]*\)|\[[^[\]]*\]|【[^【】]*】)+$/, '');
}
