import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../session/usePermission';
import { OutboxTable } from './OutboxTable';
import { UploadSettingsForm } from './UploadSettingsForm';
import { UploadStatusCard } from './UploadStatusCard';

/** 上传总部: how the branch's data is reaching head office, the packages, and (administrator) the settings. */
export function UploadPage() {
  const { t } = useTranslation();
  const mayConfigure = usePermission('upload.configure');
  return (
    <Tabs
      items={[
        {
          key: 'status',
          label: t('upload.statusTab'),
          children: (
            <>
              <UploadStatusCard />
              <OutboxTable />
            </>
          ),
        },
        ...(mayConfigure
          ? [{ key: 'settings', label: t('upload.settingsTab'), children: <UploadSettingsForm /> }]
          : []),
      ]}
    />
  );
}
