import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DocumentStateTags } from './DocumentStateTags';
import type { DocumentType, DocumentView } from './documentTypes';

/** The document's name and state: its type, status tags, whether the keeper still has to confirm it, its reversal. */
export function DocumentTitleBar({
  type,
  view,
  dirty,
  onOpen,
}: {
  type: DocumentType;
  view: DocumentView | null;
  dirty: boolean;
  /** Opens the reversal or the reversed document. */
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={8} align="center">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t(`document.types.${type}`)}
      </Typography.Title>
      <DocumentStateTags view={view} dirty={dirty} />
      {view?.actions.includes('confirm') && (
        <Typography.Text type="secondary">{t('document.awaitingKeeper')}</Typography.Text>
      )}
      {view?.reversalOf && (
        <Typography.Link onClick={() => onOpen(view.reversalOf!.id)}>
          {t('document.reversalOf', { number: view.reversalOf.number })}
        </Typography.Link>
      )}
      {view?.reversedBy && (
        <Typography.Link onClick={() => onOpen(view.reversedBy!.id)}>
          {t('document.reversedBy', { number: view.reversedBy.number })}
        </Typography.Link>
      )}
    </Space>
  );
}
