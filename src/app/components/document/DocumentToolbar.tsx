import { Button, Space, Tooltip } from 'antd';
import { useEffect, useEffectEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorActivity } from './documentEditor';
import {
  toolbarActions,
  type ToolbarActionRow,
  type ToolbarCommands,
  type ToolbarContext,
  withheldReason,
} from './toolbarActions';

/**
 * The document's toolbar, drawn from the table of actions (toolbarActions.tsx): the buttons the state
 * and the user allow, one action at a time, and their keyboard shortcuts.
 */
export function DocumentToolbar({
  context,
  commands,
  activity,
  pageRef,
}: {
  context: ToolbarContext;
  commands: ToolbarCommands;
  activity: EditorActivity;
  /** The page the toolbar is on: only the tab in front answers a shortcut. */
  pageRef: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const shown = toolbarActions.filter((row) => row.shown(context));
  const runnable = shown.filter((row) => withheldReason(context, row.id) === null);

  const onShortcut = useEffectEvent((event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    const row = toolbarActions.find((candidate) => candidate.shortcut?.key === event.key.toLowerCase());
    if (!row) return;
    // Every document tab listens; only the one in front (the one with a box on screen) answers.
    if (!pageRef.current || pageRef.current.offsetParent === null) return;
    event.preventDefault();
    if (runnable.includes(row) && activity === null) row.run(commands);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onShortcut(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const button = (row: ToolbarActionRow) => {
    const label = row.label?.(context.ui);
    const Icon = row.icon;
    const withheld = withheldReason(context, row.id);
    const shownButton = (
      <Button
        key={row.id}
        type={row.look === 'primary' ? 'primary' : 'default'}
        danger={row.look === 'danger'}
        icon={<Icon />}
        title={withheld === null ? row.shortcut?.title : undefined}
        loading={activity === row.id}
        disabled={withheld !== null || (activity !== null && activity !== row.id)}
        onClick={() => row.run(commands)}
        data-testid={`document-${row.id}`}
      >
        {label ? t(label) : t(`document.actions.${row.id}`)}
      </Button>
    );
    // A disabled button gets no pointer events: the tooltip hangs on a wrapper around it.
    return withheld === null ? (
      shownButton
    ) : (
      <Tooltip key={row.id} title={t(`document.withheld.${withheld}`)}>
        <span data-testid={`document-${row.id}-withheld`}>{shownButton}</span>
      </Tooltip>
    );
  };

  return (
    <Space size={6} wrap>
      {shown.map(button)}
    </Space>
  );
}
