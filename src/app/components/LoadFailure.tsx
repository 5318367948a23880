import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a page shows when its data could not be read: the engine's own words, and a way to try again. */
export function LoadFailure({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('common.error')}
      subTitle={error.message}
      extra={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
