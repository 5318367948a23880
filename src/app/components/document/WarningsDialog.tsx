import { ExclamationCircleFilled } from '@ant-design/icons';
import { Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../../api/client';

/** A submit or approval the engine warned about, waiting for the person to read and go on or not. */
export interface PendingWarnings {
  action: 'submit' | 'approve';
  warnings: string[];
  proceed: () => void;
}

/**
 * The warnings of a NEEDS_CONFIRMATION refusal (credit limit, available stock: DOMAIN.md §7), one per
 * line; null for any other error, which is final.
 */
export function warningsOf(error: unknown): string[] | null {
  if (!(error instanceof ApiCallError) || error.code !== 'NEEDS_CONFIRMATION') return null;
  const listed = (error.details as { warnings?: unknown } | undefined)?.warnings;
  if (Array.isArray(listed) && listed.every((warning) => typeof warning === 'string')) return listed;
  return error.message.split('\n').filter(Boolean);
}

/**
 * Asks the person to read what the engine warned about before a submit or an approval goes on: each
 * warning in full, then 仍然提交 / 仍然审核, which repeats the call acknowledged, or 取消.
 */
export function WarningsDialog({
  action,
  warnings,
  onContinue,
  onCancel,
}: {
  action: 'submit' | 'approve';
  /** Null: the dialog is closed. */
  warnings: readonly string[] | null;
  onContinue: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={warnings !== null}
      title={
        <Flex gap={8} align="center">
          <ExclamationCircleFilled style={{ color: '#faad14' }} />
          {t('document.warnings.title')}
        </Flex>
      }
      okText={t(action === 'submit' ? 'document.warnings.submitAnyway' : 'document.warnings.approveAnyway')}
      cancelText={t('document.warnings.cancel')}
      onOk={onContinue}
      onCancel={onCancel}
      width={600}
      destroyOnHidden
      // On the panel itself: the modal's root has no box of its own, so it never counts as shown.
      modalRender={(panel) => <div data-testid="document-warnings">{panel}</div>}
    >
      <ul style={{ paddingInlineStart: 20, margin: '8px 0' }}>
        {(warnings ?? []).map((warning) => (
          <li key={warning} style={{ marginBottom: 6 }}>
            <Typography.Text>{warning}</Typography.Text>
          </li>
        ))}
      </ul>
      <Typography.Text type="secondary">{t('document.warnings.help')}</Typography.Text>
    </Modal>
  );
}
