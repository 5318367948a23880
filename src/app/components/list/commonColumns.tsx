import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../../i18n/messageKey';
import type { ListColumn, ListRow } from './entityListConfig';

function StatusTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? <Tag color="green">{t('list.active')}</Tag> : <Tag>{t('list.disabled')}</Tag>;
}

/** Columns every master-data list has, named the same everywhere (export keys included). */
export const commonColumns = {
  /** `title`: the entity's own word (商品编码, 仓库编码); `sortField`: the engine's name for sorting by it. */
  code: <Row extends ListRow, S extends string>(
    title: MessageKey,
    sortField: S,
    width = 110,
  ): ListColumn<Row, S> => ({
    key: 'code',
    title,
    width,
    sortField,
  }),
  name: <Row extends ListRow, S extends string>(
    title: MessageKey,
    sortField: S,
    width = 200,
  ): ListColumn<Row, S> => ({
    key: 'name',
    title,
    width,
    sortField,
  }),
  active: <Row extends ListRow, S extends string>(): ListColumn<Row, S> => ({
    key: 'active',
    title: 'fields.active',
    width: 72,
    align: 'center',
    render: (row) => <StatusTag active={row.active} />,
  }),
  /** 修改时间, sortable, hidden until chosen. */
  updatedAt: <Row extends ListRow & { updatedAt: string }, S extends string>(
    sortField?: S,
  ): ListColumn<Row, S> => ({
    key: 'updatedAt',
    title: 'fields.updatedAt',
    width: 140,
    sortField,
    hiddenByDefault: true,
    render: (row) => dayjs(row.updatedAt).format('YYYY-MM-DD HH:mm'),
  }),
};
