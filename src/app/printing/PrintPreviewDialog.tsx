import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../api/client';
import { useClient } from '../api/ClientContext';
import { useApiQuery } from '../api/useApi';
import type { DocumentType } from '../components/document/documentTypes';
import { DesktopPrintSettings } from './DesktopPrintSettings';
import { usePrintDocuments, type TemplateChoice } from './usePrintDocuments';

// PDF.js is loaded when a preview first opens, not with the app.
const PdfPages = lazy(() => import('./PdfPages').then((module) => ({ default: module.PdfPages })));

/** Whether a listed template is the one chosen (nothing chosen: the default, listed first). */
function sameChoice(
  option: { templateId: number | null; templateKey: string | null },
  choice: TemplateChoice,
): boolean {
  return option.templateId === null
    ? option.templateKey === choice.templateKey
    : option.templateId === choice.templateId;
}

/**
 * 打印预览: the pages the printer will get, drawn from the same PDF (the engine's preview is the print
 * less its record, and shows the 重打 mark the print will carry). 打印 from here prints that file, on the
 * template chosen among those for the document's type: the branch's own (打印模板) and the shipped ones.
 */
export function PrintPreviewDialog({
  numbers,
  type,
  onClose,
  onPrinted,
}: {
  /** The documents to preview; null: the dialog is closed. */
  numbers: readonly string[] | null;
  type: DocumentType;
  onClose: () => void;
  onPrinted: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const printDocuments = usePrintDocuments();
  const [printing, setPrinting] = useState(false);
  const templates = useApiQuery('print.templates', { type });
  const [choice, setChoice] = useState<TemplateChoice>({});
  const preview = useQuery<{ contentBase64: string; pages: number }, ApiCallError>({
    queryKey: ['print.document', { numbers, ...choice, preview: true }],
    queryFn: () => client.call('print.document', { numbers: [...numbers!], ...choice, preview: true }),
    enabled: numbers !== null,
    // Each look is drawn afresh: the 重打 mark depends on prints made since.
    gcTime: 0,
  });
  const print = async () => {
    setPrinting(true);
    try {
      if (numbers && (await printDocuments(numbers, choice))) onPrinted();
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Modal
      open={numbers !== null}
      title={t('print.previewTitle', { pages: preview.data?.pages ?? '…' })}
      width="min(1000px, 96vw)"
      styles={{ body: { maxHeight: '75vh', overflow: 'auto', padding: 0 } }}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <DesktopPrintSettings key="settings" />,
        (templates.data?.length ?? 0) > 1 && (
          <Select<number>
            key="template"
            value={Math.max(
              0,
              templates.data!.findIndex((option) => sameChoice(option, choice)),
            )}
            onChange={(index) => {
              const option = templates.data![index]!;
              setChoice(
                option.templateId === null
                  ? { templateKey: option.templateKey! }
                  : { templateId: option.templateId },
              );
            }}
            options={templates.data!.map((option, index) => ({ value: index, label: option.name }))}
            style={{ width: 260, float: 'left' }}
            aria-label={t('print.template')}
            data-testid="print-preview-template"
          />
        ),
        <Button key="close" onClick={onClose}>
          {t('print.close')}
        </Button>,
        <Button
          key="print"
          type="primary"
          icon={<PrinterOutlined />}
          loading={printing}
          disabled={!preview.data}
          onClick={() => void print()}
          data-testid="print-preview-print"
        >
          {t('document.actions.print')}
        </Button>,
      ]}
      data-testid="print-preview"
    >
      {preview.error ? (
        <Alert type="error" showIcon title={preview.error.message} />
      ) : preview.data ? (
        <Suspense fallback={<div style={{ height: 200 }} />}>
          <PdfPages contentBase64={preview.data.contentBase64} />
        </Suspense>
      ) : (
        <div style={{ height: 200 }} />
      )}
    </Modal>
  );
}
