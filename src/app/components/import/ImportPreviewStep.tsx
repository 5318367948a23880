import { Alert, ConfigProvider, Flex, List, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportField, ImportPreview, ImportPreviewRow } from './importTypes';
import { groupProblems, rowRanges } from './problemGroups';

/** Roughly how wide text is drawn in the grid: a Chinese character about twice a Latin one. */
function textWidth(text: string): number {
  return [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0xff ? 14 : 8), 0);
}

const actionColors = { create: 'green', update: 'blue', skip: 'default', error: 'red' } as const;
const errorCell = { background: '#fff1f0', boxShadow: 'inset 0 0 0 1px #ffa39e' };
const warningCell = { background: '#fffbe6' };

/**
 * Step 3, 预览: every row with its sheet row number, what the import will do with it, its values,
 * and each error at its cell (red, the message on hover), then all problems listed.
 */
export function ImportPreviewStep({ preview, fields }: { preview: ImportPreview; fields: ImportField[] }) {
  const { t } = useTranslation();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const { counts } = preview;

  // The grid shows the file's mapped columns, in the file's order, under the file's own headers:
  // the engine names a problem's column by the header the clerk sees in Excel.
  const shown = Object.entries(preview.mapping)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .sort((a, b) => a[1] - b[1])
    .map(([key, column]) => {
      const title = preview.headers[column] || fields.find((field) => field.key === key)?.label || key;
      const widest = Math.max(
        textWidth(title),
        ...preview.rows.slice(0, 200).map((row) => textWidth(row.values[key] ?? '')),
      );
      return { key, title, width: Math.min(240, Math.max(64, widest + 20)) };
    });
  const shownTitles = new Set(shown.map((column) => column.title));

  const columns: TableColumnsType<ImportPreviewRow> = [
    {
      key: 'row',
      title: t('importWizard.row'),
      width: 60,
      align: 'right',
      fixed: 'left',
      render: (_, row) => row.row,
    },
    {
      key: 'action',
      title: t('importWizard.action'),
      width: 72,
      align: 'center',
      fixed: 'left',
      render: (_, row) => {
        // Problems at a column the grid does not show (an unmapped required field) are said here.
        const elsewhere = row.errors.filter((problem) => !shownTitles.has(problem.column));
        const tip = [row.note, ...elsewhere.map((problem) => `【${problem.column}】${problem.message}`)]
          .filter(Boolean)
          .join('；');
        const tag = <Tag color={actionColors[row.action]}>{t(`importWizard.actions.${row.action}`)}</Tag>;
        return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
      },
    },
    ...shown.map(({ key, title, width }) => ({
      key,
      title,
      width,
      ellipsis: true,
      onCell: (row: ImportPreviewRow) => {
        if (row.errors.some((problem) => problem.column === title))
          return { style: errorCell, 'data-error': 'true' };
        if (row.warnings.some((problem) => problem.column === title)) return { style: warningCell };
        return {};
      },
      render: (_: unknown, row: ImportPreviewRow) => {
        const problems = [...row.errors, ...row.warnings].filter((problem) => problem.column === title);
        const value = row.values[key] ?? '';
        return problems.length ? (
          <Tooltip title={problems.map((problem) => problem.message).join('；')}>
            <span data-testid={`cell-error-${row.row}-${key}`}>{value || '\u00a0'}</span>
          </Tooltip>
        ) : (
          value
        );
      },
    })),
  ];

  const rows = onlyProblems
    ? preview.rows.filter((row) => row.errors.length > 0 || row.warnings.length > 0)
    : preview.rows;
  // Errors first: they stop the import; warnings only say what it will do besides. The same words on many
  // rows are one line naming them.
  const problems = groupProblems(
    preview.rows.flatMap((row) => [
      ...row.errors.map((problem) => ({ row: row.row, problem, level: 'error' as const })),
      ...row.warnings.map((problem) => ({ row: row.row, problem, level: 'warning' as const })),
    ]),
  );

  return (
    <div>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }} data-testid="import-counts">
        <Typography.Text strong>{t('importWizard.counts.total', { count: counts.total })}</Typography.Text>
        <Tag color="green">{t('importWizard.counts.create', { count: counts.create })}</Tag>
        <Tag color="blue">{t('importWizard.counts.update', { count: counts.update })}</Tag>
        <Tag>{t('importWizard.counts.skip', { count: counts.skip })}</Tag>
        <Tag color={counts.errors ? 'red' : 'default'}>
          {t('importWizard.counts.errors', { count: counts.errors })}
        </Tag>
        <div style={{ flex: 1 }} />
        <Segmented<'all' | 'problems'>
          size="small"
          value={onlyProblems ? 'problems' : 'all'}
          onChange={(value) => setOnlyProblems(value === 'problems')}
          options={[
            { value: 'all', label: t('importWizard.showAll') },
            { value: 'problems', label: t('importWizard.showProblems') },
          ]}
        />
      </Flex>
      <ConfigProvider theme={{ components: { Table: { cellPaddingBlockSM: 4 } } }}>
        <Table<ImportPreviewRow>
          virtual
          size="small"
          bordered
          pagination={false}
          dataSource={rows}
          rowKey="row"
          columns={columns}
          scroll={{
            x: columns.reduce((sum, column) => sum + Number(column.width ?? 0), 0),
            y: problems.length ? 280 : 400,
          }}
          data-testid="import-preview-grid"
        />
      </ConfigProvider>
      {counts.errors === 0 && (
        <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('importWizard.noProblems')} />
      )}
      {problems.length > 0 && (
        <List
          size="small"
          bordered
          style={{ marginTop: 8, maxHeight: 150, overflow: 'auto' }}
          dataSource={problems}
          data-testid="import-problems"
          renderItem={({ rows: where, column, message, level }) => (
            <List.Item style={{ padding: '2px 12px' }}>
              <Typography.Text type={level === 'error' ? 'danger' : 'warning'}>
                {
                  // "第 7 行【换算率】…" or "第 28、29 行【商品类别】…": where, then what.
                  t('importWizard.problemLine', {
                    row: rowRanges(where, t('importWizard.rowSeparator')),
                    column,
                    message,
                  })
                }
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
