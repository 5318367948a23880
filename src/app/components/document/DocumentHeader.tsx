import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerClient } from '../../api/client';
import type { MessageKey } from '../../i18n/messageKey';
import { SearchSelect } from '../form/SearchSelect';
import { CustomerCredit } from './CustomerCredit';
import type { HeaderValues } from './documentDraft';
import { documentTypeUi, tradesPrices, type DocumentType, type DocumentTypeUi } from './documentTypes';
import type { WarehouseOption } from './DocumentLineGrid';
import { HeaderCell } from './HeaderCell';
import { MoneyAmountControl } from './MoneyAmountControl';
import { DateInput } from '../form/DateInput';
import { pinyinSearch } from '../form/pinyinMatches';
import { useEmployeeOptions } from '../../pages/master-data/options/useRecordOptions';

const counterpartyLabels: Record<Exclude<DocumentTypeUi['counterparty'], 'none'>, MessageKey> = {
  supplier: 'document.supplier',
  customer: 'document.customer',
  internal: 'document.internalUnit',
};

const fieldSpan = 6;
const rowSpan = 24;

/** What is left of the last row once fields of these widths are laid out; the whole row when little is. */
function spanLeft(spans: readonly number[]): number {
  const used = spans.reduce((row, span) => (row + span > rowSpan ? span : row + span), 0);
  const left = rowSpan - used;
  return left >= fieldSpan ? left : rowSpan;
}

/**
 * The document's header (DOMAIN.md §5): number once saved, business date, the supplier, customer or
 * internal unit for types that trade, the default warehouse the lines take, the destination of a
 * transfer, whether prices are entered with tax, the amount of a receipt or payment of money, remark.
 * `showCredit`: a sale on an independent branch shows the chosen customer's credit beside the remark.
 */
export function DocumentHeader({
  type,
  number,
  readOnly,
  warehouses,
  showCredit,
}: {
  type: DocumentType;
  number: string | null;
  readOnly: boolean;
  warehouses: WarehouseOption[];
  showCredit: boolean;
}) {
  const { t } = useTranslation();
  const ui = documentTypeUi[type];
  const form = Form.useFormInstance<HeaderValues>();
  const counterpartyId = Form.useWatch('counterpartyId', form) ?? null;
  const [dateOpen, setDateOpen] = useState(false);
  const role = ui.counterparty;
  const searchCounterparties = useCallback(
    async (client: LedgerClient, term: string) =>
      role === 'none'
        ? []
        : (await client.call('counterparties.search', { term, kind: role, limit: 20 })).map((match) => ({
            value: match.id,
            // The name alone, as the saved document names it: the code is what the clerk types.
            label: match.name,
          })),
    [role],
  );
  const span = fieldSpan;
  const hasWarehouse = ui.money === null;
  const pricesWithTax = tradesPrices(type);
  // The amount and its 人民币大写 need a half row; so do the four figures of the customer's credit,
  // whose place is kept while no customer is chosen, so the lines below do not move when one is.
  const amountSpan = rowSpan / 2;
  const creditSpan = rowSpan / 2;
  // The remark takes what is left of the last row, or a row of its own when little is left.
  const remarkSpan = spanLeft([
    span,
    span,
    ...(role !== 'none' ? [span] : []),
    ...(hasWarehouse ? [span] : []),
    ...(ui.transfer ? [span] : []),
    ...(pricesWithTax ? [span] : []),
    span,
    ...(ui.money ? [amountSpan] : []),
    ...(showCredit ? [creditSpan] : []),
  ]);

  return (
    <Row gutter={[16, 0]}>
      <Col span={span}>
        <Form.Item label={t('document.number')}>
          <Input
            readOnly
            tabIndex={-1}
            value={number ?? ''}
            placeholder={t('document.numberPending')}
            data-testid="document-number"
          />
        </Form.Item>
      </Col>
      <Col span={span}>
        <Form.Item name="businessDate" label={t('document.businessDate')}>
          {/* The wrapper is not the Form.Item's direct child, so the date control gets value and onChange. */}
          <DateControl
            readOnly={readOnly}
            open={dateOpen}
            onOpenChange={setDateOpen}
            label={t('document.businessDate')}
          />
        </Form.Item>
      </Col>
      {role !== 'none' && (
        <Col span={span}>
          <Form.Item name="counterpartyId" label={t(counterpartyLabels[role])}>
            <CounterpartyControl
              search={searchCounterparties}
              disabled={readOnly}
              placeholder={t('document.counterpartyPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="counterpartyLabel" hidden>
            <Input />
          </Form.Item>
        </Col>
      )}
      {hasWarehouse && (
        <Col span={span}>
          <Form.Item
            name="warehouseId"
            label={t(ui.transfer ? 'document.fromWarehouse' : 'document.warehouse')}
            tooltip={ui.transfer ? undefined : t('document.warehouseHelp')}
          >
            <WarehouseControl field="warehouseId" options={warehouses} disabled={readOnly} />
          </Form.Item>
        </Col>
      )}
      {ui.transfer && (
        <Col span={span}>
          <Form.Item name="toWarehouseId" label={t('document.toWarehouse')}>
            <WarehouseControl field="toWarehouseId" options={warehouses} disabled={readOnly} />
          </Form.Item>
        </Col>
      )}
      {pricesWithTax && (
        <Col span={span}>
          {/* The help rides on the switch: a help mark would wrap the four-character label. */}
          <Form.Item name="priceIncludesTax" label={t('document.priceIncludesTax')}>
            <PriceIncludesTaxControl disabled={readOnly} help={t('document.priceIncludesTaxHelp')} />
          </Form.Item>
        </Col>
      )}
      <Col span={span}>
        {/* 经手人: who handled the business (the salesperson of a sale). Not on the Enter path: most documents
            keep the customer's salesperson, which the engine takes when none is chosen. */}
        <Form.Item name="handlerId" label={t('document.handler')}>
          <HandlerControl disabled={readOnly} />
        </Form.Item>
      </Col>
      {ui.money && (
        <Col span={amountSpan}>
          <Form.Item name="amount" label={t('document.amount')}>
            <MoneyAmountControl disabled={readOnly} label={t('document.amount')} />
          </Form.Item>
        </Col>
      )}
      <Col span={remarkSpan}>
        <Form.Item name="remark" label={t('document.remark')}>
          <RemarkControl disabled={readOnly} />
        </Form.Item>
      </Col>
      {showCredit && (
        <Col span={creditSpan}>
          {counterpartyId !== null && <CustomerCredit counterpartyId={counterpartyId} />}
        </Col>
      )}
    </Row>
  );
}

type Controlled<T> = { value?: T; onChange?: (value: T) => void };

function DateControl({
  value,
  onChange,
  readOnly,
  open,
  onOpenChange,
  label,
}: Controlled<HeaderValues['businessDate']> & {
  readOnly: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  label: string;
}) {
  return (
    <HeaderCell name="businessDate" open={open}>
      <DateInput
        value={value}
        onChange={(date) => date && onChange?.(date)}
        allowClear={false}
        disabled={readOnly}
        open={open}
        onOpenChange={onOpenChange}
        aria-label={label}
        style={{ width: '100%' }}
        data-testid="document-date"
      />
    </HeaderCell>
  );
}

function CounterpartyControl({
  value,
  onChange,
  search,
  disabled,
  placeholder,
}: Controlled<number | null> & {
  search: (client: LedgerClient, term: string) => Promise<{ value: number; label: string }[]>;
  disabled: boolean;
  placeholder: string;
}) {
  return (
    <HeaderCell name="counterpartyId">
      <div data-testid="document-counterparty">
        <SearchSelect
          search={search}
          labelField="counterpartyLabel"
          value={value}
          onChange={onChange}
          disabled={disabled}
          placeholder={placeholder}
        />
      </div>
    </HeaderCell>
  );
}

function WarehouseControl({
  value,
  onChange,
  field,
  options,
  disabled,
}: Controlled<number | null> & {
  field: 'warehouseId' | 'toWarehouseId';
  options: WarehouseOption[];
  disabled: boolean;
}) {
  return (
    <HeaderCell name={field}>
      <Select<number>
        value={value ?? undefined}
        onChange={(next) => onChange?.(next ?? null)}
        options={options}
        allowClear
        showSearch={pinyinSearch}
        disabled={disabled}
        style={{ width: '100%' }}
        data-testid={`document-${field}`}
      />
    </HeaderCell>
  );
}

/** 含税单价: the switch every trade line's price follows; Space turns it, Enter moves on. */
function PriceIncludesTaxControl({
  value,
  onChange,
  disabled,
  help,
}: Controlled<boolean> & { disabled: boolean; help: string }) {
  return (
    <HeaderCell name="priceIncludesTax">
      <Switch
        title={help}
        checked={value ?? false}
        onChange={(checked) => onChange?.(checked)}
        disabled={disabled}
        data-testid="document-price-includes-tax"
      />
    </HeaderCell>
  );
}

function RemarkControl({ value, onChange, disabled }: Controlled<string> & { disabled: boolean }) {
  return (
    <HeaderCell name="remark">
      <Input
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
        maxLength={500}
        disabled={disabled}
        data-testid="document-remark"
      />
    </HeaderCell>
  );
}

function HandlerControl({ value, onChange, disabled }: Controlled<number | null> & { disabled: boolean }) {
  const { t } = useTranslation();
  const employees = useEmployeeOptions();
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={employees.options}
      loading={employees.loading}
      allowClear
      showSearch={pinyinSearch}
      disabled={disabled}
      placeholder={t('document.handlerPlaceholder')}
      style={{ width: '100%' }}
      data-testid="document-handlerId"
    />
  );
}
