import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  DisconnectOutlined,
  ExclamationCircleOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../api/useApi';
import { localTime, nextTry, uploadHealth, type UploadHealth } from '../pages/upload/uploadFigures';
import { uploadPagePath } from '../pages/upload/uploadPagePath';
import { usePermission } from '../session/usePermission';

/** Often enough that a clerk sees an upload land within the minute, seldom enough to cost nothing. */
const pollMs = 30_000;

const look: Record<UploadHealth, { color: string; icon: ReactNode }> = {
  notConfigured: { color: 'default', icon: <DisconnectOutlined /> },
  allSent: { color: 'success', icon: <CheckCircleOutlined /> },
  pending: { color: 'warning', icon: <CloudUploadOutlined /> },
  retrying: { color: 'warning', icon: <SyncOutlined /> },
  blocked: { color: 'error', icon: <ExclamationCircleOutlined /> },
};

/**
 * The upload at a glance in the top bar (UPLOAD.md: the status is always visible in the app): what
 * waits, since when, the last success and the next try; red when head office refused and the person
 * must act, with what to do in the tooltip. Opens 上传总部 for those who may see it.
 */
export function UploadBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mayView = usePermission('upload.view');
  const status = useApiQuery('upload.status', {}, { refetchInterval: pollMs }).data;
  if (!status) return null;

  const health = uploadHealth(status);
  const next = nextTry(status);
  const parts =
    health === 'notConfigured'
      ? [t('upload.badge.notConfigured')]
      : [
          ...(health === 'blocked' ? [t('upload.badge.blocked')] : []),
          status.pending > 0
            ? t('upload.badge.pending', { count: status.pending })
            : health === 'retrying'
              ? t('upload.badge.retrying')
              : t('upload.badge.allSent'),
          ...(status.oldestPendingAt
            ? [t('upload.badge.oldest', { at: localTime(status.oldestPendingAt, 'short') })]
            : []),
          status.lastSuccessAt
            ? t('upload.badge.lastSuccess', { at: localTime(status.lastSuccessAt, 'short') })
            : t('upload.badge.neverSent'),
          ...(next && health !== 'blocked'
            ? [
                t(next.kind === 'retry' ? 'upload.badge.nextAttempt' : 'upload.badge.nextScheduled', {
                  at: localTime(next.at, 'short'),
                }),
              ]
            : []),
        ];
  const error = status.lastError;
  const tooltip =
    health === 'notConfigured' ? (
      t('upload.badge.notConfiguredHint')
    ) : error && health !== 'allSent' ? (
      <>
        <div>{error.message}</div>
        <div>{t('upload.whatToDo', { action: error.action })}</div>
      </>
    ) : null;

  return (
    // Wider than antd's 250 px: the engine's explanations are whole sentences.
    <Tooltip title={tooltip} styles={{ root: { maxWidth: 420 } }}>
      <Tag
        color={look[health].color}
        icon={look[health].icon}
        data-testid="upload-badge"
        data-health={health}
        role={mayView ? 'button' : undefined}
        onClick={mayView ? () => void navigate(uploadPagePath) : undefined}
        style={{
          // A block in the header's flex row: centred with the buttons beside it, not on the text baseline.
          display: 'block',
          fontSize: 13,
          lineHeight: '26px',
          paddingInline: 10,
          cursor: mayView ? 'pointer' : 'default',
          marginInlineEnd: 0,
          maxWidth: 600,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
      >
        {parts.join(' · ')}
      </Tag>
    </Tooltip>
  );
}
