/**
 * Full-width forms (全角) to their ASCII (半角) counterparts. Files typed with a Chinese input
 * method carry "１２", "９％", "ＫＨ０００１" and "（元）": to a person they are the same as "12",
 * "9%", "KH0001" and "(元)", so the importer and the decimal reading of typed figures read them the same.
 */

/** U+FF01…U+FF5E are ASCII 0x21…0x7E shifted by 0xFEE0; U+3000 is the full-width space. */
function toHalfWidthChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code === 0x3000) return ' ';
  return String.fromCharCode(code - 0xfee0);
}

/** Every full-width ASCII form, punctuation included: for headers, numbers, dates and codes. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, toHalfWidthChar);
}

/**
 * Only full-width digits and Latin letters: for names and addresses, whose Chinese punctuation
 * (二号仓（开发区）, 北京，朝阳) is part of how they are written and must not change.
 */
export function toHalfWidthAlphanumerics(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, toHalfWidthChar);
}
