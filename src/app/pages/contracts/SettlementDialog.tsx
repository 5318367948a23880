import { App, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  payoutKinds,
  settlementKinds,
  type PayoutKind,
  type SettlementKind,
} from '../../../shared/contracts/contract-status';
import { useClient } from '../../api/ClientContext';
import { useWarehouses } from '../master-data/options/useRecordOptions';
import type { ContractView } from './contractDraft';
import { yuanText } from './contractFigures';
import { ContractGoodsPicker } from './ContractTargetPicker';
import { UnitNameInput } from './UnitNameInput';
import { DateInput } from '../../components/form/DateInput';

interface SettlementValues {
  kind: SettlementKind;
  throughDate: Dayjs;
  businessDate: Dayjs;
  payout: PayoutKind;
  goodsId: number | null;
  goodsLabel: string;
  unitName: string;
  warehouseId: number | null;
}

/**
 * 结算返利: an interim settlement pays what was earned through a date less what was paid before; the
 * final one closes the year. Paid as 折让 (a credit on the customer's account) or 货补 (goods at no
 * charge, from a warehouse).
 */
export function SettlementDialog({ view, onClose }: { view: ContractView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const warehouses = useWarehouses();
  const [form] = Form.useForm<SettlementValues>();
  const payout = Form.useWatch('payout', form) ?? 'credit';
  const goodsId = Form.useWatch('goodsId', form) ?? null;
  const goodsLabel = Form.useWatch('goodsLabel', form) ?? '';
  const [busy, setBusy] = useState(false);
  const today = dayjs();
  const periodEnd = dayjs(view.periodEnd);

  const settle = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const settled = await client.call('contracts.settle', {
        id: view.id,
        kind: values.kind,
        throughDate: values.throughDate.format('YYYY-MM-DD'),
        businessDate: values.businessDate.format('YYYY-MM-DD'),
        payout: values.payout,
        goods:
          values.payout === 'goods' && values.goodsId !== null && values.warehouseId !== null
            ? { goodsId: values.goodsId, unitName: values.unitName.trim(), warehouseId: values.warehouseId }
            : null,
      });
      void message.success(t('contracts.settlement.settled', { amount: yuanText(settled.amount) }));
      onClose();
    } catch (error) {
      void message.error({
        key: 'contract-refusal',
        content: error instanceof Error ? error.message : String(error),
        duration: 6,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('contracts.settlement.title')}
      okText={t('contracts.settlement.settle')}
      okButtonProps={{ loading: busy }}
      onOk={() => void settle()}
      onCancel={onClose}
      data-testid="settlement-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'interim',
          throughDate: today.isAfter(periodEnd) ? periodEnd : today,
          businessDate: today,
          payout: 'credit',
          goodsId: null,
          goodsLabel: '',
          unitName: '',
          warehouseId: null,
        }}
      >
        <Form.Item name="kind" label={t('contracts.settlement.kind')}>
          <Radio.Group
            optionType="button"
            options={settlementKinds.map((kind) => ({
              value: kind,
              label: t(`contracts.settlement.kinds.${kind}`),
            }))}
            data-testid="settlement-kind"
          />
        </Form.Item>
        <Form.Item
          name="throughDate"
          label={t('contracts.settlement.throughDate')}
          rules={[{ required: true }]}
        >
          <DateInput allowClear={false} style={{ width: 200 }} data-testid="settlement-through" />
        </Form.Item>
        <Form.Item
          name="businessDate"
          label={t('contracts.settlement.businessDate')}
          rules={[{ required: true }]}
        >
          <DateInput allowClear={false} style={{ width: 200 }} data-testid="settlement-business-date" />
        </Form.Item>
        <Form.Item name="payout" label={t('contracts.settlement.payout')}>
          <Radio.Group
            optionType="button"
            options={payoutKinds.map((kind) => ({
              value: kind,
              label: t(`contracts.settlement.payouts.${kind}`),
            }))}
          />
        </Form.Item>
        {payout === 'goods' && (
          <>
            <Form.Item name="goodsId" label={t('contracts.settlement.goods')} rules={[{ required: true }]}>
              <ContractGoodsPicker
                goodsId={goodsId}
                label={goodsLabel}
                disabled={false}
                onPick={({ id, label }) => form.setFieldsValue({ goodsId: id, goodsLabel: label })}
              />
            </Form.Item>
            <Form.Item name="goodsLabel" hidden>
              <Input />
            </Form.Item>
            <Form.Item name="unitName" label={t('contracts.settlement.unit')} rules={[{ required: true }]}>
              <UnitNameInput goodsId={goodsId} editable />
            </Form.Item>
            <Form.Item
              name="warehouseId"
              label={t('contracts.settlement.warehouse')}
              rules={[{ required: true }]}
            >
              <Select<number>
                options={(warehouses.data?.rows ?? []).map((row) => ({
                  value: row.id,
                  label: row.name,
                  disabled: !row.active,
                }))}
                style={{ width: 240 }}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
