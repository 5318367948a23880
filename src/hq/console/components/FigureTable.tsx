import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { downloadTableWorkbook } from '../export/tableWorkbook';
import { displayOf, exportColumnsOf, type FigureColumn } from '../summaries/figureColumn';
import { zh } from '../text/zh-CN';

function tableColumnsOf<Row>(columns: readonly FigureColumn<Row>[]): ColumnsType<Row> {
  return columns.map((column) => ({
    key: column.key,
    title: column.title,
    align: column.kind === 'text' ? 'left' : 'right',
    render: (_: unknown, row: Row) => {
      const text = displayOf(column, row);
      const open = column.link?.(row);
      return open ? (
        <Typography.Link onClick={open} data-testid={`drill-${text}`}>
          {text}
        </Typography.Link>
      ) : (
        text
      );
    },
  }));
}

/**
 * The console's one table: figure columns rendered from their declarations, a 合计 row, and 导出 Excel
 * writing the same columns and rows (every page of them, the 合计 last) as numbers, not text.
 */
export function FigureTable<Row extends object>(props: {
  columns: readonly FigureColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The 合计 row, shown under the table and exported last, its label in the first column. */
  total?: { label: string; row: Row };
  exportAs?: { fileName: string; sheetName: string };
  toolbar?: ReactNode;
  loading?: boolean;
  expandable?: TableProps<Row>['expandable'];
  testId: string;
}) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const { columns, rows, total, exportAs } = props;

  const exportWorkbook = async () => {
    if (!exportAs) return;
    setExporting(true);
    try {
      await downloadTableWorkbook({
        ...exportAs,
        columns: exportColumnsOf(columns),
        rows,
        ...(total ? { total } : {}),
      });
      message.success(zh.summary.exported(exportAs.fileName));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid={props.testId}>
      {(props.toolbar || exportAs) && (
        <Flex justify="space-between" align="center" wrap gap={8}>
          <div>{props.toolbar}</div>
          {exportAs && (
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              disabled={rows.length === 0}
              onClick={() => void exportWorkbook()}
            >
              {zh.summary.export}
            </Button>
          )}
        </Flex>
      )}
      <Table<Row>
        size="small"
        bordered
        loading={props.loading}
        columns={tableColumnsOf(columns)}
        dataSource={[...rows]}
        rowKey={props.rowKey}
        expandable={props.expandable}
        locale={{ emptyText: zh.summary.empty }}
        pagination={rows.length > 50 ? { defaultPageSize: 50, showSizeChanger: true } : false}
        summary={
          total
            ? () => (
                <Table.Summary fixed>
                  <Table.Summary.Row data-testid={`${props.testId}-total`}>
                    {props.expandable && <Table.Summary.Cell index={-1} />}
                    {columns.map((column, index) => (
                      <Table.Summary.Cell
                        key={column.key}
                        index={index}
                        align={column.kind === 'text' ? 'left' : 'right'}
                      >
                        <Typography.Text strong>
                          {index === 0 ? total.label : displayOf(column, total.row)}
                        </Typography.Text>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              )
            : undefined
        }
      />
    </Flex>
  );
}
