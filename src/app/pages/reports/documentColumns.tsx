import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DocumentLink } from '../../components/report/DocumentLink';
import type { DocumentType } from '../../components/document/documentTypes';
import type { MessageKey } from '../../i18n/messageKey';
import type { ReportColumn } from '../../components/report/reportConfig';

type DocumentRow = { date: string; documentType: DocumentType; documentId: number; documentNumber: string };

/**
 * What every per-document report starts with: the business date and the document's number, which opens
 * it — both pinned while the figures scroll sideways. `numberTitle`: 订单编号 where every row is an order.
 */
export function documentColumns<Row extends DocumentRow>(
  numberTitle: MessageKey = 'reports.columns.documentNumber',
): ReportColumn<Row>[] {
  return [
    { key: 'date', title: 'reports.columns.date', width: 100, fixed: true },
    {
      key: 'documentNumber',
      title: numberTitle,
      width: 160,
      fixed: true,
      render: (row) => (
        <DocumentLink type={row.documentType} id={row.documentId} number={row.documentNumber} />
      ),
    },
  ];
}

/** The document's type in the reader's language, and 红字 on a red-letter reversal. */
function DocumentTypeLabel({ type, reversal }: { type: DocumentType; reversal: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`document.types.${type}`)}
      {reversal && (
        <Tag color="red" style={{ marginLeft: 4 }}>
          {t('reports.reversal')}
        </Tag>
      )}
    </>
  );
}

export function documentTypeColumn<Row extends { documentType: DocumentType; reversal?: boolean | number }>(
  width = 110,
): ReportColumn<Row> {
  return {
    key: 'documentTypeLabel',
    title: 'reports.columns.documentTypeLabel',
    width,
    render: (row) => <DocumentTypeLabel type={row.documentType} reversal={Boolean(row.reversal)} />,
  };
}
