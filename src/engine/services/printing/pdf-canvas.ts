import { create, type Font } from 'fontkit';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { mmToPoints, type Paper } from '../../domain/printing/paper';
import { isIdentity, noCalibration, type Calibration } from '../../../shared/printing-calibration';
import type { PrintFont } from './print-font';

export type Align = 'left' | 'center' | 'right';

export interface TextStyle {
  sizePt: number;
  align?: Align | undefined;
}

/** A box on the page, in millimetres from its top left corner. */
export interface Box {
  xMm: number;
  yMm: number;
  widthMm: number;
}

/** A picture PDFKit has read (`openImage`, which its types leave out): drawn again without embedding it again. */
interface EmbeddedImage {
  width: number;
  height: number;
}

const pointsToMm = (points: number) => (points * 25.4) / 72;

/**
 * Each font file parsed once per process: parsing a CJK collection took about 130 ms of a 140 ms slip,
 * a start cost every document of a batch would pay again. Each document still embeds its own subset.
 */
const parsedFonts = new Map<string, Font>();

function parsedFont(font: PrintFont): Font {
  const key = `${font.file}#${font.postscriptName ?? ''}`;
  let parsed = parsedFonts.get(key);
  if (!parsed) {
    parsed = create(fs.readFileSync(font.file), font.postscriptName) as Font;
    parsedFonts.set(key, parsed);
  }
  return parsed;
}

/**
 * A PDF drawn in millimetres, page by page, each page exactly its paper's size (no scaling, no
 * margins of the library's own): the file the preview shows and the printer prints. Text is embedded
 * in the font given, subset to what the document uses.
 */
export class PdfCanvas {
  private readonly doc: InstanceType<typeof PDFDocument>;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private readonly images = new Map<Buffer, EmbeddedImage>();

  /**
   * `calibration`: every page moved and scaled on the way to a printer that puts it off (套打); the
   * page's size stays its paper's.
   */
  constructor(
    font: PrintFont,
    title: string,
    private readonly calibration: Calibration = noCalibration,
  ) {
    this.doc = new PDFDocument({
      autoFirstPage: false,
      margin: 0,
      info: { Title: title, Creator: '分支账簿' },
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    // pdfkit takes a font fontkit has parsed (its font factory looks for `layout`); its types name only
    // files and bytes.
    this.doc.registerFont('print', parsedFont(font) as unknown as Buffer);
    this.doc.font('print');
  }

  page(paper: Paper): void {
    const size: [number, number] = [mmToPoints(paper.widthMm), mmToPoints(paper.heightMm)];
    this.doc.addPage({ size, margin: 0 });
    if (!isIdentity(this.calibration)) {
      this.doc
        .translate(mmToPoints(this.calibration.offsetXmm), mmToPoints(this.calibration.offsetYmm))
        .scale(this.calibration.scale);
    }
  }

  /** One line of text in a box, cut off at its width rather than wrapped. */
  text(text: string, box: Box, style: TextStyle): void {
    this.doc.fontSize(style.sizePt).text(text, mmToPoints(box.xMm), mmToPoints(box.yMm), {
      width: mmToPoints(box.widthMm),
      align: style.align ?? 'left',
      lineBreak: false,
      ellipsis: true,
      height: this.doc.currentLineHeight(true),
    });
  }

  /** Text wrapped within a box's width, as many lines as it takes. */
  wrapped(text: string, box: Box, style: TextStyle): void {
    this.doc.fontSize(style.sizePt).text(text, mmToPoints(box.xMm), mmToPoints(box.yMm), {
      width: mmToPoints(box.widthMm),
      align: style.align ?? 'left',
    });
  }

  /** How tall `text` wraps to in a box of `widthMm`, in millimetres. */
  heightOf(text: string, widthMm: number, style: TextStyle): number {
    return pointsToMm(this.doc.fontSize(style.sizePt).heightOfString(text, { width: mmToPoints(widthMm) }));
  }

  /**
   * A picture (PNG or JPEG) in a box of this height, as wide as its proportions make it but no wider
   * than `maxWidthMm`; the width drawn, in millimetres. Each picture is embedded once however many pages
   * carry it.
   */
  image(bytes: Buffer, box: { xMm: number; yMm: number; heightMm: number; maxWidthMm: number }): number {
    let image = this.images.get(bytes);
    if (!image) {
      image = (this.doc as unknown as { openImage(bytes: Buffer): EmbeddedImage }).openImage(bytes);
      this.images.set(bytes, image);
    }
    const widthMm = Math.min(box.maxWidthMm, (image.width / image.height) * box.heightMm);
    const heightMm = (image.height / image.width) * widthMm;
    this.doc.image(image as never, mmToPoints(box.xMm), mmToPoints(box.yMm), {
      width: mmToPoints(widthMm),
      height: mmToPoints(heightMm),
    });
    return widthMm;
  }

  line(x1Mm: number, y1Mm: number, x2Mm: number, y2Mm: number, widthPt = 0.5): void {
    this.doc
      .moveTo(mmToPoints(x1Mm), mmToPoints(y1Mm))
      .lineTo(mmToPoints(x2Mm), mmToPoints(y2Mm))
      .lineWidth(widthPt)
      .stroke();
  }

  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
