import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useState, type ActionDispatch, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useClient } from '../../api/ClientContext';
import type { LedgerClient } from '../../api/client';
import { counterpartyAddress } from '../../components/report/useAddressRequest';
import { accountsPaths } from '../money/accountsPaths';
import type { EditorEvent, EditorState } from '../../components/document/documentEditor';
import {
  blankHeader,
  toDocumentInput,
  type GoodsMatch,
  type HeaderValues,
  type LineDraft,
} from '../../components/document/documentDraft';
import { documentAddress, documentTypeUi, type DocumentView } from '../../components/document/documentTypes';
import { cellId, focusCell } from '../../components/document/gridNavigation';
import { documentFromOrder } from '../../components/document/orderDraft';
import { placeDocumentErrors } from '../../components/document/placeDocumentErrors';
import type { ReasonAnswer } from '../../components/document/ReasonDialog';
import type { ToolbarCommands } from '../../components/document/toolbarActions';
import { warningsOf, type PendingWarnings } from '../../components/document/WarningsDialog';
import type { WarehouseOption } from '../../components/document/DocumentLineGrid';
import { usePrintDocuments } from '../../printing/usePrintDocuments';

type StateChange = 'submit' | 'approve' | 'unapprove';

/** The engine's state changes the toolbar runs on a saved document; submit and approve may be acknowledged. */
const stateChanges: Record<
  StateChange,
  (client: LedgerClient, id: number, acknowledged: boolean) => Promise<unknown>
> = {
  submit: (client, id, acknowledged) => client.call('documents.submit', { id, acknowledged }),
  approve: (client, id, acknowledged) => client.call('documents.approve', { id, acknowledged }),
  unapprove: (client, id) => client.call('documents.unapprove', { id }),
};

/** One refusal on screen at a time: the latest. */
const refusalKey = 'document-refusal';

/** A refusal's text, as the engine wrote it for the clerk. */
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What the document page does with the engine: open, start, save, change the state of, delete, reverse
 * a document, draft one from an order or an origin. Each step tells the editor what happened
 * (documentEditor.ts); what a write makes stale elsewhere the client marks (invalidation.ts).
 */
export function useDocumentCommands({
  state,
  dispatch,
  form,
  shownLines,
  editable,
  warehouses,
  rootRef,
}: {
  state: EditorState;
  dispatch: ActionDispatch<[EditorEvent]>;
  form: FormInstance<HeaderValues>;
  /** The lines as shown, with the prices the page suggests: what is saved. */
  shownLines: readonly LineDraft[];
  editable: boolean;
  warehouses: readonly WarehouseOption[];
  rootRef: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useClient();
  const printDocuments = usePrintDocuments();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pendingWarnings, setPendingWarnings] = useState<PendingWarnings | null>(null);
  /** The documents 打印预览 shows; null while it is closed. */
  const [previewing, setPreviewing] = useState<string[] | null>(null);
  const { type, view } = state;
  const ui = documentTypeUi[type];
  const documentId = view?.id ?? null;

  const fetchGoods = (id: number) =>
    queryClient.fetchQuery({
      queryKey: ['goods.get', { id }],
      queryFn: () => client.call('goods.get', { id }),
      staleTime: 60_000,
    });

  const rememberGoods = async (ids: number[]) => {
    const goods = await Promise.all([...new Set(ids)].map((id) => fetchGoods(id)));
    dispatch({ type: 'goodsRemembered', goods });
  };

  /** Shows a document as the engine has it now. */
  const show = (loaded: DocumentView) => {
    dispatch({ type: 'loaded', view: loaded });
    if (loaded.actions.includes('edit')) {
      void rememberGoods(loaded.lines.map((line) => line.goodsId)).catch(() => undefined);
    }
  };

  /** While the engine is asked, the toolbar waits; a failure is said in the engine's words. */
  const loading = async (work: () => Promise<void>) => {
    dispatch({ type: 'activityStarted', activity: 'load' });
    try {
      await work();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      dispatch({ type: 'activityEnded' });
    }
  };

  const load = (id: number) => loading(async () => show(await client.call('documents.get', { id })));

  const startNew = () => {
    const header = blankHeader();
    const live = warehouses.filter((option) => !option.disabled);
    // One warehouse: every line goes there, nothing to choose.
    if (live.length === 1) header.warehouseId = live[0]!.value;
    dispatch({ type: 'blankStarted', header });
  };

  /** 下推: a new receipt / delivery with what the order still has outstanding, unsaved, for the clerk to adjust. */
  const startFromOrder = (orderId: number) =>
    loading(async () => {
      const [draft, order] = await Promise.all([
        client.call('documents.fromOrder', { id: orderId }),
        client.call('documents.get', { id: orderId }),
      ]);
      await rememberGoods(draft.lines.map((line) => line.goodsId));
      dispatch({ type: 'orderDrafted', ...documentFromOrder(draft, order) });
    });

  const confirmDiscard = (then: () => void) => {
    if (!state.dirty) {
      then();
      return;
    }
    modal.confirm({
      title: t('document.discardTitle'),
      content: t('document.discardHelp'),
      okText: t('document.discard'),
      okButtonProps: { danger: true },
      onOk: then,
    });
  };

  const showRefusal = (error: unknown, lineKeys: readonly string[] = []) => {
    const placed = placeDocumentErrors(error, lineKeys);
    form.setFields(placed.header);
    dispatch({ type: 'refused', lineErrors: placed.lines, focus: placed.firstCell });
    void message.error({ key: refusalKey, content: errorText(error), duration: 6 });
  };

  /** Done: the refusal that was on screen no longer holds. */
  const succeeded = (text: string) => {
    message.destroy(refusalKey);
    void message.success(text);
  };

  /** Saves the draft; the id it has now, or null when the engine refused (the reasons are on the cells). */
  const save = async (): Promise<number | null> => {
    if (!editable) return documentId;
    const { input, lineKeys } = toDocumentInput(
      type,
      state.header,
      shownLines,
      state.sourceDocumentId,
      state.quantityDecimals,
    );
    if (input.lines.length === 0 && !ui.money) {
      void message.warning(t('document.noLines'));
      focusCell(rootRef.current, cellId(state.lines[0]!.key, 'goodsId'));
      return null;
    }
    dispatch({ type: 'activityStarted', activity: 'save' });
    try {
      // The version the draft was opened at: a save after someone else's is refused (STALE), never merged.
      const saved = await client.call('documents.save', {
        id: documentId,
        version: view?.version,
        document: input,
      });
      show(await client.call('documents.get', { id: saved.id }));
      succeeded(t('document.saved', { number: saved.number }));
      return saved.id;
    } catch (error) {
      showRefusal(error, lineKeys);
      return null;
    } finally {
      dispatch({ type: 'activityEnded' });
    }
  };

  /**
   * Runs a state change on the saved document and shows the document as it is afterwards. A submit or
   * approval the engine only warns about (credit, stock) waits for the person to read the warnings;
   * going on runs it again on the same document, acknowledged.
   */
  const runChange = async (id: number, action: StateChange, acknowledged: boolean) => {
    dispatch({ type: 'activityStarted', activity: action });
    try {
      await stateChanges[action](client, id, acknowledged);
      succeeded(t(`document.done.${action}`));
      show(await client.call('documents.get', { id }));
    } catch (error) {
      const warnings = warningsOf(error);
      if (warnings && !acknowledged && action !== 'unapprove') {
        setPendingWarnings({ action, warnings, proceed: () => void runChange(id, action, true) });
      } else {
        showRefusal(error);
      }
    } finally {
      dispatch({ type: 'activityEnded' });
    }
  };

  /** A new or changed draft is saved before it is submitted. */
  const change = async (action: StateChange) => {
    const id = action === 'submit' && (state.dirty || documentId === null) ? await save() : documentId;
    if (id !== null) await runChange(id, action, false);
  };

  /** 作废 and 强制结案: a reason, then the engine's change, then the document as it is afterwards. */
  const withReason = async (action: 'void' | 'close', reason: string) => {
    dispatch({ type: 'dialogClosed' });
    if (documentId === null) return;
    dispatch({ type: 'activityStarted', activity: action });
    try {
      await client.call(action === 'void' ? 'documents.void' : 'documents.close', { id: documentId, reason });
      succeeded(t(`document.done.${action}`));
      show(await client.call('documents.get', { id: documentId }));
    } catch (error) {
      showRefusal(error);
    } finally {
      dispatch({ type: 'activityEnded' });
    }
  };

  const confirmDelete = () =>
    modal.confirm({
      title: t('document.deleteTitle', { number: view?.number ?? '' }),
      content: t('document.deleteHelp'),
      okText: t('document.actions.delete'),
      okButtonProps: { danger: true },
      onOk: async () => {
        if (documentId === null) return;
        try {
          await client.call('documents.delete', { id: documentId });
          succeeded(t('document.deleted', { number: view?.number ?? '' }));
          startNew();
        } catch (error) {
          showRefusal(error);
        }
      },
    });

  const reverse = async ({ businessDate, reason }: ReasonAnswer) => {
    if (documentId === null) return;
    try {
      const reversal = await client.call('documents.reverse', { id: documentId, businessDate, reason });
      dispatch({ type: 'dialogClosed' });
      succeeded(t('document.done.reverse', { number: reversal.number }));
      await load(reversal.id);
    } catch (error) {
      showRefusal(error);
    }
  };

  /** 选原单: the origin's lines, each linked to its origin line, replace the blank ones. */
  const takeOrigin = async (originId: number) => {
    dispatch({ type: 'dialogClosed' });
    try {
      const origin = await client.call('documents.get', { id: originId });
      await rememberGoods(origin.lines.map((line) => line.goodsId));
      dispatch({
        type: 'originTaken',
        origin,
        remark: t('document.originRemark', { number: origin.number }),
      });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const pickGoods = async (key: string, match: GoodsMatch) => {
    try {
      const goods = await fetchGoods(match.id);
      dispatch({ type: 'goodsPicked', key, goods, scannedUnit: match.scannedUnit });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  /** The print is in the document's events now: the page shows 已打印 N 次. */
  const showPrinted = async () => {
    if (documentId !== null) show(await client.call('documents.get', { id: documentId }));
  };

  const toolbar: ToolbarCommands = {
    startNew: () => confirmDiscard(startNew),
    save: () => void save(),
    change: (action) => void change(action),
    ask: (dialog) => dispatch({ type: 'dialogOpened', dialog }),
    confirmDelete,
    /** The order's receipt / delivery opens in its own page, drafted from what is still outstanding. */
    generate: () => {
      if (ui.executesAs && documentId !== null)
        void navigate(documentAddress(ui.executesAs, { fromOrder: documentId }));
    },
    /** 核销 of a completed receipt or payment, on the settlement page for its counterparty and side. */
    settle: () => {
      if (ui.money && view?.counterpartyId != null)
        void navigate(counterpartyAddress(accountsPaths.settlement, view.counterpartyId, ui.money));
    },
    /** What prints is what is saved: a draft with changes is saved first, as before 提交. */
    print: () => {
      if (view === null) return;
      void loading(async () => {
        // Only a saved document has 打印 (view), so saving keeps its id and number.
        const id = state.dirty ? await save() : view.id;
        if (id !== null && (await printDocuments([view.number]))) await showPrinted();
      });
    },
    preview: () => {
      if (view === null) return;
      void loading(async () => {
        const id = state.dirty ? await save() : view.id;
        if (id !== null) setPreviewing([view.number]);
      });
    },
  };

  return {
    toolbar,
    load,
    startNew,
    startFromOrder,
    confirmDiscard,
    pickGoods,
    takeOrigin,
    voidDocument: ({ reason }: ReasonAnswer) => withReason('void', reason),
    /** 强制结案: what the order still has outstanding no longer waits for a receipt or delivery. */
    closeOrder: ({ reason }: ReasonAnswer) => withReason('close', reason),
    reverse,
    pendingWarnings,
    setPendingWarnings,
    previewing,
    closePreview: () => setPreviewing(null),
    /** Printed from 打印预览: the preview closes and the page shows the print. */
    printedFromPreview: () => {
      setPreviewing(null);
      void showPrinted();
    },
  };
}
