import {
  App,
  Alert,
  Button,
  Card,
  ConfigProvider,
  DatePicker,
  Flex,
  List,
  Modal,
  Popconfirm,
  Table,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { localTime } from '../../components/format/localTime';
import { LoadFailure } from '../../components/LoadFailure';
import { denseTable } from '../../components/list/denseTable';
import { usePermission } from '../../session/usePermission';

type ClosedMonth = ApiOutput<'periods.list'>[number];
interface Unfinished {
  number: string;
  status: string;
}

/** The month the clerk closes next: the one after the last close, or last month on a branch never closed. */
function nextToClose(closed: readonly ClosedMonth[]): Dayjs {
  const latest = closed[0]?.month;
  return latest ? dayjs(`${latest}-01`).add(1, 'month') : dayjs().subtract(1, 'month').startOf('month');
}

/**
 * 月结 / 反月结 (DOMAIN.md §6.7): closes the next month in order — refused while documents of the month are
 * unfinished, which the clerk sees listed and may close over (强制月结) — and reopens the latest closed one.
 * The engine checks the order and the calendar; this page says what it answered.
 */
export function MonthClosePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mayReopen = usePermission('period.reopen');
  const closes = useApiQuery('periods.list', {});
  const close = useApiMutation('periods.close');
  const reopen = useApiMutation('periods.reopen');
  const [chosen, setChosen] = useState<Dayjs | null>(null);
  const [unfinished, setUnfinished] = useState<{ month: string; documents: Unfinished[] } | null>(null);

  if (closes.error) return <LoadFailure error={closes.error} onRetry={() => void closes.refetch()} />;
  const closed = closes.data ?? [];
  const month = (chosen ?? nextToClose(closed)).format('YYYY-MM');

  const runClose = async (force: boolean) => {
    try {
      const result = await close.mutateAsync({ month, force });
      setUnfinished(null);
      setChosen(null);
      void message.success(t('periods.closed', { month, scopes: result.scopes }));
    } catch (error) {
      const documents = (error as ApiCallError).details as { unfinished?: Unfinished[] } | undefined;
      if (error instanceof ApiCallError && error.code === 'CONFLICT' && documents?.unfinished) {
        setUnfinished({ month, documents: documents.unfinished });
      } else {
        void message.error((error as Error).message);
      }
    }
  };
  const runReopen = async (reopened: string) => {
    try {
      await reopen.mutateAsync({ month: reopened });
      void message.success(t('periods.reopened', { month: reopened }));
    } catch (error) {
      void message.error((error as Error).message);
    }
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 860 }} data-testid="month-close">
      <Card title={t('periods.closeTitle')} variant="borderless">
        <Alert type="info" showIcon title={t('periods.closeIntro')} style={{ marginBottom: 12 }} />
        <Flex gap={8} align="center">
          <span>{t('periods.month')}</span>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(value) => setChosen(value)}
            data-testid="month-close-month"
          />
          <Popconfirm
            title={t('periods.confirmClose', { month })}
            okText={t('periods.close')}
            onConfirm={() => runClose(false)}
          >
            <Button type="primary" loading={close.isPending} data-testid="month-close-run">
              {t('periods.close')}
            </Button>
          </Popconfirm>
        </Flex>
      </Card>
      <Card title={t('periods.closedTitle')} variant="borderless">
        <ConfigProvider theme={denseTable}>
          <Table<ClosedMonth>
            bordered
            size="small"
            rowKey="month"
            loading={closes.isFetching}
            dataSource={closed}
            pagination={false}
            locale={{ emptyText: t('periods.noneClosed') }}
            columns={[
              { key: 'month', title: t('periods.month'), dataIndex: 'month', width: 110 },
              {
                key: 'closedAt',
                title: t('periods.closedAt'),
                width: 170,
                render: (_, row) => localTime(row.closedAt),
              },
              { key: 'closedBy', title: t('periods.closedBy'), dataIndex: 'closedByName', width: 140 },
              {
                key: 'actions',
                title: t('periods.actions'),
                width: 120,
                // Only the latest close can be undone: the months after it were closed on its figures.
                render: (_, row, index) =>
                  index === 0 && mayReopen ? (
                    <Popconfirm
                      title={t('periods.confirmReopen', { month: row.month })}
                      okText={t('periods.reopen')}
                      onConfirm={() => runReopen(row.month)}
                    >
                      <Button size="small" danger loading={reopen.isPending}>
                        {t('periods.reopen')}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        </ConfigProvider>
      </Card>
      <Modal
        open={unfinished !== null}
        title={t('periods.unfinishedTitle', { month: unfinished?.month ?? '' })}
        okText={t('periods.forceClose')}
        okButtonProps={{ danger: true, loading: close.isPending }}
        onOk={() => void runClose(true)}
        onCancel={() => setUnfinished(null)}
      >
        <Alert type="warning" showIcon title={t('periods.unfinishedIntro')} style={{ marginBottom: 8 }} />
        <List
          size="small"
          bordered
          dataSource={unfinished?.documents ?? []}
          renderItem={(document) => (
            <List.Item>
              {document.number} ·{' '}
              {t(`document.statuses.${document.status}`, { defaultValue: document.status })}
            </List.Item>
          )}
        />
      </Modal>
    </Flex>
  );
}
