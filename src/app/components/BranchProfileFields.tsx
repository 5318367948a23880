import { Alert, Divider, Form, Input, InputNumber, Radio, Select, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../shared/api';

type Profile = ApiOutput<'branch.profile'>;
type ProfileField = keyof Omit<Profile, 'uid' | 'firstPostedAt' | 'fixedFields'>;

export interface BranchProfileFieldsProps {
  /** setup: everything may be chosen; edit: the code and the fields fixed by posting are read-only. */
  mode: 'setup' | 'edit';
  fixedFields?: ProfileField[];
}

/** Fields DOMAIN.md §2 fixes at the first posting: marked as such before it, locked after. */
const fixedAtFirstPosting: ProfileField[] = ['costingScope', 'accountingMode', 'quantityDecimals'];

/**
 * The branch profile's fields, shared by the first-run screen and the settings page so the two
 * can never drift apart.
 */
export function BranchProfileFields({ mode, fixedFields = [] }: BranchProfileFieldsProps) {
  const { t } = useTranslation();
  const costingMethod = Form.useWatch<string | undefined>('defaultCostingMethod');

  const isFixed = (field: ProfileField) => fixedFields.includes(field);
  const fixedTag = (field: ProfileField) =>
    !fixedAtFirstPosting.includes(field) ? null : isFixed(field) ? (
      <Tag color="default">{t('profile.fixedNow')}</Tag>
    ) : (
      <Tag color="orange">{t('profile.fixedAfterPosting')}</Tag>
    );
  /** The help line under a field, with its fixed-at-posting tag when it has one. */
  const help = (field: ProfileField, text?: string) =>
    fixedTag(field) || text ? (
      <span>
        {fixedTag(field)}
        {text}
      </span>
    ) : undefined;
  const options = <K extends keyof ReturnType<typeof optionKeys>>(key: K) =>
    optionKeys()[key].map((value) => ({ value, label: t(`profile.options.${value}`) }));

  return (
    <>
      <Divider titlePlacement="start">{t('profile.sectionIdentity')}</Divider>
      <Form.Item
        name="code"
        label={t('profile.code')}
        extra={mode === 'setup' ? t('profile.codeHelp') : undefined}
        rules={[{ required: true, pattern: /^[A-Za-z0-9]{2,12}$/, message: t('profile.codeHelp') }]}
        normalize={(value: string) => value?.toUpperCase()}
      >
        <Input disabled={mode === 'edit'} maxLength={12} placeholder="BJ01" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="name" label={t('profile.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} placeholder="北京分公司" />
      </Form.Item>
      <Form.Item name="taxId" label={t('profile.taxId')}>
        <Input maxLength={20} style={{ width: 260 }} />
      </Form.Item>
      <Form.Item name="address" label={t('profile.address')}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="phone" label={t('profile.phone')}>
        <Input maxLength={40} style={{ width: 260 }} />
      </Form.Item>

      <Divider titlePlacement="start">{t('profile.sectionAccounting')}</Divider>
      <Form.Item
        name="accountingMode"
        label={t('profile.accountingMode')}
        extra={help('accountingMode', t('profile.accountingModeHelp'))}
        rules={[{ required: true }]}
      >
        <Radio.Group options={options('accountingMode')} disabled={isFixed('accountingMode')} />
      </Form.Item>
      <Form.Item
        name="costingScope"
        label={t('profile.costingScope')}
        extra={help('costingScope')}
        rules={[{ required: true }]}
      >
        <Radio.Group options={options('costingScope')} disabled={isFixed('costingScope')} />
      </Form.Item>
      <Form.Item
        name="defaultCostingMethod"
        label={t('profile.defaultCostingMethod')}
        rules={[{ required: true }]}
      >
        <Select options={options('defaultCostingMethod')} style={{ width: 260 }} />
      </Form.Item>
      {costingMethod === 'lifo' && (
        <Alert type="warning" showIcon title={t('profile.lifoWarning')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="allowCostingMethodOverride"
        label={t('profile.allowCostingMethodOverride')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item name="negativeStock" label={t('profile.negativeStock')}>
        <Radio.Group options={options('negativeStock')} />
      </Form.Item>
      <Form.Item name="taxpayerType" label={t('profile.taxpayerType')} rules={[{ required: true }]}>
        <Radio.Group options={options('taxpayerType')} />
      </Form.Item>

      <Divider titlePlacement="start">{t('profile.sectionPrecision')}</Divider>
      <Form.Item
        name="quantityDecimals"
        label={t('profile.quantityDecimals')}
        extra={help('quantityDecimals', t('profile.amountDecimals'))}
      >
        <InputNumber min={0} max={4} precision={0} disabled={isFixed('quantityDecimals')} />
      </Form.Item>
      <Form.Item name="priceDecimals" label={t('profile.priceDecimals')}>
        <InputNumber min={2} max={6} precision={0} />
      </Form.Item>
      <Form.Item
        name="approvalRequired"
        label={t('profile.approvalRequired')}
        extra={t('profile.approvalRequiredHelp')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
    </>
  );
}

function optionKeys() {
  return {
    accountingMode: ['independent', 'non_independent'],
    costingScope: ['per_warehouse', 'per_branch'],
    defaultCostingMethod: ['moving_average', 'fifo', 'lifo', 'specific', 'monthly_average'],
    negativeStock: ['forbid', 'allow'],
    taxpayerType: ['general', 'small'],
  } as const satisfies { [K in OptionField]: readonly Profile[K][] };
}

type OptionField =
  'accountingMode' | 'costingScope' | 'defaultCostingMethod' | 'negativeStock' | 'taxpayerType';

/** What a new branch starts with (DOMAIN.md §2 defaults). */
export const newBranchDefaults = {
  accountingMode: 'independent',
  costingScope: 'per_warehouse',
  defaultCostingMethod: 'moving_average',
  allowCostingMethodOverride: false,
  negativeStock: 'forbid',
  taxpayerType: 'general',
  quantityDecimals: 2,
  priceDecimals: 4,
  approvalRequired: true,
} as const satisfies Partial<Profile>;
