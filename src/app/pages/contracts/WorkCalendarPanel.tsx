import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, ConfigProvider, DatePicker, Flex, Input, Radio, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { useClient } from '../../api/ClientContext';
import { useApiQuery } from '../../api/useApi';
import { LoadFailure } from '../../components/LoadFailure';
import { denseTable } from '../../components/list/denseTable';
import { DateInput } from '../../components/form/DateInput';

type CalendarDay = ApiOutput<'calendar.list'>[number];

/**
 * 工作日历: the year's days that differ from Monday–Friday — public holidays off, weekend days worked in
 * their place (调休) — over which the signing deadlines are counted.
 */
export function WorkCalendarPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [year, setYear] = useState<Dayjs>(() => dayjs().startOf('year'));
  const [date, setDate] = useState<Dayjs | null>(null);
  const [isWorkday, setIsWorkday] = useState(false);
  const [note, setNote] = useState('');
  const days = useApiQuery('calendar.list', { year: year.year() });

  const failed = (error: unknown) =>
    void message.error(error instanceof Error ? error.message : String(error));

  const add = async () => {
    if (!date) return;
    try {
      await client.call('calendar.set', { date: date.format('YYYY-MM-DD'), isWorkday, note });
      setDate(null);
      setNote('');
      void message.success(t('contracts.signing.saved'));
    } catch (error) {
      failed(error);
    }
  };

  const remove = async (day: CalendarDay) => {
    try {
      await client.call('calendar.remove', { date: day.date });
    } catch (error) {
      failed(error);
    }
  };

  if (days.error && !days.data) return <LoadFailure error={days.error} onRetry={() => void days.refetch()} />;

  return (
    <Flex vertical gap={8} data-testid="work-calendar" style={{ maxWidth: 760 }}>
      <Typography.Text type="secondary">{t('contracts.signing.calendarHelp')}</Typography.Text>
      <Flex gap={8} align="center" wrap>
        <DatePicker
          picker="year"
          value={year}
          allowClear={false}
          onChange={(value) => value && setYear(value)}
          style={{ width: 110 }}
        />
        {editable && (
          <>
            <DateInput value={date} onChange={setDate} placeholder={t('contracts.signing.date')} />
            <Radio.Group
              optionType="button"
              value={isWorkday}
              onChange={(event) => setIsWorkday(event.target.value as boolean)}
              options={[
                { value: false, label: t('contracts.signing.holiday') },
                { value: true, label: t('contracts.signing.workday') },
              ]}
            />
            <Input
              value={note}
              maxLength={40}
              placeholder={t('contracts.signing.note')}
              onChange={(event) => setNote(event.target.value)}
              style={{ width: 160 }}
            />
            <Button icon={<PlusOutlined />} disabled={!date} onClick={() => void add()}>
              {t('contracts.signing.addDay')}
            </Button>
          </>
        )}
      </Flex>
      <ConfigProvider theme={denseTable}>
        <Table<CalendarDay>
          size="small"
          bordered
          rowKey="date"
          pagination={false}
          loading={days.isFetching}
          dataSource={days.data ?? []}
          scroll={{ y: 420 }}
          columns={[
            {
              key: 'date',
              title: t('contracts.signing.date'),
              width: 150,
              render: (_, day) => `${day.date} ${dayjs(day.date).format('ddd')}`,
            },
            {
              key: 'kind',
              title: t('contracts.signing.state'),
              width: 130,
              render: (_, day) =>
                day.isWorkday ? (
                  <Tag color="blue">{t('contracts.signing.workday')}</Tag>
                ) : (
                  <Tag color="red">{t('contracts.signing.holiday')}</Tag>
                ),
            },
            { key: 'note', title: t('contracts.signing.note'), dataIndex: 'note' },
            ...(editable
              ? [
                  {
                    key: 'remove',
                    width: 60,
                    render: (_: unknown, day: CalendarDay) => (
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('contracts.signing.removeDay')}
                        onClick={() => void remove(day)}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </ConfigProvider>
    </Flex>
  );
}
