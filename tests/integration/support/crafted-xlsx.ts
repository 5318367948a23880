import zlib from 'node:zlib';

/**
 * An .xlsx put together part by part, for files no spreadsheet program would write: a shared string
 * of 300 MB packed into a few hundred KB, a part whose directory entry understates its size. Parts
 * are deflated as a stream, so the test never holds the unpacked text in memory.
 */
export interface CraftedPart {
  name: string;
  /** The part's text, in pieces. */
  pieces: () => Iterable<string | Buffer>;
  /** What the directory says the part unpacks to; its real size unless a test wants it to lie. */
  declaredSize?: number;
}

interface PackedPart {
  name: Buffer;
  packed: Buffer;
  size: number;
  crc: number;
  declaredSize?: number | undefined;
}

async function pack(part: CraftedPart): Promise<PackedPart> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const packed: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => packed.push(chunk));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let size = 0;
  let crc = 0;
  for (const piece of part.pieces()) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    size += bytes.length;
    crc = zlib.crc32(bytes, crc);
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return {
    name: Buffer.from(part.name),
    packed: Buffer.concat(packed),
    size,
    crc,
    declaredSize: part.declaredSize,
  };
}

function zipOf(parts: PackedPart[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const declared = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflated
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(part.name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.packed.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(part.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, part.name, part.packed);
    directory.push(entry, part.name);
    offset += local.length + part.name.length + part.packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const packageRelNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
const contentType = (kind: string) =>
  `application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml`;

const once = (text: string) => () => [text];

/** The parts every workbook needs around its one sheet (named 商品目录) and its shared strings. */
function frame(): CraftedPart[] {
  return [
    {
      name: '[Content_Types].xml',
      pieces: once(
        `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          `<Override PartName="/xl/workbook.xml" ContentType="${contentType('sheet.main')}"/>` +
          `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${contentType('worksheet')}"/>` +
          `<Override PartName="/xl/sharedStrings.xml" ContentType="${contentType('sharedStrings')}"/>` +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      pieces: once(
        `${xmlHead}<Relationships xmlns="${packageRelNs}"><Relationship Id="rId1" ` +
          `Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      pieces: once(
        `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets>` +
          '<sheet name="商品目录" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      pieces: once(
        `${xmlHead}<Relationships xmlns="${packageRelNs}">` +
          `<Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/>` +
          `<Relationship Id="rId2" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/>` +
          '</Relationships>',
      ),
    },
  ];
}

/** A sheet whose A1 is shared string 0 and B1 the number 1, and sharedStrings.xml as given. */
export async function xlsxWithSharedString(sharedString: {
  pieces: () => Iterable<string | Buffer>;
  declaredSize?: number;
}): Promise<Buffer> {
  const parts: CraftedPart[] = [
    ...frame(),
    {
      name: 'xl/worksheets/sheet1.xml',
      pieces: once(
        `${xmlHead}<worksheet xmlns="${mainNs}"><sheetData><row r="1">` +
          '<c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row></sheetData></worksheet>',
      ),
    },
    {
      name: 'xl/sharedStrings.xml',
      pieces: function* () {
        yield `${xmlHead}<sst xmlns="${mainNs}" count="1" uniqueCount="1"><si><t>`;
        yield* sharedString.pieces();
        yield '</t></si></sst>';
      },
      ...(sharedString.declaredSize !== undefined ? { declaredSize: sharedString.declaredSize } : {}),
    },
  ];
  return zipOf(await Promise.all(parts.map(pack)));
}

/** A sheet of `rows` rows, each with the number of its row in column A. */
export async function xlsxWithRows(rows: number): Promise<Buffer> {
  const parts: CraftedPart[] = [
    ...frame(),
    {
      name: 'xl/worksheets/sheet1.xml',
      pieces: function* () {
        yield `${xmlHead}<worksheet xmlns="${mainNs}"><sheetData>`;
        for (let row = 1; row <= rows; row += 1)
          yield `<row r="${row}"><c r="A${row}"><v>${row}</v></c></row>`;
        yield '</sheetData></worksheet>';
      },
    },
    {
      name: 'xl/sharedStrings.xml',
      pieces: once(`${xmlHead}<sst xmlns="${mainNs}" count="0" uniqueCount="0"/>`),
    },
  ];
  return zipOf(await Promise.all(parts.map(pack)));
}

/** `megabytes` MB of one letter, a megabyte at a time. */
export function* letters(megabytes: number): Iterable<Buffer> {
  const megabyte = Buffer.alloc(1024 * 1024, 'A');
  for (let index = 0; index < megabytes; index += 1) yield megabyte;
}
