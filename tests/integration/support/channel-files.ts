import * as XLSX from '@e965/xlsx';

/** The columns of an office's channel report, as the import reads them (channel-report-spec.ts). */
const channelReportHeader = [
  '办事处',
  '报表类型',
  '报表期间',
  '客户编码',
  '客户名称',
  '商品编码',
  '单位',
  '期初库存',
  '本期进货',
  '实地库存',
  '在途库存',
];

/** An office's weekly file as offices make them: a title row merged across the sheet, then the header; base64. */
export function weeklyFile(office: string, week: string, rows: (string | number)[][]): string {
  const sheet = XLSX.utils.aoa_to_sheet([[`${office} 进销存周报 ${week}`], channelReportHeader, ...rows]);
  sheet['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: channelReportHeader.length - 1 } }];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '周报');
  return (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
}

/** The import wizard's request for a channel report file: all or nothing, replacing what is in force. */
export const channelReportRequest = (contentBase64: string) => ({
  entity: 'channelReport' as const,
  fileName: '周报.xlsx',
  contentBase64,
  options: { existing: 'update' as const, validOnly: false, createMissing: false },
});
