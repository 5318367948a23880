import { SettingOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, InputNumber, Popover, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DesktopPrintSettings as Settings } from '../../shared/desktop-printing';
import { useClient } from '../api/ClientContext';

const queryKey = ['desktop.printing'];

/**
 * 打印设置 of this machine, in the desktop app (nothing in web mode, where the browser's own print
 * dialog chooses): the printer, the copies, and 直接打印 — 打印 then goes to that printer without a
 * dialog. Kept by the main process beside the window state: a setting of the machine, not of the books.
 */
export function DesktopPrintSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const queryClient = useQueryClient();
  const desktop = client.desktop;
  const printing = useQuery({
    queryKey,
    queryFn: () => desktop!.call('desktop.printing', {}),
    enabled: desktop !== null,
  });
  if (!desktop) return null;
  const settings = printing.data?.settings;
  const change = async (next: Partial<Settings>) => {
    if (!settings) return;
    try {
      await desktop.call('desktop.printing.save', { ...settings, ...next });
      await queryClient.invalidateQueries({ queryKey });
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  const content = settings && (
    <Flex vertical gap={12} style={{ width: 300 }} data-testid="desktop-print-settings">
      <div>
        <Typography.Text type="secondary">{t('print.printer')}</Typography.Text>
        <Select<string>
          style={{ width: '100%' }}
          value={settings.printer ?? ''}
          onChange={(printer) => void change({ printer: printer || null })}
          options={[
            { value: '', label: t('print.defaultPrinter') },
            ...(printing.data?.printers ?? []).map((printer) => ({
              value: printer.name,
              label: printer.isDefault
                ? `${printer.displayName}（${t('print.isDefault')}）`
                : printer.displayName,
            })),
          ]}
        />
      </div>
      <Flex align="center" gap={8}>
        <Typography.Text type="secondary">{t('print.copies')}</Typography.Text>
        <InputNumber
          min={1}
          max={99}
          value={settings.copies}
          onChange={(copies) => copies && void change({ copies })}
        />
      </Flex>
      <Flex align="center" gap={8}>
        <Switch checked={settings.silent} onChange={(silent) => void change({ silent })} />
        <Typography.Text>{t('print.silent')}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('print.silentHelp')}
      </Typography.Text>
    </Flex>
  );
  return (
    <Popover trigger="click" title={t('print.settingsTitle')} content={content}>
      <Button icon={<SettingOutlined />} style={{ float: 'left', marginRight: 8 }}>
        {t('print.settings')}
      </Button>
    </Popover>
  );
}
