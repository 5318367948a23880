import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient } from '../api/ClientContext';
import type { ApiInput } from '../../shared/api';
import { calibrationOf } from '../../shared/desktop-printing';
import { usePrintFile } from './usePrintFile';

/** Which template to print on: a stored one, a shipped one, or (neither) the type's default. */
export type TemplateChoice = Pick<ApiInput<'print.document'>, 'templateId' | 'templateKey'>;

/**
 * Prints documents as one file (one from its page, a selection from a list): the PDF the printer gets,
 * on this machine's printer in the desktop app or as a file in the browser (usePrintFile.ts), and how many
 * pages it has said. Each print is kept
 * in the documents' events by the engine. Resolves false when the engine refused, having said why.
 */
export function usePrintDocuments(): (
  numbers: readonly string[],
  choice?: TemplateChoice,
) => Promise<boolean> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const printFile = usePrintFile();
  return async (numbers, choice = {}) => {
    try {
      // On the desktop the print goes out moved for the printer it goes to (套打校准).
      const calibration = client.desktop
        ? calibrationOf((await client.desktop.call('desktop.printing', {})).settings)
        : undefined;
      const file = await client.call('print.document', {
        numbers: [...numbers],
        ...choice,
        ...(calibration ? { calibration } : {}),
      });
      const went = await printFile(file);
      void message.success(
        went === 'printer'
          ? t('document.sentToPrinter', { pages: file.pages })
          : numbers.length === 1
            ? t('document.printed', { pages: file.pages })
            : t('document.printedBatch', { count: numbers.length, pages: file.pages }),
      );
      return true;
    } catch (error) {
      void message.error((error as Error).message);
      return false;
    }
  };
}
