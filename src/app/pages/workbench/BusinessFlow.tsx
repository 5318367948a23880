import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageAccess } from '../../workspace/usePageAccess';

/** The flow of goods and money through a branch, in the order a clerk works it (管家婆's 业务导航). */
const flow = [
  'document-purchase-order',
  'document-purchase-receipt',
  'report-stock-balance',
  'document-sales-order',
  'document-sales-delivery',
  'document-customer-receipt',
] as const;

/** 业务导航: each step opens its page; a step this user may not open is left out, not greyed. */
export function BusinessFlow() {
  const { t } = useTranslation();
  const access = usePageAccess();
  const steps = flow.flatMap((key) => access.page(key) ?? []);
  if (steps.length === 0) return null;
  return (
    <Card size="small" title={t('workbench.flow')} data-testid="workbench-flow">
      <Flex align="center" gap={4} wrap>
        {steps.map((page, index) => (
          <Fragment key={page.key}>
            {index > 0 && <ArrowRightOutlined style={{ color: '#bfbfbf' }} />}
            <Button icon={page.icon} onClick={() => access.open(page.key)}>
              {t(page.title)}
            </Button>
          </Fragment>
        ))}
      </Flex>
    </Card>
  );
}
