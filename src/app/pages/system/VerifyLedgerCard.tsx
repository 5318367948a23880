import { Alert, Button, Card, Descriptions, List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { useApiQuery } from '../../api/useApi';

type Verification = ApiOutput<'system.verify'>;

/** How many of the stock books' problems are listed; the rest are counted. */
const listedProblems = 20;

/**
 * 校验账簿: walks the audit log's and the stock ledger's hash chains and adds up the stock books, when
 * asked (it reads the whole file), and names the first row someone changed behind the app's back.
 */
export function VerifyLedgerCard() {
  const { t } = useTranslation();
  const verification = useApiQuery('system.verify', {}, { enabled: false });
  const result = verification.data;

  return (
    <Card title={t('system.verifyTitle')} variant="borderless" data-testid="verify-ledger">
      <Typography.Paragraph type="secondary">{t('system.verifyIntro')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" loading={verification.isFetching} onClick={() => void verification.refetch()}>
          {t('system.verifyRun')}
        </Button>
        {verification.error && <Alert type="error" showIcon title={verification.error.message} />}
        {result && !verification.isFetching && <VerificationResult result={result} />}
      </Space>
    </Card>
  );
}

function VerificationResult({ result }: { result: Verification }) {
  const { t } = useTranslation();
  const { audit, stock } = result;
  const counts = { audit: audit.rows, movements: stock.movements, balances: stock.balances };
  if (result.ok) {
    return <Alert type="success" showIcon title={t('system.verifyOk', counts)} />;
  }
  const broken = audit.firstBroken;
  const problems = stock.problems.slice(0, listedProblems);
  return (
    <Alert
      type="error"
      showIcon
      title={t('system.verifyBroken')}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {broken ? (
            <Descriptions
              column={1}
              bordered
              size="small"
              title={t('system.verifyFirstBroken', { id: broken.id })}
            >
              <Descriptions.Item label={t('audit.at')}>
                {dayjs(broken.at).format('YYYY-MM-DD HH:mm:ss')}
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.action')}>
                {t(`audit.actions.${broken.action}`, { defaultValue: broken.action })}
              </Descriptions.Item>
              <Descriptions.Item label={t('system.verifyReason')}>{broken.reason}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text>{t('system.verifyAuditOk', { rows: audit.rows })}</Typography.Text>
          )}
          {stock.ok ? (
            <Typography.Text>{t('system.verifyStockOk', counts)}</Typography.Text>
          ) : (
            <List
              size="small"
              bordered
              header={t('system.verifyStockProblems', { count: stock.problems.length })}
              dataSource={problems}
              renderItem={(problem) => <List.Item>{problem.message}</List.Item>}
              footer={
                stock.problems.length > problems.length
                  ? t('system.verifyMoreProblems', { count: stock.problems.length - problems.length })
                  : undefined
              }
            />
          )}
        </Space>
      }
    />
  );
}
