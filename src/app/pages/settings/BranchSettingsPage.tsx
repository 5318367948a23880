import { App, Button, Card, Form, Input, Select, Skeleton, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../shared/api';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { applyFieldErrors } from '../../components/applyFieldErrors';
import { BranchProfileFields } from '../../components/BranchProfileFields';
import { LoadFailure } from '../../components/LoadFailure';
import { useSession } from '../../session/SessionContext';

type ProfileChange = Omit<ApiInput<'branch.update'>, 'code'>;
type SettingsChange = ApiInput<'settings.update'>;
type BusinessRules = Pick<
  SettingsChange,
  'creditLimitPolicy' | 'orderStockPolicy' | 'minSalePricePolicy' | 'forbidSelfApproval'
>;

/** Each rule a sales document is held to (DOMAIN.md §7), with what the branch may choose for it. */
const businessRules = [
  { name: 'creditLimitPolicy', choices: ['stop', 'warn'], testId: 'policy-credit-limit' },
  { name: 'orderStockPolicy', choices: ['stop', 'warn'], testId: 'policy-order-stock' },
  { name: 'minSalePricePolicy', choices: ['stop', 'approve'], testId: 'policy-min-price' },
] as const;

/** 本机构设置: the branch profile and the installation's settings. */
export function BranchSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { current } = useSession();
  const mayEdit = current.permissions.includes('settings.edit');
  const profile = useApiQuery('branch.profile', {});
  const appSettings = useApiQuery('settings.get', {});
  const updateProfile = useApiMutation('branch.update');
  const updateSettings = useApiMutation('settings.update');
  const updateRules = useApiMutation('settings.update');
  const [profileForm] = Form.useForm<ProfileChange & { code: string }>();
  const [settingsForm] = Form.useForm<SettingsChange>();
  const [rulesForm] = Form.useForm<BusinessRules>();

  if (profile.error) return <LoadFailure error={profile.error} onRetry={() => void profile.refetch()} />;
  if (!profile.data || !appSettings.data) return <Skeleton active />;

  const saveProfile = async () => {
    const values = await profileForm.validateFields();
    const { code, ...change } = values;
    const changed = Object.fromEntries(
      Object.entries(change).filter(
        ([field, value]) => value !== profile.data[field as keyof typeof profile.data],
      ),
    ) as ProfileChange;
    if (Object.keys(changed).length === 0) {
      message.info(t('settings.noChange'));
      return;
    }
    try {
      await updateProfile.mutateAsync(changed);
      message.success(t('settings.saved'));
    } catch (error) {
      if (!applyFieldErrors(profileForm, error)) message.error((error as Error).message);
    }
  };

  // The rules and the update address are saved apart: each card sends only its own fields.
  const saveSettings = async (
    values: SettingsChange,
    form: typeof settingsForm | typeof rulesForm,
    update: typeof updateSettings,
  ) => {
    try {
      await update.mutateAsync(values);
      message.success(t('settings.saved'));
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error((error as Error).message);
    }
  };

  return (
    <div style={{ maxWidth: 860 }}>
      <Card title={t('page.branchSettings')} variant="borderless">
        <Form
          form={profileForm}
          labelWrap
          labelCol={{ span: 7 }}
          wrapperCol={{ span: 17 }}
          initialValues={profile.data}
          disabled={!mayEdit}
          onFinish={() => void saveProfile()}
        >
          <BranchProfileFields mode="edit" fixedFields={profile.data.fixedFields} />
          <Form.Item wrapperCol={{ offset: 7 }}>
            <Button
              type="primary"
              htmlType="submit"
              loading={updateProfile.isPending}
              data-testid="save-profile"
            >
              {t('settings.save')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('settings.rulesTitle')} variant="borderless">
        <Form
          form={rulesForm}
          labelWrap
          labelCol={{ span: 7 }}
          wrapperCol={{ span: 17 }}
          initialValues={appSettings.data}
          disabled={!mayEdit}
          onFinish={(values) => void saveSettings(values, rulesForm, updateRules)}
        >
          {businessRules.map((rule) => (
            <Form.Item
              key={rule.name}
              name={rule.name}
              label={t(`settings.rules.${rule.name}.label`)}
              extra={t(`settings.rules.${rule.name}.help`)}
            >
              <Select
                options={rule.choices.map((choice) => ({
                  value: choice,
                  label: t(`settings.rules.choices.${choice}`),
                }))}
                style={{ width: 200 }}
                data-testid={rule.testId}
              />
            </Form.Item>
          ))}
          <Form.Item
            name="forbidSelfApproval"
            label={t('settings.rules.forbidSelfApproval.label')}
            extra={t('settings.rules.forbidSelfApproval.help')}
            valuePropName="checked"
          >
            <Switch data-testid="forbid-self-approval" />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 7 }}>
            <Button htmlType="submit" loading={updateRules.isPending} data-testid="save-rules">
              {t('settings.save')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('settings.updatesTitle')} variant="borderless">
        <Form
          form={settingsForm}
          labelWrap
          labelCol={{ span: 7 }}
          wrapperCol={{ span: 17 }}
          initialValues={appSettings.data}
          disabled={!mayEdit}
          onFinish={(values) => void saveSettings(values, settingsForm, updateSettings)}
        >
          <Form.Item
            name="updateFeedUrl"
            label={t('settings.updateFeedUrl')}
            extra={t('settings.updateFeedUrlHelp')}
          >
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 7 }}>
            <Button htmlType="submit" loading={updateSettings.isPending}>
              {t('settings.save')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
