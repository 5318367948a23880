import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentAction } from './documentTypes';

export type ToolbarAction = DocumentAction | 'save' | 'new' | 'origin' | 'generate' | 'settle';

/** A button of the document's toolbar: shown when the state and the user allow it, one action at a time. */
export function ToolbarButton({
  action,
  shown,
  busy,
  icon,
  onClick,
  primary,
  danger,
  title,
  label,
}: {
  action: ToolbarAction;
  shown: boolean;
  busy: ToolbarAction | 'load' | null;
  icon: ReactNode;
  onClick: () => void;
  primary?: boolean;
  danger?: boolean;
  title?: string;
  /** When the action's name depends on the document: 生成入库单 / 生成出库单. */
  label?: string;
}) {
  const { t } = useTranslation();
  if (!shown) return null;
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      danger={danger}
      icon={icon}
      title={title}
      loading={busy === action}
      disabled={busy !== null && busy !== action}
      onClick={onClick}
      data-testid={`document-${action}`}
    >
      {label ?? t(`document.actions.${action}`)}
    </Button>
  );
}
