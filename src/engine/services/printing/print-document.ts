import defaultDocumentTemplate from '../../../../resources/print-templates/document.json';
import type { ServiceContext } from '../context';
import { documentFields, documentPrintData } from './document-printable';
import { printFont } from './print-font';
import { renderPrintTable } from './print-table';
import { checkTemplate } from './print-template';
import { composePrintTable } from './printable';

export interface PrintedFile {
  fileName: string;
  pdf: Buffer;
  pages: number;
}

/**
 * A document to PDF on its template (the shipped default unless one is given): the file both the
 * preview shows and the printer prints. The footer names who printed it and when.
 */
export async function printDocument(
  ctx: ServiceContext,
  number: string,
  template?: unknown,
): Promise<PrintedFile> {
  const checked = checkTemplate(template ?? defaultDocumentTemplate, documentFields);
  const data = documentPrintData(ctx, number, checked);
  const footer = `打印人：${ctx.actor.displayName}  打印时间：${ctx.clock.localTime(ctx.clock.now())}`;
  const { pdf, pages } = await renderPrintTable(
    composePrintTable(checked, documentFields, data, footer),
    printFont(),
  );
  return { fileName: data.fileName, pdf, pages };
}
