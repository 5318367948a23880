import { PrinterOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Flex, InputNumber, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paperOf, type PaperName } from '../../shared/printing-paper';
import { calibrationOf, type DesktopPrintSettings as Settings } from '../../shared/desktop-printing';
import type { Calibration } from '../../shared/printing-calibration';
import { useClient } from '../api/ClientContext';
import { usePrintFile } from './usePrintFile';

const queryKey = ['desktop.printing'];

/** The papers a calibration page is printed on: the continuous forms 套打 is for, and A4. */
const calibrationPapers: PaperName[] = [
  'triplicate-241x140',
  'triplicate-241x93',
  'triplicate-241x279',
  'a4-portrait',
];

/**
 * 打印设置 of this machine, in the desktop app (nothing in web mode, where the browser's own print
 * dialog chooses): the printer, the copies, 直接打印 (打印 then goes to that printer without a dialog),
 * the printer's 套打校准 with its calibration page, and how to give the driver a 241 mm form. Kept by the
 * main process beside the window state: a setting of the machine, not of the books.
 */
export function DesktopPrintSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const queryClient = useQueryClient();
  const printFile = usePrintFile();
  const [open, setOpen] = useState(false);
  const [paper, setPaper] = useState<PaperName>('triplicate-241x140');
  const desktop = client.desktop;
  const printing = useQuery({
    queryKey,
    queryFn: () => desktop!.call('desktop.printing', {}),
    enabled: desktop !== null && open,
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
  const calibration = settings ? calibrationOf(settings) : null;
  const calibrate = (next: Partial<Calibration>) =>
    settings &&
    calibration &&
    void change({
      calibrations: { ...settings.calibrations, [settings.printer ?? '']: { ...calibration, ...next } },
    });
  const printCalibrationPage = async () => {
    if (!calibration) return;
    try {
      await printFile(await client.call('print.calibrationPage', { paper, calibration }));
    } catch (error) {
      void message.error((error as Error).message);
    }
  };

  return (
    <>
      <Button
        icon={<SettingOutlined />}
        style={{ float: 'left', marginRight: 8 }}
        onClick={() => setOpen(true)}
      >
        {t('print.settings')}
      </Button>
      <Modal
        open={open}
        title={t('print.settingsTitle')}
        onCancel={() => setOpen(false)}
        footer={null}
        width={560}
        data-testid="desktop-print-settings"
      >
        {settings && calibration && (
          <Flex vertical gap={12}>
            <Flex align="center" gap={8}>
              <Typography.Text style={{ width: 90 }}>{t('print.printer')}</Typography.Text>
              <Select<string>
                style={{ flex: 1 }}
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
            </Flex>
            <Flex align="center" gap={8}>
              <Typography.Text style={{ width: 90 }}>{t('print.copies')}</Typography.Text>
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
            <Typography.Text type="secondary">{t('print.silentHelp')}</Typography.Text>

            <Divider titlePlacement="start" plain style={{ margin: '4px 0' }}>
              {t('print.calibration')}
            </Divider>
            <Typography.Text type="secondary">{t('print.calibrationHelp')}</Typography.Text>
            <Flex gap={12} wrap>
              <label>
                {t('print.offsetX')}{' '}
                <InputNumber
                  min={-30}
                  max={30}
                  step={0.5}
                  suffix="mm"
                  value={calibration.offsetXmm}
                  onChange={(offsetXmm) => calibrate({ offsetXmm: offsetXmm ?? 0 })}
                />
              </label>
              <label>
                {t('print.offsetY')}{' '}
                <InputNumber
                  min={-30}
                  max={30}
                  step={0.5}
                  suffix="mm"
                  value={calibration.offsetYmm}
                  onChange={(offsetYmm) => calibrate({ offsetYmm: offsetYmm ?? 0 })}
                />
              </label>
              <label>
                {t('print.scale')}{' '}
                <InputNumber
                  min={90}
                  max={110}
                  step={0.1}
                  suffix="%"
                  value={Math.round(calibration.scale * 1000) / 10}
                  onChange={(percent) => calibrate({ scale: (percent ?? 100) / 100 })}
                />
              </label>
            </Flex>
            <Flex gap={8} align="center">
              <Select<PaperName>
                value={paper}
                onChange={setPaper}
                style={{ width: 260 }}
                options={calibrationPapers.map((name) => ({
                  value: name,
                  label: t(`printTemplates.papers.${name}`, {
                    size: `${paperOf(name).widthMm} × ${paperOf(name).heightMm} mm`,
                  }),
                }))}
              />
              <Button icon={<PrinterOutlined />} onClick={() => void printCalibrationPage()}>
                {t('print.calibrationPage')}
              </Button>
            </Flex>

            <Divider titlePlacement="start" plain style={{ margin: '4px 0' }}>
              {t('print.customForm')}
            </Divider>
            <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
              {t('print.customFormGuide')}
            </Typography.Paragraph>
          </Flex>
        )}
      </Modal>
    </>
  );
}
