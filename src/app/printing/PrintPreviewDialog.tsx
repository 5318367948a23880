import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Modal } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../api/client';
import { useClient } from '../api/ClientContext';
import { usePrintDocuments } from './usePrintDocuments';

// PDF.js is loaded when a preview first opens, not with the app.
const PdfPages = lazy(() => import('./PdfPages').then((module) => ({ default: module.PdfPages })));

/**
 * 打印预览: the pages the printer will get, drawn from the same PDF (the engine's preview is the print
 * less its record, and shows the 重打 mark the print will carry). 打印 from here prints that file.
 */
export function PrintPreviewDialog({
  numbers,
  onClose,
  onPrinted,
}: {
  /** The documents to preview; null: the dialog is closed. */
  numbers: readonly string[] | null;
  onClose: () => void;
  onPrinted: () => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const printDocuments = usePrintDocuments();
  const [printing, setPrinting] = useState(false);
  const preview = useQuery<{ contentBase64: string; pages: number }, ApiCallError>({
    queryKey: ['print.document', { numbers, preview: true }],
    queryFn: () => client.call('print.document', { numbers: [...numbers!], preview: true }),
    enabled: numbers !== null,
    // Each look is drawn afresh: the 重打 mark depends on prints made since.
    gcTime: 0,
  });
  const print = async () => {
    setPrinting(true);
    try {
      if (numbers && (await printDocuments(numbers))) onPrinted();
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
