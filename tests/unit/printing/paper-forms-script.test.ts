import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paperNames, paperOf } from '../../../src/shared/printing-paper';

/**
 * The Windows helper that adds the continuous forms to the print server (resources/windows): it must name
 * every continuous paper the app lays out on, at its size in microns, and be readable by PowerShell 5.1
 * (UTF-8 with a byte-order mark, or its Chinese form names are garbled).
 */
const script = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../../resources/windows/add-paper-forms.ps1'),
);

describe('add-paper-forms.ps1', () => {
  it('starts with a UTF-8 byte-order mark', () => {
    expect([...script.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('adds every continuous paper at its size, in thousandths of a millimetre', () => {
    const text = script.toString('utf8');
    const forms = [...text.matchAll(/Name = '([^']+)'; Width = (\d+); Height = (\d+)/g)].map((match) => ({
      width: Number(match[2]) / 1000,
      height: Number(match[3]) / 1000,
    }));
    const continuous = paperNames.map(paperOf).filter((paper) => paper.continuous);
    expect(forms).toEqual(continuous.map((paper) => ({ width: paper.widthMm, height: paper.heightMm })));
  });
});
