import { App, Flex, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import {
  linesFromView,
  monthsOfPeriod,
  readContractBody,
  termsFromView,
  type ContractView,
} from './contractDraft';
import { RebateTermsEditor } from './RebateTermsEditor';
import { SignedLinesTable } from './SignedLinesTable';
import { useFigureLabels } from './useContractCommands';
import { DateInput } from '../../components/form/DateInput';

/**
 * 提出补充协议: what the contract is to say from now on (end date, signed volumes, rebate terms), starting
 * from what it says today, and why. It takes effect when approved.
 */
export function AmendmentDialog({
  view,
  quantityDecimals,
  onClose,
}: {
  view: ContractView;
  quantityDecimals: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const labels = useFigureLabels();
  const [periodEnd, setPeriodEnd] = useState<Dayjs>(dayjs(view.periodEnd));
  const [lines, setLines] = useState(() => linesFromView(view, quantityDecimals));
  const [terms, setTerms] = useState(() => termsFromView(view, quantityDecimals));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const propose = async () => {
    const body = readContractBody(lines, terms, quantityDecimals, labels);
    if (!body.ok) {
      void message.error(body.message);
      return;
    }
    setBusy(true);
    try {
      await client.call('contracts.amend', {
        id: view.id,
        reason,
        periodEnd: periodEnd.format('YYYY-MM-DD'),
        terms: view.terms,
        lines: body.lines,
        rebateTerms: body.rebateTerms,
      });
      void message.success(t('contracts.amendments.proposed'));
      onClose();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={1100}
      title={t('contracts.amendments.propose')}
      okText={t('contracts.amendments.propose')}
      okButtonProps={{ loading: busy, disabled: !reason.trim() }}
      onOk={() => void propose()}
      onCancel={onClose}
      styles={{ body: { maxHeight: '70vh', overflowY: 'auto' } }}
    >
      <Typography.Paragraph type="secondary">{t('contracts.amendments.proposeHelp')}</Typography.Paragraph>
      <Flex gap={16} style={{ marginBottom: 12 }}>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Typography.Text type="secondary">{t('contracts.amendments.periodEnd')}</Typography.Text>
          <DateInput value={periodEnd} allowClear={false} onChange={(date) => date && setPeriodEnd(date)} />
        </label>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 2, flex: 1 }}>
          <Typography.Text type="secondary">{t('contracts.amendments.reason')}</Typography.Text>
          <Input
            value={reason}
            maxLength={200}
            onChange={(event) => setReason(event.target.value)}
            data-testid="amendment-reason"
          />
        </label>
      </Flex>
      <SignedLinesTable
        lines={lines}
        months={monthsOfPeriod([dayjs(view.periodStart), periodEnd])}
        editable
        onChange={setLines}
      />
      <RebateTermsEditor terms={terms} editable onChange={setTerms} />
    </Modal>
  );
}
