import { detect } from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** What the bytes were read as, for the preview and the log. */
  encoding: string;
}

const utf8Bom = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The text of a CSV file. Chinese Excel saves CSV in the system code page (GBK), newer Excel and
 * other programs in UTF-8, with or without a byte-order mark. Decided in this order: a BOM says
 * it; bytes that are valid UTF-8 are UTF-8 (GBK text almost never is); otherwise chardet's guess
 * when it recognises Big5 (files from Hong Kong or Taiwan) and GB18030 in every other case, since
 * it is a superset of GBK and GB2312 and reads plain ASCII unchanged.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, utf8Bom)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(utf8Bom.length)), encoding: 'UTF-8 (BOM)' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv.decode(bytes, 'utf-16le'), encoding: 'UTF-16LE' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv.decode(bytes, 'utf-16be'), encoding: 'UTF-16BE' };
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' };
  const guess = detect(bytes);
  const encoding = guess === 'Big5' ? 'Big5' : 'GB18030';
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}
