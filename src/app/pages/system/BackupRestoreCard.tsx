import { App, Button, Card, Descriptions, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../shared/api';
import { useApiMutation, useApiQuery } from '../../api/useApi';
import { formatBytes } from '../../components/formatBytes';
import { useSession } from '../../session/SessionContext';
import { PasswordInput } from '../../components/form/PasswordInput';

type BackupFile = ApiOutput<'system.backups'>['backups'][number];
type Preview = ApiOutput<'system.restorePreview'>;

/**
 * 自动备份、备份列表、恢复与完整性检查: the backups in the folder, each restorable after a preview of what
 * it holds and a confirmation; restoring signs everyone out, so the page ends at the login.
 */
export function BackupRestoreCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { current, logout } = useSession();
  const settings = useApiQuery('settings.get', {});
  const backups = useApiQuery('system.backups', {});
  const updateSettings = useApiMutation('settings.update');
  const checkIntegrity = useApiMutation('system.checkIntegrity');
  const previewRestore = useApiMutation('system.restorePreview');
  const restore = useApiMutation('system.restore');
  const [integrity, setIntegrity] = useState<ApiOutput<'system.checkIntegrity'> | null>(null);
  const [chosen, setChosen] = useState<{
    file: BackupFile;
    passphrase: string;
    preview: Preview | null;
  } | null>(null);

  const canRestore = current.permissions.includes('backup.restore');

  const openPreview = async (file: BackupFile, passphrase = '') => {
    setChosen({ file, passphrase, preview: null });
    if (file.encrypted && passphrase === '') return;
    try {
      const preview = await previewRestore.mutateAsync({ from: file.path, passphrase: passphrase || null });
      setChosen({ file, passphrase, preview });
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const runRestore = async () => {
    if (!chosen?.preview) return;
    try {
      const outcome = await restore.mutateAsync({
        from: chosen.file.path,
        passphrase: chosen.passphrase || null,
        acknowledged: !chosen.preview.sameBranch,
      });
      Modal.success({
        title: t('system.restoreDone'),
        content: t('system.restoreDoneDetail', { keptAside: outcome.keptAside }),
        onOk: () => void logout(),
      });
      setChosen(null);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const preview = chosen?.preview ?? null;
  return (
    <Card title={t('system.backupsTitle')} variant="borderless">
      {settings.data && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Switch
            checked={settings.data.autoBackup}
            loading={updateSettings.isPending}
            onChange={(autoBackup) => void updateSettings.mutateAsync({ autoBackup })}
          />
          <Typography.Text>
            {t('system.autoBackup', {
              keep: settings.data.autoBackupKeep,
              folder: backups.data?.folder ?? '',
            })}
          </Typography.Text>
        </Space>
      )}
      <Table<BackupFile>
        size="small"
        rowKey="path"
        loading={backups.isLoading}
        dataSource={backups.data?.backups ?? []}
        pagination={{ pageSize: 8 }}
        columns={[
          { title: t('system.backupName'), dataIndex: 'name' },
          {
            title: t('system.backupKind'),
            dataIndex: 'kind',
            render: (kind: BackupFile['kind'], file) => (
              <Space size={4}>
                <Tag>{t(`system.backupKinds.${kind}`)}</Tag>
                {file.encrypted && <Tag color="gold">{t('system.encrypted')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('system.backupMadeAt'),
            dataIndex: 'madeAt',
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
          },
          {
            title: t('system.backupSize'),
            dataIndex: 'bytes',
            render: (bytes: number) => formatBytes(bytes),
          },
          ...(canRestore
            ? [
                {
                  title: '',
                  key: 'restore',
                  render: (_: unknown, file: BackupFile) => (
                    <Button size="small" danger onClick={() => void openPreview(file)}>
                      {t('system.restore')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Space style={{ marginTop: 12 }} align="start">
        <Button
          loading={checkIntegrity.isPending}
          onClick={() =>
            void checkIntegrity
              .mutateAsync({})
              .then(setIntegrity, (error: Error) => message.error(error.message))
          }
        >
          {t('system.checkIntegrity')}
        </Button>
        {integrity && (
          <Typography.Text type={integrity.ok ? 'success' : 'danger'}>
            {integrity.ok
              ? t('system.integrityOk', { at: dayjs(integrity.checkedAt).format('YYYY-MM-DD HH:mm:ss') })
              : t('system.integrityProblems', { problems: integrity.problems.join('；') })}
          </Typography.Text>
        )}
      </Space>
      <Modal
        open={chosen !== null}
        title={t('system.restoreTitle', { name: chosen?.file.name ?? '' })}
        okText={t('system.restoreConfirm')}
        okButtonProps={{ danger: true, disabled: preview === null, loading: restore.isPending }}
        onOk={() => void runRestore()}
        onCancel={() => setChosen(null)}
      >
        {chosen?.file.encrypted && preview === null && (
          <PasswordInput
            placeholder={t('system.passphrase')}
            onPressEnter={(event) => void openPreview(chosen.file, event.currentTarget.value)}
          />
        )}
        {preview && (
          <>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('system.previewBranch')}>
                {preview.branch ? `${preview.branch.code} ${preview.branch.name}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('system.previewLastDocument')}>
                {preview.lastDocument
                  ? `${preview.lastDocument.number}（${preview.lastDocument.businessDate}）`
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('system.previewLastClosedMonth')}>
                {preview.lastClosedMonth ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('system.backupMadeAt')}>
                {dayjs(preview.madeAt).format('YYYY-MM-DD HH:mm')}
              </Descriptions.Item>
              <Descriptions.Item label={t('system.schemaVersion')}>{preview.schemaVersion}</Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="danger" style={{ marginTop: 12 }}>
              {preview.sameBranch
                ? t('system.restoreWarning')
                : t('system.restoreOtherBranch', {
                    backup: preview.branch?.code ?? '',
                    current: preview.currentBranchCode ?? '',
                  })}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </Card>
  );
}
