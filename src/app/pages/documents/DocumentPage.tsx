import {
  CheckOutlined,
  DeleteOutlined,
  FileAddOutlined,
  ImportOutlined,
  LinkOutlined,
  LockOutlined,
  NodeExpandOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  StopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Flex, Form, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useEffectEvent, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useClient } from '../../api/ClientContext';
import { useApiQuery } from '../../api/useApi';
import { DocumentHeader } from '../../components/document/DocumentHeader';
import { DocumentLineGrid, type LineErrors } from '../../components/document/DocumentLineGrid';
import { DocumentTotals } from '../../components/document/DocumentTotals';
import {
  blankHeader,
  blankLine,
  headerFromView,
  linesFromView,
  toDocumentInput,
  withGoods,
  type GoodsInfo,
  type GoodsMatch,
  type HeaderValues,
  type LineDraft,
} from '../../components/document/documentDraft';
import {
  documentAddress,
  documentTypeUi,
  type DocumentAction,
  type DocumentType,
  type DocumentView,
} from '../../components/document/documentTypes';
import {
  cellId,
  enterBelongsToControl,
  focusCell,
  focusNeighbour,
  lineKeyOf,
} from '../../components/document/gridNavigation';
import { DocumentStateTags } from '../../components/document/DocumentStateTags';
import { documentTotals } from '../../components/document/lineFigures';
import { documentFromOrder } from '../../components/document/orderDraft';
import { OriginDocumentDialog } from '../../components/document/OriginDocumentDialog';
import { clearLineErrors, placeDocumentErrors } from '../../components/document/placeDocumentErrors';
import { withSuggestedPrice } from '../../components/document/priceSuggestion';
import { ReasonDialog, type ReasonAnswer } from '../../components/document/ReasonDialog';
import { goodsIdsOf, useAvailableStock, useLastPrices } from '../../components/document/useLineLookups';
import { ToolbarButton, type ToolbarAction } from '../../components/document/ToolbarButton';
import { WarningsDialog, warningsOf } from '../../components/document/WarningsDialog';
import { useAvailableHeight } from '../../components/list/useAvailableHeight';
import { counterpartyAddress } from '../../components/report/useAddressRequest';
import { useSession } from '../../session/SessionContext';
import { usePermission } from '../../session/usePermission';
import { useWarehouses } from '../master-data/options/useRecordOptions';
import { accountsPaths } from '../money/accountsPaths';

type OpenRequest = { id: number } | { fromOrder: number } | 'new';
type Dialog = 'void' | 'reverse' | 'close' | 'origin' | null;
/** A submit or approval the engine warned about, waiting for the person to read and go on or not. */
interface PendingWarnings {
  action: 'submit' | 'approve';
  warnings: string[];
  proceed: () => void;
}
const timeFormat = 'YYYY-MM-DD HH:mm';
/** One refusal on screen at a time: the latest. */
const refusalKey = 'document-refusal';

/** A refusal's text, as the engine wrote it for the clerk. */
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The one document page (DOMAIN.md §5), configured by type: header, keyboard-first lines (or the
 * amount of a receipt / payment of money), live totals, and the buttons the document's state allows.
 * Opened from a list as `?id=` or `?new=1` on the type's address, or from an order as `?fromOrder=`
 * (下推); it keeps its document while other tabs are in front.
 */
export function DocumentPage({ type }: { type: DocumentType }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useClient();
  const queryClient = useQueryClient();
  const location = useLocation();
  const navigate = useNavigate();
  const ui = documentTypeUi[type];
  const mayEdit = usePermission('documents.edit');
  const mayApprove = usePermission('documents.approve');
  const maySettle = usePermission('money.settle');
  const mayReadStock = usePermission('stock.read');
  const independent = useSession().current.branch.accountingMode === 'independent';

  const [form] = Form.useForm<HeaderValues>();
  const [view, setView] = useState<DocumentView | null>(null);
  const [lines, setLines] = useState<LineDraft[]>(() => [blankLine()]);
  const [dirty, setDirty] = useState(false);
  const [lineErrors, setLineErrors] = useState<LineErrors>({});
  const [goodsById, setGoodsById] = useState<ReadonlyMap<number, GoodsInfo>>(new Map());
  const [sourceDocumentId, setSourceDocumentId] = useState<number | null>(null);
  const [busy, setBusy] = useState<ToolbarAction | 'load' | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pendingWarnings, setPendingWarnings] = useState<PendingWarnings | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const gridArea = useRef<HTMLDivElement>(null);
  /** A cell to focus once the next render has drawn it (a new line, a picked goods, an error). */
  const focusAfterRender = useRef<string | null>(null);

  const profile = useApiQuery('branch.profile', {});
  const quantityDecimals = profile.data?.quantityDecimals ?? 2;
  const warehouseRows = useWarehouses().data?.rows;
  const warehouses = useMemo(
    () => (warehouseRows ?? []).map((row) => ({ value: row.id, label: row.name, disabled: !row.active })),
    [warehouseRows],
  );
  const headerWarehouseId = Form.useWatch('warehouseId', form) ?? null;
  const headerToWarehouseId = Form.useWatch('toWarehouseId', form) ?? null;
  const counterpartyId = Form.useWatch('counterpartyId', form) ?? null;
  const priceIncludesTax = Form.useWatch('priceIncludesTax', form) ?? false;

  const documentId = view?.id ?? null;
  const editable = mayEdit && (view === null || view.actions.includes('edit'));
  const allowed = (action: DocumentAction) => view?.actions.includes(action) ?? false;
  const goodsIds = goodsIdsOf(lines);
  const lastPrices = useLastPrices(type, counterpartyId, goodsIds, editable);
  const showAvailable = editable && ui.salesLimits && mayReadStock;
  // A delivery made from an order takes that order's reservation: it is not held against itself.
  const available = useAvailableStock(
    goodsIds,
    showAvailable,
    type === 'sales_delivery' ? sourceDocumentId : null,
  );
  // The lines as shown and sent: untouched prices are the page's suggestion (priceSuggestion.ts).
  const shownLines = useMemo(
    () =>
      lines.map((line) =>
        withSuggestedPrice(
          line,
          line.goodsId === null ? undefined : goodsById.get(line.goodsId),
          type,
          priceIncludesTax,
          lastPrices,
        ),
      ),
    [lines, goodsById, type, priceIncludesTax, lastPrices],
  );
  const totals = documentTotals(shownLines, type, quantityDecimals, priceIncludesTax);
  // An approved order is being executed; its receipt / delivery can be generated while some is left.
  const execution = view?.status === 'awaiting_warehouse' ? view.execution : null;
  // A sale not yet approved, on a branch that keeps its receivables: the customer's credit beside it.
  const showCredit =
    ui.salesLimits && independent && (view === null || ['draft', 'submitted'].includes(view.status));
  const areaHeight = useAvailableHeight(gridArea, 70, 260);

  useEffect(() => {
    const target = focusAfterRender.current;
    if (!target) return;
    focusAfterRender.current = null;
    // After this frame: a menu or dropdown that was just clicked gives the focus back to its trigger first.
    requestAnimationFrame(() => focusCell(rootRef.current, target));
  });

  const fetchGoods = (id: number) =>
    queryClient.fetchQuery({
      queryKey: ['goods.get', { id }],
      queryFn: () => client.call('goods.get', { id }),
      staleTime: 60_000,
    });

  const rememberGoods = async (ids: number[]) => {
    const fetched = await Promise.all([...new Set(ids)].map((id) => fetchGoods(id)));
    setGoodsById((current) => new Map([...current, ...fetched.map((goods) => [goods.id, goods] as const)]));
  };

  /** Shows a document as the engine has it now. */
  const show = (loaded: DocumentView) => {
    setView(loaded);
    form.resetFields();
    form.setFieldsValue(headerFromView(loaded));
    const loadedLines = linesFromView(loaded);
    setLines(loadedLines.length ? loadedLines : [blankLine()]);
    setSourceDocumentId(loaded.sourceDocumentId);
    setLineErrors({});
    setDirty(false);
    if (loaded.actions.includes('edit')) {
      void rememberGoods(loaded.lines.map((line) => line.goodsId)).catch(() => undefined);
    }
  };

  const load = async (id: number) => {
    setBusy('load');
    try {
      show(await client.call('documents.get', { id }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  const startNew = () => {
    setView(null);
    form.resetFields();
    const header = blankHeader();
    const live = warehouses.filter((option) => !option.disabled);
    // One warehouse: every line goes there, nothing to choose.
    if (live.length === 1) header.warehouseId = live[0]!.value;
    form.setFieldsValue(header);
    const line = blankLine();
    setLines([line]);
    setSourceDocumentId(null);
    setLineErrors({});
    setDirty(false);
    // The cursor starts on the first thing the clerk must still choose.
    focusAfterRender.current =
      ui.counterparty !== 'none'
        ? 'header:counterpartyId'
        : header.warehouseId === null
          ? 'header:warehouseId'
          : cellId(line.key, 'goodsId');
  };

  /** 下推: a new receipt / delivery with what the order still has outstanding, unsaved, for the clerk to adjust. */
  const startFromOrder = async (orderId: number) => {
    setBusy('load');
    try {
      const [draft, order] = await Promise.all([
        client.call('documents.fromOrder', { id: orderId }),
        client.call('documents.get', { id: orderId }),
      ]);
      await rememberGoods(draft.lines.map((line) => line.goodsId));
      const generated = documentFromOrder(draft, order);
      setView(null);
      form.resetFields();
      form.setFieldsValue(generated.header);
      setLines(generated.lines);
      setSourceDocumentId(generated.sourceDocumentId);
      setLineErrors({});
      // Not saved yet: the page says so, and leaving asks first.
      setDirty(true);
      const first = generated.lines[0];
      if (first) focusAfterRender.current = cellId(first.key, 'quantity');
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  const confirmDiscard = (then: () => void) => {
    if (!dirty) {
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

  /** Whether the page has been given its first document: a requested one, or a blank one. */
  const begun = useRef(false);
  const openRequested = useEffectEvent((request: OpenRequest) => {
    begun.current = true;
    confirmDiscard(() =>
      request === 'new'
        ? startNew()
        : 'id' in request
          ? void load(request.id)
          : void startFromOrder(request.fromOrder),
    );
  });

  // A list asks this page to open a document (?id=) or start one (?new=1), an order to start one from
  // it (?fromOrder=): once per navigation.
  useEffect(() => {
    if (location.pathname !== ui.path) return;
    const params = new URLSearchParams(location.search);
    const id = Number(params.get('id'));
    const fromOrder = Number(params.get('fromOrder'));
    if (!id && !fromOrder && !params.has('new')) return;
    void navigate(ui.path, { replace: true });
    openRequested(id ? { id } : fromOrder ? { fromOrder } : 'new');
  }, [location.key, location.pathname, location.search, navigate, ui.path]);

  // Opened from the menu: a blank document once the warehouses are known (one of them is the default).
  const beginBlank = useEffectEvent(() => {
    if (begun.current || warehouseRows === undefined) return;
    begun.current = true;
    startNew();
  });
  useEffect(() => beginBlank(), [warehouseRows]);

  const changed = () => setDirty(true);

  const changeLine = (key: string, patch: Partial<LineDraft>) => {
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)));
    setLineErrors((current) => clearLineErrors(current, key, patch));
    changed();
  };

  const pickGoods = async (key: string, match: GoodsMatch) => {
    try {
      const goods = await fetchGoods(match.id);
      setGoodsById((current) => new Map(current).set(goods.id, goods));
      setLines((current) =>
        current.map((line) => (line.key === key ? withGoods(line, goods, type, match.scannedUnit) : line)),
      );
      // Other goods, another line: what the engine said of the old one no longer applies.
      setLineErrors(({ [key]: _replaced, ...others }) => others);
      changed();
      focusAfterRender.current = cellId(key, ui.valueOnly ? 'adjustmentAmount' : 'quantity');
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const removeLine = (key: string) => {
    const index = lines.findIndex((line) => line.key === key);
    const remaining = lines.filter((line) => line.key !== key);
    const next = remaining.length ? remaining : [blankLine()];
    setLines(next);
    setLineErrors(({ [key]: _removed, ...others }) => others);
    changed();
    const neighbour = next[Math.min(index, next.length - 1)];
    if (neighbour) focusAfterRender.current = cellId(neighbour.key, 'goodsId');
  };

  /** Enter past the last cell of the last line: a new line, the cursor in its goods cell. */
  const enterPastEnd = (cell: HTMLElement) => {
    const key = lineKeyOf(cell);
    const last = lines[lines.length - 1];
    if (!editable || !key || !last || key !== last.key) return;
    if (last.goodsId === null) {
      focusCell(rootRef.current, cellId(last.key, 'goodsId'));
      return;
    }
    const line = blankLine();
    setLines([...lines, line]);
    focusAfterRender.current = cellId(line.key, 'goodsId');
  };

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    const root = rootRef.current;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!root || !cell || !root.contains(cell)) return;
    if (event.key === 'Delete' && (event.ctrlKey || event.metaKey)) {
      const key = lineKeyOf(cell);
      if (key && editable) {
        event.preventDefault();
        event.stopPropagation();
        removeLine(key);
      }
      return;
    }
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
    if (enterBelongsToControl(cell, event.nativeEvent)) return;
    event.preventDefault();
    event.stopPropagation();
    const step = event.shiftKey ? -1 : 1;
    if (!focusNeighbour(root, cell, step) && step === 1) enterPastEnd(cell);
  };

  const showRefusal = (error: unknown, lineKeys: readonly string[] = []) => {
    const placed = placeDocumentErrors(error, lineKeys);
    form.setFields(placed.header);
    setLineErrors(placed.lines);
    if (placed.firstCell) focusAfterRender.current = placed.firstCell;
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
      form.getFieldsValue(true),
      shownLines,
      sourceDocumentId,
    );
    if (input.lines.length === 0 && !ui.money) {
      void message.warning(t('document.noLines'));
      focusCell(rootRef.current, cellId(lines[0]!.key, 'goodsId'));
      return null;
    }
    setBusy('save');
    try {
      const saved = await client.call('documents.save', { id: documentId, document: input });
      show(await client.call('documents.get', { id: saved.id }));
      succeeded(t('document.saved', { number: saved.number }));
      return saved.id;
    } catch (error) {
      showRefusal(error, lineKeys);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const onSaveShortcut = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 's') return;
    // Every document tab listens; only the one in front (the one with a box on screen) saves.
    if (!rootRef.current || rootRef.current.offsetParent === null) return;
    event.preventDefault();
    if (editable && busy === null) void save();
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => onSaveShortcut(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  /**
   * Runs a state change on the saved document and shows the document as it is afterwards. A submit or
   * approval the engine only warns about (credit, stock) waits for the person to read the warnings;
   * going on runs it again, acknowledged.
   */
  const act = async (
    action: DocumentAction,
    run: (id: number, acknowledged: boolean) => Promise<unknown>,
    done: string,
    acknowledged = false,
  ) => {
    const id = action === 'submit' && (dirty || documentId === null) ? await save() : documentId;
    if (id === null) return;
    setBusy(action);
    try {
      await run(id, acknowledged);
      succeeded(done);
      show(await client.call('documents.get', { id }));
    } catch (error) {
      const warnings = warningsOf(error);
      if (warnings && !acknowledged && (action === 'submit' || action === 'approve')) {
        setPendingWarnings({ action, warnings, proceed: () => void act(action, run, done, true) });
      } else {
        showRefusal(error);
      }
    } finally {
      setBusy(null);
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

  const voidDocument = async ({ reason }: ReasonAnswer) => {
    setDialog(null);
    await act('void', (id) => client.call('documents.void', { id, reason }), t('document.done.void'));
  };

  /** 强制结案: what the order still has outstanding no longer waits for a receipt or delivery. */
  const closeOrder = async ({ reason }: ReasonAnswer) => {
    setDialog(null);
    await act('close', (id) => client.call('documents.close', { id, reason }), t('document.done.close'));
  };

  /** The order's receipt / delivery opens in its own page, drafted from what is still outstanding. */
  const generateFromOrder = () => {
    if (ui.executesAs && documentId !== null)
      void navigate(documentAddress(ui.executesAs, { fromOrder: documentId }));
  };

  /** 核销 of a completed receipt or payment, on the settlement page for its counterparty and side. */
  const settle = () => {
    if (ui.money && view?.counterpartyId != null)
      void navigate(counterpartyAddress(accountsPaths.settlement, view.counterpartyId, ui.money));
  };

  const reverseDocument = async ({ businessDate, reason }: ReasonAnswer) => {
    if (documentId === null) return;
    try {
      const reversal = await client.call('documents.reverse', { id: documentId, businessDate, reason });
      setDialog(null);
      succeeded(t('document.done.reverse', { number: reversal.number }));
      await load(reversal.id);
    } catch (error) {
      showRefusal(error);
    }
  };

  /** 选原单: the origin's lines, each linked to its origin line, replace the blank ones. */
  const takeOrigin = async (originId: number) => {
    setDialog(null);
    try {
      const origin = await client.call('documents.get', { id: originId });
      const taken = linesFromView(origin).map((line, index) => ({
        ...line,
        sourceLineId: origin.lines[index]!.id,
        warehouseId: origin.lines[index]!.warehouseId,
        saved: null,
      }));
      await rememberGoods(origin.lines.map((line) => line.goodsId));
      form.setFieldsValue({
        counterpartyId: origin.counterpartyId,
        counterpartyLabel: origin.counterpartyName,
        // The origin's prices come as they were entered, so the return reads them the same way.
        priceIncludesTax: origin.lines.some((line) => line.priceIncludesTax),
        remark: form.getFieldValue('remark') || t('document.originRemark', { number: origin.number }),
      });
      setSourceDocumentId(origin.id);
      setLines([...lines.filter((line) => line.goodsId !== null), ...taken]);
      changed();
      const first = taken[0];
      if (first) focusAfterRender.current = cellId(first.key, 'quantity');
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <div
      ref={rootRef}
      onKeyDownCapture={onKeyDownCapture}
      data-testid={`document-page-${type}`}
      style={{ display: 'flex', flexDirection: 'column' }}
    >
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Space size={8} align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t(`document.types.${type}`)}
          </Typography.Title>
          <DocumentStateTags view={view} dirty={dirty} />
          {allowed('confirm') && (
            <Typography.Text type="secondary">{t('document.awaitingKeeper')}</Typography.Text>
          )}
          {view?.reversalOf && (
            <Typography.Link onClick={() => confirmDiscard(() => void load(view.reversalOf!.id))}>
              {t('document.reversalOf', { number: view.reversalOf.number })}
            </Typography.Link>
          )}
          {view?.reversedBy && (
            <Typography.Link onClick={() => confirmDiscard(() => void load(view.reversedBy!.id))}>
              {t('document.reversedBy', { number: view.reversedBy.number })}
            </Typography.Link>
          )}
        </Space>
        <Space size={6} wrap>
          <ToolbarButton
            action="new"
            shown={mayEdit}
            busy={busy}
            icon={<FileAddOutlined />}
            onClick={() => confirmDiscard(startNew)}
          />
          <ToolbarButton
            action="origin"
            shown={editable && ui.originType !== null}
            busy={busy}
            icon={<ImportOutlined />}
            onClick={() => setDialog('origin')}
          />
          <ToolbarButton
            action="save"
            shown={editable}
            busy={busy}
            icon={<SaveOutlined />}
            onClick={() => void save()}
            primary
            title="Ctrl+S"
          />
          <ToolbarButton
            action="submit"
            shown={mayEdit && (view === null || allowed('submit'))}
            busy={busy}
            icon={<SendOutlined />}
            onClick={() =>
              void act(
                'submit',
                (id, acknowledged) => client.call('documents.submit', { id, acknowledged }),
                t('document.done.submit'),
              )
            }
          />
          <ToolbarButton
            action="approve"
            shown={mayApprove && allowed('approve')}
            busy={busy}
            icon={<CheckOutlined />}
            onClick={() =>
              void act(
                'approve',
                (id, acknowledged) => client.call('documents.approve', { id, acknowledged }),
                t('document.done.approve'),
              )
            }
          />
          <ToolbarButton
            action="generate"
            shown={mayEdit && ui.executesAs !== null && execution !== null && execution !== 'done'}
            busy={busy}
            icon={<NodeExpandOutlined />}
            onClick={generateFromOrder}
            primary
            label={ui.executesAs ? t(`document.generate.${ui.executesAs}`) : undefined}
          />
          <ToolbarButton
            action="settle"
            shown={maySettle && ui.money !== null && view?.status === 'completed'}
            busy={busy}
            icon={<LinkOutlined />}
            onClick={settle}
            primary
          />
          <ToolbarButton
            action="unapprove"
            shown={mayApprove && allowed('unapprove')}
            busy={busy}
            icon={<RollbackOutlined />}
            onClick={() =>
              void act(
                'unapprove',
                (id) => client.call('documents.unapprove', { id }),
                t('document.done.unapprove'),
              )
            }
          />
          <ToolbarButton
            action="close"
            shown={mayApprove && allowed('close')}
            busy={busy}
            icon={<LockOutlined />}
            onClick={() => setDialog('close')}
            danger
          />
          <ToolbarButton
            action="void"
            shown={mayApprove && allowed('void')}
            busy={busy}
            icon={<StopOutlined />}
            onClick={() => setDialog('void')}
            danger
          />
          <ToolbarButton
            action="delete"
            shown={mayEdit && allowed('delete')}
            busy={busy}
            icon={<DeleteOutlined />}
            onClick={confirmDelete}
            danger
          />
          <ToolbarButton
            action="reverse"
            shown={mayApprove && allowed('reverse')}
            busy={busy}
            icon={<SwapOutlined />}
            onClick={() => setDialog('reverse')}
            danger
          />
        </Space>
      </Flex>

      <Form<HeaderValues>
        form={form}
        initialValues={blankHeader()}
        labelCol={{ flex: '76px' }}
        labelWrap
        colon={false}
        onValuesChange={changed}
        style={{ marginBottom: -8 }}
      >
        <DocumentHeader
          type={type}
          number={view?.number ?? null}
          readOnly={!editable}
          warehouses={warehouses}
          showCredit={showCredit}
        />
      </Form>

      {/* A receipt or payment of money has no lines: its amount is in the header. */}
      {ui.money === null && (
        <div ref={gridArea}>
          <DocumentLineGrid
            type={type}
            lines={shownLines}
            readOnly={!editable}
            quantityDecimals={quantityDecimals}
            warehouses={warehouses}
            headerWarehouseId={headerWarehouseId}
            headerToWarehouseId={headerToWarehouseId}
            goodsById={goodsById}
            priceIncludesTax={priceIncludesTax}
            lastPrices={lastPrices}
            showAvailable={showAvailable}
            available={available}
            errors={lineErrors}
            height={Math.max(160, areaHeight - 40)}
            onLineChange={changeLine}
            onPickGoods={(key, match) => void pickGoods(key, match)}
            onRemove={removeLine}
          />
          {/* Saved and unchanged, the engine's figures; while typing, the page's own, computed the same way. */}
          <DocumentTotals type={type} totals={totals} quantityDecimals={quantityDecimals} />
        </div>
      )}

      <Flex justify="space-between" gap={16} style={{ paddingTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {editable ? t(ui.money ? 'document.keyboardHelpNoLines' : 'document.keyboardHelp') : ''}
        </Typography.Text>
        {view && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="document-signatures">
            {t('document.createdBy', {
              name: view.createdByName,
              at: dayjs(view.createdAt).format(timeFormat),
            })}
            {view.approvedByName &&
              ` · ${t('document.approvedBy', {
                name: view.approvedByName,
                at: dayjs(view.approvedAt).format(timeFormat),
              })}`}
            {view.completedAt &&
              ` · ${t('document.completedAt', { at: dayjs(view.completedAt).format(timeFormat) })}`}
          </Typography.Text>
        )}
      </Flex>

      <ReasonDialog
        open={dialog === 'void'}
        title={t('document.voidTitle', { number: view?.number ?? '' })}
        help={t('document.voidHelp')}
        askDate={false}
        okText={t('document.actions.void')}
        onOk={voidDocument}
        onCancel={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'reverse'}
        title={t('document.reverseTitle', { number: view?.number ?? '' })}
        help={t('document.reverseHelp')}
        askDate
        okText={t('document.actions.reverse')}
        onOk={reverseDocument}
        onCancel={() => setDialog(null)}
      />
      <ReasonDialog
        open={dialog === 'close'}
        title={t('document.closeTitle', { number: view?.number ?? '' })}
        help={t('document.closeHelp')}
        askDate={false}
        okText={t('document.actions.close')}
        onOk={closeOrder}
        onCancel={() => setDialog(null)}
      />
      <WarningsDialog
        action={pendingWarnings?.action ?? 'submit'}
        warnings={pendingWarnings?.warnings ?? null}
        onContinue={() => {
          pendingWarnings?.proceed();
          setPendingWarnings(null);
        }}
        onCancel={() => setPendingWarnings(null)}
      />
      {ui.originType && (
        <OriginDocumentDialog
          open={dialog === 'origin'}
          originType={ui.originType}
          onPick={(id) => void takeOrigin(id)}
          onCancel={() => setDialog(null)}
        />
      )}
    </div>
  );
}
