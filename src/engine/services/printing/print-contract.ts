import { paperOf } from '../../domain/printing/paper';
import type { ServiceContext } from '../context';
import { contractFields, contractPrintData, contractTemplate } from './contract-printable';
import type { PrintedFile } from './print-document';
import { printFont } from './print-font';
import { renderPrintTables } from './print-table';
import { composePrintTable, pageFurniture } from './printable';

/**
 * A contract to PDF on its template (合同（A4）), laid out and paginated as every printed table is: the
 * header block and the column heads on each page, the terms and the signature boxes after the last line.
 */
export async function printContract(ctx: ServiceContext, id: number): Promise<PrintedFile> {
  const data = contractPrintData(ctx, id);
  const { pdf, pages } = await renderPrintTables(
    [composePrintTable(contractTemplate, contractFields, data, pageFurniture(ctx))],
    printFont(),
  );
  const paper = paperOf(contractTemplate.paper);
  return { fileName: data.fileName, pdf, pages, paperMm: { width: paper.widthMm, height: paper.heightMm } };
}
