import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import type { MessageKey } from '../../i18n/messageKey';
import type { ListRow, MasterDataEntity } from './entityListConfig';

/**
 * 停用·启用, 删除 (to the recycle bin), 恢复, 彻底删除: the same four for every master-data list,
 * each confirmed where it cannot simply be undone, each refusal shown in the engine's own words.
 */
export function useRecordActions(entity: MasterDataEntity, noun: MessageKey) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useClient();

  const describe = (row: ListRow) => `${t(noun)}【${row.code} ${row.name}】`;
  const target = (row: ListRow) => ({ entity, id: row.id });

  const change = async (action: () => Promise<unknown>, done: string) => {
    try {
      // The client reads the lists and pickers again (invalidation.ts).
      await action();
      message.success(done);
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  return {
    describe,

    toggleActive: (row: ListRow) =>
      change(
        () => client.call('masterData.setActive', { ...target(row), active: !row.active }),
        t(row.active ? 'list.disabledDone' : 'list.enabledDone', { record: describe(row) }),
      ),

    confirmDelete: (row: ListRow) =>
      modal.confirm({
        title: t('list.deleteConfirm', { record: describe(row) }),
        content: t('list.deleteConfirmHelp'),
        okText: t('list.delete'),
        okButtonProps: { danger: true },
        onOk: () =>
          change(
            () => client.call('masterData.delete', target(row)),
            t('list.deletedDone', { record: describe(row) }),
          ),
      }),

    restore: (row: ListRow) =>
      change(
        () => client.call('masterData.restore', target(row)),
        t('list.restoredDone', { record: describe(row) }),
      ),

    confirmPurge: (row: ListRow) =>
      modal.confirm({
        title: t('list.purgeConfirm', { record: describe(row) }),
        content: t('list.purgeConfirmHelp'),
        okText: t('list.purge'),
        okButtonProps: { danger: true },
        onOk: () =>
          change(
            () => client.call('masterData.purge', target(row)),
            t('list.purgedDone', { record: describe(row) }),
          ),
      }),
  };
}
