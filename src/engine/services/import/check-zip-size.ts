import zlib from 'node:zlib';
import { LedgerError } from '../../../shared/ledger-error';
import { limitTexts, spreadsheetLimits, tooLargeMessage } from './spreadsheet-limits';

/** One part of a zip as its central directory declares it (the directory SheetJS reads too). */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const endOfDirectoryLength = 22;
/** The end record may be followed by a comment of up to 65,535 bytes. */
const longestComment = 0xffff;
/** A size or count of all ones means "see the Zip64 record": only files of gigabytes need one. */
const zip64Marker = 0xffffffff;
const stored = 0;
const deflated = 8;

function damaged(fileName: string, what: string): LedgerError {
  return new LedgerError(
    'VALIDATION',
    `文件【${fileName}】无法读取：压缩结构已损坏（${what}），请用 Excel 打开后另存为 .xlsx 再导入。`,
  );
}

function tooLarge(fileName: string, what: string): LedgerError {
  return new LedgerError('VALIDATION', tooLargeMessage(fileName, what));
}

function findEndOfDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - endOfDirectoryLength - longestComment);
  for (let offset = bytes.length - endOfDirectoryLength; offset >= lowest; offset -= 1) {
    if (bytes.readUInt32LE(offset) === endOfDirectorySignature) return offset;
  }
  return -1;
}

function readDirectory(fileName: string, bytes: Buffer): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  if (end < 0) throw damaged(fileName, '找不到压缩包目录');
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === zip64Marker) throw tooLarge(fileName, limitTexts.unpacked());
  if (count > spreadsheetLimits.entries) throw tooLarge(fileName, limitTexts.entries());
  if (directoryOffset + directorySize > end) throw damaged(fileName, '目录位置超出文件');
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== directoryEntrySignature) {
      throw damaged(fileName, '目录条目不完整');
    }
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const entry: ZipEntry = {
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      declaredSize: bytes.readUInt32LE(offset + 24),
      localHeaderOffset: bytes.readUInt32LE(offset + 42),
    };
    if (entry.declaredSize === zip64Marker || entry.compressedSize === zip64Marker) {
      throw tooLarge(fileName, limitTexts.entry(entry.name));
    }
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's packed bytes: after its local header, whose name and extra field may differ in length. */
function packedData(fileName: string, bytes: Buffer, entry: ZipEntry): Buffer {
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== localHeaderSignature) {
    throw damaged(fileName, `【${entry.name}】的位置不对`);
  }
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  if (start + entry.compressedSize > bytes.length) throw damaged(fileName, `【${entry.name}】不完整`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Unpacks the entry to learn its real size, stopping as soon as it passes what the directory declared:
 * declared sizes can lie, and a part that unpacks to more than it said is refused before SheetJS,
 * which trusts them, reads it.
 */
function checkUnpackedSize(fileName: string, bytes: Buffer, entry: ZipEntry): void {
  const data = packedData(fileName, bytes, entry);
  if (entry.method === stored) {
    if (data.length > entry.declaredSize) throw damaged(fileName, `【${entry.name}】的大小与目录不符`);
    return;
  }
  if (entry.method !== deflated) throw damaged(fileName, `【${entry.name}】的压缩方式不受支持`);
  try {
    zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.declaredSize) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(fileName, `其中的【${entry.name}】解压后比声明的大小更大`);
    }
    throw damaged(fileName, `【${entry.name}】无法解压`);
  }
}

/**
 * Refuses an .xlsx (a zip) whose parts unpack to more than the import reads (spreadsheet-limits.ts):
 * by the sizes its directory declares, then by unpacking each part with a cap at its declared size.
 */
export function checkZipSize(fileName: string, content: Uint8Array): void {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const entries = readDirectory(fileName, bytes);
  let total = 0;
  for (const entry of entries) {
    if (entry.declaredSize > spreadsheetLimits.entryBytes)
      throw tooLarge(fileName, limitTexts.entry(entry.name));
    total += entry.declaredSize;
    if (total > spreadsheetLimits.unpackedBytes) throw tooLarge(fileName, limitTexts.unpacked());
  }
  for (const entry of entries) checkUnpackedSize(fileName, bytes, entry);
}
