import { Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from './documentTypes';

const timeFormat = 'YYYY-MM-DD HH:mm';

/** Under the document: the keys to use while it is entered, and who made, approved and completed it. */
export function DocumentFooter({ view, help }: { view: DocumentView | null; help: string }) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" gap={16} style={{ paddingTop: 6 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {help}
      </Typography.Text>
      {view && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="document-signatures">
          {t('document.createdBy', {
            name: view.createdByName,
            at: dayjs(view.createdAt).format(timeFormat),
          })}
          {view.approvedByName &&
            ` · ${t('document.approvedBy', {
              name: view.approvedByName,
              at: dayjs(view.approvedAt).format(timeFormat),
            })}`}
          {view.completedAt &&
            ` · ${t('document.completedAt', { at: dayjs(view.completedAt).format(timeFormat) })}`}
        </Typography.Text>
      )}
    </Flex>
  );
}
