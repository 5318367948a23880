import { z } from 'zod';
import { batchLimit, printDocuments, type PrintedFile } from '../../services/printing/print-document';
import { templateOptions } from '../../services/printing/print-templates';
import { shippedTemplateKeys } from '../../services/printing/shipped-templates';
import { documentTypes } from '../../../shared/documents/document-types';
import { defineMethod } from '../method';
import { calibrationPage } from '../../services/printing/calibration-page';
import { paperNames } from '../../domain/printing/paper';
import { calibrationSchema } from '../../../shared/printing-calibration';

/** A PDF as it crosses the API, with the paper the desktop tells the printer's driver. */
export const pdfFile = (file: PrintedFile) => ({
  fileName: file.fileName,
  pages: file.pages,
  paperMm: file.paperMm,
  contentBase64: file.pdf.toString('base64'),
});

/** Which template: a stored one by id or a shipped one by key; neither is the type's default. */
export const templateChoice = {
  templateId: z.number().int().optional(),
  templateKey: z.enum(shippedTemplateKeys).optional(),
};

/** Printing: a document to PDF, the one file the preview shows and the printer prints. */
export const printMethods = {
  'print.document': defineMethod({
    input: z.object({
      /** One document, or a batch (the keeper's queue, rows selected in a list) printed as one file. */
      numbers: z
        .array(z.string().trim().min(1, '请给出单号'))
        .min(1, '请选择要打印的单据')
        .max(batchLimit, `一次最多打印 ${batchLimit} 张单据`),
      /** A template (print-template.ts) to print on instead of the default; checked before use. */
      template: z.unknown().optional(),
      ...templateChoice,
      /** The same pages to look at: not counted as a print, nothing recorded. */
      preview: z.boolean().default(false),
      /** 套打校准 of the printer it goes to (the desktop keeps one per printer). */
      calibration: calibrationSchema.optional(),
    }),
    // documents.print, or warehouse.print for the slips of what moves stock: checked with the document
    // (document-printable.ts).
    access: 'signed-in',
    handler: async (ctx, { numbers, template, templateId, templateKey, preview, calibration }) =>
      pdfFile(
        await printDocuments(ctx, numbers, { template, templateId, templateKey, preview, calibration }),
      ),
  }),

  /** The templates a document type prints on, its default first (打印预览 offers them). */
  'print.templates': defineMethod({
    input: z.object({ type: z.enum(documentTypes) }),
    access: 'signed-in',
    handler: (ctx, { type }) => templateOptions(ctx, type),
  }),

  /** 套打校准页 on a paper, printed with the printer's current calibration, to measure with a ruler. */
  'print.calibrationPage': defineMethod({
    input: z.object({ paper: z.enum(paperNames), calibration: calibrationSchema }),
    access: 'signed-in',
    handler: async (ctx, { paper, calibration }) => pdfFile(await calibrationPage(ctx, paper, calibration)),
  }),
};
