import { useClient } from '../api/ClientContext';
import { saveBase64File } from '../files/saveBase64File';

/** A PDF the engine made to print, with the paper its pages are laid out on. */
export interface PrintFile {
  fileName: string;
  contentBase64: string;
  pages: number;
  paperMm: { width: number; height: number } | null;
}

/**
 * Hands a print file to the printer: in the desktop app the main process prints that PDF on this
 * machine's printer (electron/desktop-printing.ts), silently when it is set so; in web mode the browser
 * gets the file, to print from its PDF viewer. Resolves to where it went.
 */
export function usePrintFile(): (file: PrintFile) => Promise<'printer' | 'file'> {
  const client = useClient();
  return async (file) => {
    if (client.desktop) {
      await client.desktop.call('desktop.printPdf', {
        contentBase64: file.contentBase64,
        paperMm: file.paperMm,
      });
      return 'printer';
    }
    saveBase64File(file);
    return 'file';
  };
}
