import { paperOf, type PaperName } from '../../domain/printing/paper';
import type { Calibration } from '../../../shared/printing-calibration';
import type { ServiceContext } from '../context';
import { PdfCanvas } from './pdf-canvas';
import type { PrintedFile } from './print-document';
import { printFont } from './print-font';
import { pageFurniture } from './printable';

/** Where the cross is, from the paper's left and top edges: far enough in for any printer to reach. */
export const crossAtMm = 20;

const signed = (mm: number) => `${mm > 0 ? '+' : ''}${mm}`;

/**
 * 套打校准页: a page of the paper a form is printed on, with rulers along its top and left edges, a cross
 * 20 mm in from each, and a line that should measure 100 mm, printed with the printer's current
 * calibration. Measured with a ruler, the page says what to change: the cross's distances give the
 * offsets, the line's length the scale.
 */
export async function calibrationPage(
  ctx: ServiceContext,
  paperName: PaperName,
  calibration: Calibration,
): Promise<PrintedFile> {
  const paper = paperOf(paperName);
  const canvas = new PdfCanvas(printFont(), '套打校准页', calibration);
  canvas.page(paper);
  // Rulers: a tick a millimetre, longer every 5, numbered every 10.
  for (let mm = 0; mm <= paper.widthMm; mm += 1) {
    const long = mm % 10 === 0 ? 4 : mm % 5 === 0 ? 2.5 : 1.5;
    canvas.line(mm, 0, mm, long, 0.3);
    if (mm % 10 === 0 && mm > 0)
      canvas.text(String(mm), { xMm: mm - 5, yMm: 4.5, widthMm: 10 }, { sizePt: 6, align: 'center' });
  }
  for (let mm = 0; mm <= paper.heightMm; mm += 1) {
    const long = mm % 10 === 0 ? 4 : mm % 5 === 0 ? 2.5 : 1.5;
    canvas.line(0, mm, long, mm, 0.3);
    if (mm % 10 === 0 && mm > 0)
      canvas.text(String(mm), { xMm: 4.5, yMm: mm - 1.2, widthMm: 8 }, { sizePt: 6 });
  }
  // The cross, 20 mm from the left and top edges.
  canvas.line(crossAtMm - 6, crossAtMm, crossAtMm + 6, crossAtMm, 0.4);
  canvas.line(crossAtMm, crossAtMm - 6, crossAtMm, crossAtMm + 6, 0.4);
  // The 100 mm line, beneath the cross.
  const lineY = crossAtMm + 14;
  const length = Math.min(100, paper.widthMm - crossAtMm - 10);
  canvas.line(crossAtMm, lineY, crossAtMm + length, lineY, 0.6);
  canvas.line(crossAtMm, lineY - 2, crossAtMm, lineY + 2, 0.6);
  canvas.line(crossAtMm + length, lineY - 2, crossAtMm + length, lineY + 2, 0.6);
  const text = (line: number, words: string, sizePt = 8) =>
    canvas.text(
      words,
      { xMm: crossAtMm + 10, yMm: crossAtMm - 5 + line * 4.2, widthMm: paper.widthMm - crossAtMm - 20 },
      { sizePt },
    );
  text(0, `套打校准页 · ${paper.widthMm} × ${paper.heightMm} mm`, 10);
  text(1, `十字中心应距纸张左边 ${crossAtMm} mm、上边 ${crossAtMm} mm；下面的粗线应长 ${length} mm。`);
  canvas.text(
    `此线应长 ${length} mm`,
    { xMm: crossAtMm, yMm: lineY + 2.5, widthMm: length },
    { sizePt: 8, align: 'center' },
  );
  const lines = [
    `本页按当前校准打印：水平 ${signed(calibration.offsetXmm)} mm，垂直 ${signed(calibration.offsetYmm)} mm，缩放 ${Math.round(calibration.scale * 1000) / 10}%。`,
    `量得十字距左边 a mm、距上边 b mm：水平偏移改为 当前值 + (${crossAtMm} − a)，垂直偏移改为 当前值 + (${crossAtMm} − b)。`,
    `量得粗线长 L mm：缩放改为 当前值 × ${length} ÷ L。改好后再打一张，直到十字和粗线都对。`,
  ];
  lines.forEach((words, index) =>
    canvas.text(
      words,
      { xMm: crossAtMm, yMm: lineY + 9 + index * 4.2, widthMm: paper.widthMm - crossAtMm - 8 },
      { sizePt: 8 },
    ),
  );
  canvas.text(
    pageFurniture(ctx).footer,
    { xMm: crossAtMm, yMm: paper.heightMm - 8, widthMm: paper.widthMm - 30 },
    { sizePt: 7 },
  );
  return {
    fileName: `套打校准页-${paper.widthMm}x${paper.heightMm}.pdf`,
    pdf: await canvas.finish(),
    pages: 1,
    paperMm: { width: paper.widthMm, height: paper.heightMm },
  };
}
