import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Switch,
  Tag,
  TimePicker,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiInput, ApiOutput } from '../../../shared/api';
import { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { applyFieldErrors } from '../../components/applyFieldErrors';
import { LoadFailure } from '../../components/LoadFailure';
import { PasswordInput } from '../../components/form/PasswordInput';

type SettingsView = ApiOutput<'upload.settings.get'>;
type SettingsChange = ApiInput<'upload.settings.update'>;

/** The form's values: fingerprints as lines of one text box; key and secret only as replacements. */
interface SettingsFormValues {
  headOfficeUrl: string;
  pinnedSpki: string;
  caCertificate: string;
  clientCertificate: string;
  clientKey: string;
  secret: string;
  schedule: SettingsView['schedule'];
  scheduleTime: string;
  scheduleWeekday: number;
  periodKind: SettingsView['periodKind'];
  sendDocuments: boolean;
  keepAckedDays: number;
}

const schedules = ['hourly', 'daily', 'weekly', 'monthly'] as const;
const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;
const periodKinds = ['day', 'week', 'month'] as const;

function formValues(view: SettingsView): SettingsFormValues {
  return {
    headOfficeUrl: view.headOfficeUrl,
    pinnedSpki: view.pinnedSpki.join('\n'),
    caCertificate: view.caCertificate,
    clientCertificate: view.clientCertificate,
    clientKey: '',
    secret: '',
    schedule: view.schedule,
    scheduleTime: view.scheduleTime,
    scheduleWeekday: view.scheduleWeekday,
    periodKind: view.periodKind,
    sendDocuments: view.sendDocuments,
    keepAckedDays: view.keepAckedDays,
  };
}

/** An empty replacement keeps what is stored: the key and the secret are never read back to show. */
function settingsChange(values: SettingsFormValues): SettingsChange {
  const { pinnedSpki, clientKey, secret, ...rest } = values;
  return {
    ...rest,
    pinnedSpki: pinnedSpki
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    ...(clientKey.trim() !== '' ? { clientKey } : {}),
    ...(secret.trim() !== '' ? { secret } : {}),
  };
}

/** The engine names a bad fingerprint by its index in the list; the form has one box for them all. */
function onFingerprintBox(error: unknown): unknown {
  if (!(error instanceof ApiCallError)) return error;
  const issues = error.fieldIssues.map((issue) =>
    issue.path[0] === 'pinnedSpki' ? { ...issue, path: ['pinnedSpki'] } : issue,
  );
  return new ApiCallError(error.code, error.message, { issues });
}

/** "HH:mm" in the form, a dayjs for the picker. */
const timeProps = (value: string | undefined) => {
  const match = /^(\d{2}):(\d{2})$/.exec(value ?? '');
  return { value: match ? dayjs().hour(Number(match[1])).minute(Number(match[2])) : null };
};

/** 上传设置 (administrator): where head office is, how to trust it, how often to send and what. */
export function UploadSettingsForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const view = useApiQuery('upload.settings.get', {});
  const update = useApiMutation('upload.settings.update');
  const [form] = Form.useForm<SettingsFormValues>();
  const schedule = Form.useWatch('schedule', form);

  if (view.error) return <LoadFailure error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) return <Skeleton active />;

  const save = async (values: SettingsFormValues) => {
    // The engine's refusals of the last save are answered by this one: none stays beside a fixed field.
    form.setFields(
      Object.keys(values).map((name) => ({ name: name as keyof SettingsFormValues, errors: [] })),
    );
    try {
      await update.mutateAsync(settingsChange(values));
      form.setFieldsValue({ clientKey: '', secret: '' });
      message.success(t('settings.saved'));
    } catch (error) {
      if (!applyFieldErrors(form, onFingerprintBox(error))) message.error((error as Error).message);
    }
  };

  const setTag = (isSet: boolean) => (
    <Tag color={isSet ? 'success' : 'default'}>
      {isSet ? t('upload.settings.isSet') : t('upload.settings.notSet')}
    </Tag>
  );
  const monospace = { fontFamily: 'monospace', fontSize: 12 };

  return (
    <Card variant="borderless" style={{ maxWidth: 860 }} data-testid="upload-settings">
      <Form<SettingsFormValues>
        form={form}
        labelWrap
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 18 }}
        initialValues={formValues(view.data)}
        onFinish={(values) => void save(values)}
      >
        <Form.Item
          name="headOfficeUrl"
          label={t('upload.settings.headOfficeUrl')}
          extra={t('upload.settings.headOfficeUrlHelp')}
        >
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item
          name="pinnedSpki"
          label={t('upload.settings.pinnedSpki')}
          extra={t('upload.settings.pinnedSpkiHelp')}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} style={monospace} />
        </Form.Item>
        <Form.Item label={t('upload.settings.secret')} extra={t('upload.settings.replaceSecret')}>
          <Space.Compact block>
            <Space.Addon>{setTag(view.data.secretSet)}</Space.Addon>
            <Form.Item name="secret" noStyle>
              <PasswordInput autoComplete="new-password" data-testid="upload-secret" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          name="caCertificate"
          label={t('upload.settings.caCertificate')}
          extra={t('upload.settings.caCertificateHelp')}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} style={monospace} />
        </Form.Item>
        <Form.Item
          name="clientCertificate"
          label={t('upload.settings.clientCertificate')}
          extra={t('upload.settings.clientCertificateHelp')}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} style={monospace} />
        </Form.Item>
        <Form.Item label={t('upload.settings.clientKey')} required={false}>
          <div style={{ marginBottom: 4 }}>{setTag(view.data.clientKeySet)}</div>
          <Form.Item name="clientKey" noStyle>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              style={monospace}
              placeholder={t('upload.settings.replaceClientKey')}
            />
          </Form.Item>
        </Form.Item>
        <Form.Item label={t('upload.settings.schedule')} style={{ marginBottom: 0 }}>
          <Form.Item name="schedule" style={{ display: 'inline-block', marginRight: 8 }}>
            <Select
              style={{ width: 180 }}
              options={schedules.map((kind) => ({
                value: kind,
                label: t(`upload.settings.schedules.${kind}`),
              }))}
            />
          </Form.Item>
          {schedule === 'weekly' && (
            <Form.Item
              name="scheduleWeekday"
              style={{ display: 'inline-block', marginRight: 8 }}
              aria-label={t('upload.settings.scheduleWeekday')}
            >
              <Select
                style={{ width: 100 }}
                options={weekdays.map((day) => ({
                  value: Number(day),
                  label: t(`upload.settings.weekdays.${day}`),
                }))}
              />
            </Form.Item>
          )}
          {schedule !== 'hourly' && (
            <Form.Item
              name="scheduleTime"
              style={{ display: 'inline-block' }}
              getValueProps={timeProps}
              normalize={(value: Dayjs | null) => value?.format('HH:mm') ?? ''}
            >
              <TimePicker format="HH:mm" allowClear={false} placeholder={t('upload.settings.scheduleTime')} />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="periodKind" label={t('upload.settings.periodKind')}>
          <Select
            style={{ width: 180 }}
            options={periodKinds.map((kind) => ({
              value: kind,
              label: t(`upload.settings.periodKinds.${kind}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="sendDocuments"
          label={t('upload.settings.sendDocuments')}
          extra={t('upload.settings.sendDocumentsHelp')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="keepAckedDays"
          label={t('upload.settings.keepAckedDays')}
          extra={t('upload.settings.keepAckedDaysHelp')}
        >
          <InputNumber precision={0} suffix={t('common.days')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item wrapperCol={{ offset: 6 }}>
          <Button
            type="primary"
            htmlType="submit"
            loading={update.isPending}
            data-testid="save-upload-settings"
          >
            {t('settings.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
