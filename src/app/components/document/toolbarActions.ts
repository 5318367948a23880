import {
  CheckOutlined,
  DeleteOutlined,
  EyeOutlined,
  FileAddOutlined,
  ImportOutlined,
  LinkOutlined,
  LockOutlined,
  NodeExpandOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  StopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n/messageKey';
import type { DocumentAction, DocumentTypeUi, DocumentView } from './documentTypes';

export type ToolbarAction =
  DocumentAction | 'save' | 'new' | 'origin' | 'generate' | 'settle' | 'print' | 'preview';
type WithheldReason = DocumentView['withheldActions'][number]['reason'];

/** What decides which buttons the toolbar shows: the document, its type, and what the user may do. */
export interface ToolbarContext {
  /** The saved document, with the actions its state allows (the engine's allowedActions); null if new. */
  view: DocumentView | null;
  /** The draft may be changed: the user may edit and the document is new or still allows editing. */
  editable: boolean;
  ui: DocumentTypeUi;
  /** print: 单据·打印, or the keeper's warehouse.print on a document that moves stock. */
  may: { edit: boolean; approve: boolean; settle: boolean; print: boolean };
}

/** What the toolbar's buttons do, given by the page. */
export interface ToolbarCommands {
  startNew(): void;
  save(): void;
  /** A state change the engine makes and the page then shows (提交, 审核, 反审核). */
  change(action: 'submit' | 'approve' | 'unapprove'): void;
  /** A state change that asks a reason (and for 红字冲销 a date) first. */
  ask(dialog: 'origin' | 'close' | 'void' | 'reverse'): void;
  confirmDelete(): void;
  generate(): void;
  settle(): void;
  /** The document to PDF, the file the printer gets. */
  print(): void;
  /** 打印预览: the same pages, looked at before printing. */
  preview(): void;
}

export interface ToolbarActionRow {
  id: ToolbarAction;
  icon: ComponentType;
  look: 'primary' | 'danger' | 'default';
  /** A key the action also answers to, with Ctrl (⌘ on a Mac), and how its title writes it. */
  shortcut?: { key: string; title: string };
  /** When the action's name depends on the document: 生成入库单 / 生成出库单. */
  label?: (ui: DocumentTypeUi) => MessageKey | undefined;
  shown(context: ToolbarContext): boolean;
  run(commands: ToolbarCommands): void;
}

/** The state's own actions, as the engine allows them (src/shared/documents/document-status.ts). */
const allows = (context: ToolbarContext, action: DocumentAction) =>
  context.view?.actions.includes(action) ?? false;

/**
 * Why the engine withholds an action the state allows from this user (the maker's 审核 when the branch has
 * someone else approve): the button stays, disabled, with the reason. null: not withheld.
 */
export function withheldReason(context: ToolbarContext, action: ToolbarAction): WithheldReason | null {
  return context.view?.withheldActions.find((held) => held.action === action)?.reason ?? null;
}

/** An approved order is being executed; its receipt / delivery can be generated while some is left. */
function outstanding(view: DocumentView | null): boolean {
  const execution = view?.status === 'awaiting_warehouse' ? view.execution : null;
  return execution !== null && execution !== 'done';
}

/** The document page's toolbar, in its order on screen: one row per action. */
export const toolbarActions: readonly ToolbarActionRow[] = [
  {
    id: 'new',
    icon: FileAddOutlined,
    look: 'default',
    shown: ({ may }) => may.edit,
    run: (commands) => commands.startNew(),
  },
  {
    id: 'origin',
    icon: ImportOutlined,
    look: 'default',
    shown: ({ editable, ui }) => editable && ui.originType !== null,
    run: (commands) => commands.ask('origin'),
  },
  {
    id: 'save',
    icon: SaveOutlined,
    look: 'primary',
    shortcut: { key: 's', title: 'Ctrl+S' },
    shown: ({ editable }) => editable,
    run: (commands) => commands.save(),
  },
  {
    id: 'submit',
    icon: SendOutlined,
    look: 'default',
    // A new document is saved first, then submitted.
    shown: (context) => context.may.edit && (context.view === null || allows(context, 'submit')),
    run: (commands) => commands.change('submit'),
  },
  {
    id: 'approve',
    icon: CheckOutlined,
    look: 'default',
    shown: (context) =>
      context.may.approve && (allows(context, 'approve') || withheldReason(context, 'approve') !== null),
    run: (commands) => commands.change('approve'),
  },
  {
    id: 'generate',
    icon: NodeExpandOutlined,
    look: 'primary',
    label: (ui) => (ui.executesAs ? `document.generate.${ui.executesAs}` : undefined),
    shown: ({ may, ui, view }) => may.edit && ui.executesAs !== null && outstanding(view),
    run: (commands) => commands.generate(),
  },
  {
    id: 'settle',
    icon: LinkOutlined,
    look: 'primary',
    shown: ({ may, ui, view }) => may.settle && ui.money !== null && view?.status === 'completed',
    run: (commands) => commands.settle(),
  },
  {
    id: 'print',
    icon: PrinterOutlined,
    look: 'default',
    shortcut: { key: 'p', title: 'Ctrl+P' },
    shown: ({ may, view }) => may.print && view !== null,
    run: (commands) => commands.print(),
  },
  {
    id: 'preview',
    icon: EyeOutlined,
    look: 'default',
    shown: ({ may, view }) => may.print && view !== null,
    run: (commands) => commands.preview(),
  },
  {
    id: 'unapprove',
    icon: RollbackOutlined,
    look: 'default',
    shown: (context) => context.may.approve && allows(context, 'unapprove'),
    run: (commands) => commands.change('unapprove'),
  },
  {
    id: 'close',
    icon: LockOutlined,
    look: 'danger',
    shown: (context) => context.may.approve && allows(context, 'close'),
    run: (commands) => commands.ask('close'),
  },
  {
    id: 'void',
    icon: StopOutlined,
    look: 'danger',
    shown: (context) => context.may.approve && allows(context, 'void'),
    run: (commands) => commands.ask('void'),
  },
  {
    id: 'delete',
    icon: DeleteOutlined,
    look: 'danger',
    shown: (context) => context.may.edit && allows(context, 'delete'),
    run: (commands) => commands.confirmDelete(),
  },
  {
    id: 'reverse',
    icon: SwapOutlined,
    look: 'danger',
    shown: (context) => context.may.approve && allows(context, 'reverse'),
    run: (commands) => commands.ask('reverse'),
  },
];
