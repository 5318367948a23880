import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { documentExecutionColors, documentStatusColors, type DocumentView } from './documentTypes';

/**
 * Where the document stands, beside its title: its status (or 新单据), an approved order's 执行状态,
 * 红字 for a reversal, 已打印 N 次 once printed (its events keep each print), 未保存 while the clerk has
 * changes. A closed order's status already says 已结案.
 */
export function DocumentStateTags({ view, dirty }: { view: DocumentView | null; dirty: boolean }) {
  const { t } = useTranslation();
  const execution = view?.status === 'awaiting_warehouse' ? view.execution : null;
  const prints = view?.events.filter((event) => event.action === 'print') ?? [];
  const lastPrint = prints.at(-1);
  return (
    <>
      {view ? (
        <Tag color={documentStatusColors[view.status]} data-testid="document-status">
          {t(`document.statuses.${view.status}`)}
        </Tag>
      ) : (
        <Tag data-testid="document-status">{t('document.newDocument')}</Tag>
      )}
      {execution && (
        <Tag color={documentExecutionColors[execution]} data-testid="document-execution">
          {t(`document.execution.${execution}`)}
        </Tag>
      )}
      {view?.reversalOf && <Tag color="red">{t('document.list.reversal')}</Tag>}
      {lastPrint && (
        <Tooltip
          title={t('document.lastPrinted', {
            name: lastPrint.actorName,
            at: dayjs(lastPrint.at).format('YYYY-MM-DD HH:mm'),
          })}
        >
          <Tag data-testid="document-prints">{t('document.timesPrinted', { count: prints.length })}</Tag>
        </Tooltip>
      )}
      {dirty && <Tag color="orange">{t('document.unsaved')}</Tag>}
    </>
  );
}
