import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerClient } from '../../api/client';
import { SearchSelect } from '../form/SearchSelect';
import type { HeaderValues } from './documentDraft';
import { documentTypeUi, type DocumentType } from './documentTypes';
import type { WarehouseOption } from './DocumentLineGrid';

/** A header field the Enter key visits, as a grid cell is. */
function HeaderCell({
  name,
  open,
  children,
}: {
  name: keyof HeaderValues;
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <div data-cell={`header:${name}`} data-open={open ? 'true' : undefined}>
      {children}
    </div>
  );
}

/**
 * The document's header (DOMAIN.md §5): number once saved, business date, the supplier or customer
 * for types that trade, the default warehouse the lines take, the destination of a transfer, remark.
 */
export function DocumentHeader({
  type,
  number,
  readOnly,
  warehouses,
}: {
  type: DocumentType;
  number: string | null;
  readOnly: boolean;
  warehouses: WarehouseOption[];
}) {
  const { t } = useTranslation();
  const ui = documentTypeUi[type];
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
  const span = 6;
  // The remark takes what is left of the first row, or a row of its own when little is left.
  const left = 24 - ((span * (3 + (role !== 'none' ? 1 : 0) + (ui.transfer ? 1 : 0))) % 24);
  const remarkSpan = left >= span && left < 24 ? left : 24;

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
          <Form.Item
            name="counterpartyId"
            label={t(role === 'supplier' ? 'document.supplier' : 'document.customer')}
          >
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
      <Col span={span}>
        <Form.Item
          name="warehouseId"
          label={t(ui.transfer ? 'document.fromWarehouse' : 'document.warehouse')}
          tooltip={ui.transfer ? undefined : t('document.warehouseHelp')}
        >
          <WarehouseControl field="warehouseId" options={warehouses} disabled={readOnly} />
        </Form.Item>
      </Col>
      {ui.transfer && (
        <Col span={span}>
          <Form.Item name="toWarehouseId" label={t('document.toWarehouse')}>
            <WarehouseControl field="toWarehouseId" options={warehouses} disabled={readOnly} />
          </Form.Item>
        </Col>
      )}
      <Col span={remarkSpan}>
        <Form.Item name="remark" label={t('document.remark')}>
          <RemarkControl disabled={readOnly} />
        </Form.Item>
      </Col>
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
      <DatePicker
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
        showSearch={{ optionFilterProp: 'label' }}
        disabled={disabled}
        style={{ width: '100%' }}
        data-testid={`document-${field}`}
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
