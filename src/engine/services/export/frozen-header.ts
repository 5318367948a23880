import * as XLSX from '@e965/xlsx';

/** The pane that keeps row 1 in view while the rows below scroll (Excel's 冻结首行). */
const frozenFirstRow =
  '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';

/**
 * Freezes the first row of the given sheets (1-based, in workbook order) of an .xlsx package.
 * SheetJS's community edition writes no panes, so the sheet's view is set in the package itself:
 * the file is a zip, read and rewritten with the zip reader SheetJS ships (CFB).
 */
export function freezeHeaderRows(xlsx: Buffer, sheetNumbers: readonly number[]): Buffer {
  if (sheetNumbers.length === 0) return xlsx;
  const container = XLSX.CFB.read(xlsx, { type: 'buffer' });
  for (const sheetNumber of sheetNumbers) {
    const entry = XLSX.CFB.find(container, `/xl/worksheets/sheet${sheetNumber}.xml`);
    if (!entry?.content) throw new Error(`xlsx package without worksheet ${sheetNumber}`);
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    const frozen = xml.replace(/<sheetView ([^>]*?)\/>/, `<sheetView $1>${frozenFirstRow}</sheetView>`);
    if (frozen === xml) throw new Error(`worksheet ${sheetNumber} has no sheet view to freeze`);
    entry.content = Buffer.from(frozen, 'utf8');
  }
  return XLSX.CFB.write(container, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer;
}
