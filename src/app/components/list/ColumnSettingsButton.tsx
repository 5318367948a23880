import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n/messageKey';
import type { ColumnChoice } from './useColumnSettings';

/**
 * 列设置: which columns the list shows and in what order. The export follows the same choice, so
 * what is on screen is what lands in Excel.
 */
export function ColumnSettingsButton({
  choices,
  titles,
  onChange,
}: {
  choices: ColumnChoice[];
  titles: Record<string, MessageKey>;
  onChange: (next: ColumnChoice[] | null) => void;
}) {
  const { t } = useTranslation();
  const visibleCount = choices.filter((choice) => choice.visible).length;

  const move = (index: number, by: -1 | 1) => {
    const next = [...choices];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange(next);
  };

  const content = (
    <div style={{ width: 240 }} data-testid="column-settings">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('list.columnsHelp')}
      </Typography.Text>
      <div style={{ maxHeight: 360, overflow: 'auto', margin: '8px 0' }}>
        {choices.map((choice, index) => (
          <Flex key={choice.key} align="center" justify="space-between" style={{ padding: '2px 0' }}>
            <Checkbox
              checked={choice.visible}
              // The last visible column stays: a list without columns shows nothing.
              disabled={choice.visible && visibleCount === 1}
              onChange={(event) =>
                onChange(
                  choices.map((other) =>
                    other.key === choice.key ? { ...other, visible: event.target.checked } : other,
                  ),
                )
              }
            >
              {t(titles[choice.key]!)}
            </Checkbox>
            <span>
              <Button
                size="small"
                type="text"
                icon={<ArrowUpOutlined />}
                aria-label={t('list.columnUp')}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label={t('list.columnDown')}
                disabled={index === choices.length - 1}
                onClick={() => move(index, 1)}
              />
            </span>
          </Flex>
        ))}
      </div>
      <Button size="small" onClick={() => onChange(null)}>
        {t('list.columnsReset')}
      </Button>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" title={t('list.columns')} content={content}>
      <Tooltip title={t('list.columns')}>
        <Button
          icon={<SettingOutlined />}
          aria-label={t('list.columns')}
          data-testid="column-settings-button"
        />
      </Tooltip>
    </Popover>
  );
}
