import { and, count, eq, inArray } from 'drizzle-orm';
import { paperOf } from '../../domain/printing/paper';
import { noCalibration, type Calibration } from '../../../shared/printing-calibration';
import { documentEvents } from '../../db/schema';
import type { DocumentType } from '../../../shared/documents/document-types';
import { LedgerError } from '../../../shared/ledger-error';
import type { ServiceContext } from '../context';
import { recordDocumentEvent } from '../documents/document-events';
import { documentFields, documentPrintData, type DocumentPrintData } from './document-printable';
import { sampleDocumentPrintData } from './document-sample';
import { printFont } from './print-font';
import { renderPrintTables } from './print-table';
import { checkTemplate, type PrintTemplate } from './print-template';
import { resolveTemplate, type TemplateChoice } from './print-templates';
import { composePrintTable, pageFurniture } from './printable';

export interface PrintedFile {
  fileName: string;
  pdf: Buffer;
  pages: number;
  /** The paper every page is laid out on; null for a batch on papers of several sizes. */
  paperMm: { width: number; height: number } | null;
}

/** The one paper a set of templates prints on, or null when they differ. */
function paperOfAll(templates: readonly PrintTemplate[]): PrintedFile['paperMm'] {
  const names = new Set(templates.map((template) => template.paper));
  if (names.size !== 1) return null;
  const paper = paperOf(templates[0]!.paper);
  return { width: paper.widthMm, height: paper.heightMm };
}

/** The most documents one batch prints: a keeper's day, well short of a PDF nobody can open. */
export const batchLimit = 500;

/** How many times each document was printed before, by id. */
function timesPrinted(ctx: ServiceContext, ids: readonly number[]): Map<number, number> {
  const rows = ctx.db
    .select({ id: documentEvents.documentId, times: count() })
    .from(documentEvents)
    .where(and(inArray(documentEvents.documentId, [...ids]), eq(documentEvents.action, 'print')))
    .groupBy(documentEvents.documentId)
    .all();
  return new Map(rows.map((row) => [row.id, row.times]));
}

/** 重打: a copy printed after the first says so on its face, as 金蝶 and 用友 print it. */
function reprintMark(times: number): string | null {
  return times === 0 ? null : `重打 · 第 ${times + 1} 次打印`;
}

/**
 * Documents to one PDF, one after another, each with its own pages, on their template: their type's
 * default (print-templates.ts) unless another stored or shipped one is chosen or a template is given.
 * It is the file both the preview shows and the printer prints. A print (not a preview) is kept in each
 * document's events, and a document printed before carries the 重打 mark: the preview shows the mark
 * the print will carry. The footer names who printed and when. A calibration (套打校准) moves and scales
 * the printed pages for the printer they go to; the preview is never moved.
 */
export async function printDocuments(
  ctx: ServiceContext,
  numbers: readonly string[],
  options: TemplateChoice & { template?: unknown; preview?: boolean; calibration?: Calibration } = {},
): Promise<PrintedFile> {
  if (numbers.length === 0) throw new LedgerError('VALIDATION', '请选择要打印的单据。');
  if (numbers.length > batchLimit) {
    throw new LedgerError('VALIDATION', `一次最多打印 ${batchLimit} 张单据，已选 ${numbers.length} 张。`);
  }
  const given = options.template === undefined ? null : checkTemplate(options.template, documentFields);
  // One reading per type in a batch: the keeper's queue of 100 deliveries reads their template once.
  const chosen = new Map<DocumentType, PrintTemplate>();
  const templateFor = (type: DocumentType) => {
    if (given) return given;
    if (!chosen.has(type)) chosen.set(type, resolveTemplate(ctx, type, options));
    return chosen.get(type)!;
  };
  const font = printFont();
  const documents = [...new Set(numbers)].map((number) => documentPrintData(ctx, number, templateFor));
  const furniture = pageFurniture(ctx);
  const render = (before: Map<number, number>) =>
    renderPrintTables(
      documents.map((doc) =>
        composePrintTable(
          doc.template,
          documentFields,
          doc,
          furniture,
          reprintMark(before.get(doc.documentId) ?? 0),
        ),
      ),
      font,
      // The preview is the page as designed; the print goes out moved for its printer (套打).
      { calibration: options.preview ? noCalibration : options.calibration },
    );
  const ids = documents.map((doc) => doc.documentId);
  // Rendered first, recorded after: a print that fails to render is no print. Another copy of the app
  // printing one of them meanwhile changes the count the marks were drawn from: drawn again.
  for (;;) {
    const before = timesPrinted(ctx, ids);
    const { pdf, pages } = await render(before);
    if (options.preview || recordPrints(ctx, documents, before)) {
      const paperMm = paperOfAll(documents.map((doc) => doc.template));
      return { fileName: fileNameOf(documents), pdf, pages, paperMm };
    }
  }
}

/** Records one print per document, if none was recorded since `before` was read; false if one was. */
function recordPrints(
  ctx: ServiceContext,
  documents: readonly DocumentPrintData[],
  before: Map<number, number>,
): boolean {
  return ctx.db.transaction((tx) => {
    const now = timesPrinted(
      ctx,
      documents.map((doc) => doc.documentId),
    );
    if (documents.some((doc) => (now.get(doc.documentId) ?? 0) !== (before.get(doc.documentId) ?? 0)))
      return false;
    for (const doc of documents) {
      const times = (before.get(doc.documentId) ?? 0) + 1;
      recordDocumentEvent(tx, ctx, {
        documentId: doc.documentId,
        action: 'print',
        from: doc.status,
        to: doc.status,
        note: times === 1 ? '打印' : `重打（第 ${times} 次打印）`,
      });
    }
    return true;
  });
}

function fileNameOf(documents: readonly DocumentPrintData[]): string {
  return documents.length === 1
    ? documents[0]!.fileName
    : `单据-${documents[0]!.header.number}等${documents.length}张.pdf`;
}

/**
 * The designer's live preview: a template being edited, on a real document when one is named, else on
 * the made-up 样张 of the type (document-sample.ts). Nothing is recorded.
 */
export async function previewTemplate(
  ctx: ServiceContext,
  template: unknown,
  type: DocumentType,
  number?: string,
): Promise<PrintedFile> {
  if (number !== undefined) return printDocuments(ctx, [number], { template, preview: true });
  const checked = checkTemplate(template, documentFields);
  const data = sampleDocumentPrintData(ctx, type);
  const { pdf, pages } = await renderPrintTables(
    [composePrintTable(checked, documentFields, data, pageFurniture(ctx))],
    printFont(),
  );
  return { fileName: data.fileName, pdf, pages, paperMm: paperOfAll([checked]) };
}
