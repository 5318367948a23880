import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractKind } from '../../../shared/contracts/contract-status';
import type { LedgerClient } from '../../api/client';
import { SearchSelect } from '../../components/form/SearchSelect';
import { useEmployeeOptions, useOfficeOptions } from '../master-data/options/useRecordOptions';
import { DateInput } from '../../components/form/DateInput';

/**
 * The contract's header: who it is with, the office and salesperson it belongs to, its period, the day it
 * was signed, its written terms and a remark. The form holds it; the page reads it when saving.
 */
export function ContractHeaderForm({
  kind,
  number,
  editable,
}: {
  kind: ContractKind;
  number: string | null;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const offices = useOfficeOptions();
  const employees = useEmployeeOptions();
  const role = kind === 'sales' ? 'customer' : 'supplier';
  const searchCounterparties = useCallback(
    async (client: LedgerClient, term: string) =>
      (await client.call('counterparties.search', { term, kind: role, limit: 20 })).map((match) => ({
        value: match.id,
        label: `${match.code} ${match.name}`,
      })),
    [role],
  );

  return (
    <Row gutter={[16, 0]}>
      <Col span={6}>
        <Form.Item label={t('contracts.number')}>
          <Input
            readOnly
            variant="filled"
            tabIndex={-1}
            value={number ?? ''}
            placeholder={t('contracts.numberPending')}
            data-testid="contract-number"
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item
          name="counterpartyId"
          label={t(kind === 'sales' ? 'contracts.customer' : 'contracts.supplier')}
          rules={[{ required: true }]}
        >
          <CounterpartyField search={searchCounterparties} disabled={!editable} />
        </Form.Item>
        <Form.Item name="counterpartyLabel" hidden>
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="period" label={t('contracts.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker
            disabled={!editable}
            allowClear={false}
            style={{ width: '100%' }}
            data-testid="contract-period"
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="signedOn" label={t('contracts.signedOn')}>
          <DateInput disabled={!editable} style={{ width: '100%' }} data-testid="contract-signed-on" />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="officeId" label={t('contracts.office')}>
          <Select<number>
            allowClear
            disabled={!editable}
            options={offices.options}
            loading={offices.loading}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="contract-office"
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item name="salespersonId" label={t('contracts.salesperson')}>
          <Select<number>
            allowClear
            disabled={!editable}
            options={employees.options}
            loading={employees.loading}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="contract-salesperson"
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="remark" label={t('contracts.remark')}>
          <Input
            maxLength={200}
            readOnly={!editable}
            variant={editable ? 'outlined' : 'filled'}
            data-testid="contract-remark"
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="terms" label={t('contracts.terms')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            readOnly={!editable}
            variant={editable ? 'outlined' : 'filled'}
            data-testid="contract-terms"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The counterparty picker as a Form.Item child: the form hands it value and onChange. */
function CounterpartyField({
  value,
  onChange,
  search,
  disabled,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  search: (client: LedgerClient, term: string) => Promise<{ value: number; label: string }[]>;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="contract-counterparty">
      <SearchSelect
        search={search}
        labelField="counterpartyLabel"
        value={value}
        onChange={onChange}
        disabled={disabled}
        placeholder={t('contracts.counterpartyPlaceholder')}
      />
    </div>
  );
}
