import { Alert, Flex, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { columnLetter } from './columnLetter';
import type { ColumnMapping, ImportField, ImportPreview } from './importTypes';

const sourceColors = { remembered: 'green', automatic: 'blue', given: 'orange' } as const;

/**
 * Step 2, 列对应: each column of the file with the field it fills, as the engine matched them (by
 * name and synonyms, or as remembered from this source last time); the clerk may change any.
 */
export function ImportMappingStep({
  preview,
  fields,
  busy,
  onMapping,
  onSheet,
}: {
  preview: ImportPreview;
  fields: ImportField[];
  busy: boolean;
  onMapping: (mapping: ColumnMapping) => void;
  onSheet: (sheet: string) => void;
}) {
  const { t } = useTranslation();
  const fieldAt = new Map(
    Object.entries(preview.mapping)
      .filter((entry): entry is [string, number] => entry[1] !== null)
      .map(([key, column]) => [column, key]),
  );
  const labelOf = (key: string) => fields.find((field) => field.key === key)?.label ?? key;
  const firstRow = preview.rows[0];

  const choose = (column: number, key: string | undefined) => {
    const next: ColumnMapping = { ...preview.mapping };
    for (const [field, mapped] of Object.entries(next)) if (mapped === column) next[field] = null;
    if (key) next[key] = column;
    onMapping(next);
  };

  const columns = preview.headers.map((header, column) => ({ header, column }));

  return (
    <div>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 12 }}>
        {preview.sheetNames.length > 1 && (
          <span>
            {t('importWizard.sheet')}{' '}
            <Select
              size="small"
              value={preview.sheet}
              onChange={onSheet}
              options={preview.sheetNames.map((name) => ({ value: name, label: name }))}
              style={{ width: 160 }}
              aria-label={t('importWizard.sheet')}
            />
          </span>
        )}
        <Typography.Text>{t('importWizard.headerRow', { row: preview.headerRowNumber })}</Typography.Text>
        <Tag color={sourceColors[preview.mappingSource]} data-testid="mapping-source">
          {t(`importWizard.mappingSource.${preview.mappingSource}`)}
        </Tag>
      </Flex>
      {preview.unmappedRequired.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="unmapped-required"
          title={t('importWizard.unmappedRequired', {
            fields: preview.unmappedRequired.map(labelOf).join('、'),
          })}
        />
      )}
      {preview.mappingWarnings.map((warning) => (
        <Alert
          key={warning}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="mapping-warning"
          title={warning}
        />
      ))}
      <Table
        size="small"
        bordered
        pagination={false}
        loading={busy}
        dataSource={columns}
        rowKey="column"
        scroll={{ y: 380 }}
        data-testid="mapping-table"
        columns={[
          {
            key: 'letter',
            title: t('importWizard.column'),
            width: 56,
            align: 'center',
            render: (_, { column }) => (
              <Typography.Text type="secondary">{columnLetter(column)}</Typography.Text>
            ),
          },
          {
            key: 'header',
            title: t('importWizard.fileHeader'),
            width: 220,
            render: (_, { header }) =>
              header || <Typography.Text type="secondary">{t('importWizard.noHeader')}</Typography.Text>,
          },
          {
            key: 'field',
            title: t('importWizard.field'),
            width: 260,
            render: (_, { header, column }) => {
              const key = fieldAt.get(column);
              return (
                <Select
                  size="small"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  value={key}
                  placeholder={t('importWizard.notImported')}
                  onChange={(next?: string) => choose(column, next)}
                  options={fields.map((field) => ({
                    value: field.key,
                    label: field.required ? `${field.label} *` : field.label,
                  }))}
                  style={{ width: '100%' }}
                  aria-label={`${t('importWizard.field')} ${header}`}
                  data-testid={`mapping-${column}`}
                />
              );
            },
          },
          {
            key: 'sample',
            title: t('importWizard.sample'),
            render: (_, { column }) => {
              const key = fieldAt.get(column);
              return key && firstRow ? (
                <Typography.Text ellipsis>{firstRow.values[key] ?? ''}</Typography.Text>
              ) : null;
            },
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('importWizard.mappingHelp')}
      </Typography.Paragraph>
    </div>
  );
}
