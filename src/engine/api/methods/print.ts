import { z } from 'zod';
import { printDocument } from '../../services/printing/print-document';
import { defineMethod } from '../method';

/** Printing: a document to PDF, the one file the preview shows and the printer prints. */
export const printMethods = {
  'print.document': defineMethod({
    input: z.object({
      number: z.string().trim().min(1, '请给出单号'),
      /** A template (print-template.ts) to print on instead of the default; checked before use. */
      template: z.unknown().optional(),
    }),
    // documents.print, or warehouse.print for the slips of what moves stock: checked with the document
    // (document-printable.ts).
    access: 'signed-in',
    handler: async (ctx, { number, template }) => {
      const file = await printDocument(ctx, number, template);
      return { fileName: file.fileName, pages: file.pages, contentBase64: file.pdf.toString('base64') };
    },
  }),
};
