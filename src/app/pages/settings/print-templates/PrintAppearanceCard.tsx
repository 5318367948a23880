import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Image, Select, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api';
import { useApiMutation, useApiQuery } from '../../../api/useApi';
import { readFileAsBase64 } from '../../../files/readFileAsBase64';

type DateFormat = NonNullable<ApiInput<'printTemplates.setAppearance'>['dateFormat']>;

/** 2026-11-20 in each format, as the clerk chooses among them. */
const examples: Record<DateFormat, string> = {
  'yyyy-MM-dd': '2026-11-20',
  yyyy年M月d日: '2026年11月20日',
  'yyyy/MM/dd': '2026/11/20',
  'yyyy.MM.dd': '2026.11.20',
};

/**
 * 打印外观: what every print of the branch carries whatever its template — the date format and the
 * branch's logo at the left of the title.
 */
export function PrintAppearanceCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const appearance = useApiQuery('printTemplates.appearance', {});
  const save = useApiMutation('printTemplates.setAppearance');
  const change = async (input: ApiInput<'printTemplates.setAppearance'>, done: string) => {
    try {
      await save.mutateAsync(input);
      void message.success(done);
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  const logo = appearance.data?.logoBase64;
  return (
    <Card
      size="small"
      title={t('printTemplates.appearance')}
      style={{ marginTop: 16 }}
      data-testid="print-appearance"
    >
      <Flex gap={32} wrap align="center">
        <Flex gap={8} align="center">
          <Typography.Text>{t('printTemplates.dateFormat')}</Typography.Text>
          <Select<DateFormat>
            style={{ width: 180 }}
            value={appearance.data?.dateFormat}
            onChange={(dateFormat) => void change({ dateFormat }, t('printTemplates.appearanceSaved'))}
            options={(Object.keys(examples) as DateFormat[]).map((format) => ({
              value: format,
              label: examples[format],
            }))}
            data-testid="print-date-format"
          />
        </Flex>
        <Flex gap={8} align="center">
          <Typography.Text>{t('printTemplates.logo')}</Typography.Text>
          {logo ? (
            <Image
              height={32}
              src={`data:image/${logo.startsWith('iVBOR') ? 'png' : 'jpeg'};base64,${logo}`}
              alt={t('printTemplates.logo')}
              preview={false}
              data-testid="print-logo"
            />
          ) : (
            <Typography.Text type="secondary">{t('printTemplates.noLogo')}</Typography.Text>
          )}
          <Upload
            accept=".png,.jpg,.jpeg"
            showUploadList={false}
            beforeUpload={(file) => {
              void readFileAsBase64(file).then((logoBase64) =>
                change({ logoBase64 }, t('printTemplates.logoSaved')),
              );
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} data-testid="print-logo-upload">
              {t('printTemplates.chooseLogo')}
            </Button>
          </Upload>
          {logo && (
            <Button
              size="small"
              icon={<DeleteOutlined />}
              onClick={() => void change({ logoBase64: null }, t('printTemplates.logoRemoved'))}
            >
              {t('printTemplates.removeLogo')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('printTemplates.appearanceHelp')}
      </Typography.Paragraph>
    </Card>
  );
}
