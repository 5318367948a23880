import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { ImportWizard } from '../import/ImportWizard';

/**
 * 从 Excel 导入期初 on the 期初库存 page itself, where a new branch enters its opening stock: the sheet
 * imports into a draft 期初库存单 (DOMAIN.md §5), which the page then opens for checking and submitting.
 */
export function OpeningStockImport({ onImported }: { onImported: (documentId: number) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [importing, setImporting] = useState(false);
  const close = async () => {
    setImporting(false);
    const newest = await client.call('documents.list', {
      types: ['opening_stock'],
      statuses: ['draft'],
      limit: 1,
    });
    const draft = newest.rows[0];
    if (draft) onImported(draft.id);
  };
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="opening-stock-import">
        {t('document.list.importOpeningStock')}
      </Button>
      <ImportWizard
        entity="openingStock"
        title="page.openingStock"
        open={importing}
        onClose={() => void close()}
      />
    </>
  );
}
