import {
  CheckOutlined,
  DeleteOutlined,
  FileAddOutlined,
  ImportOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  StopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
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
  documentStatusColors,
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
import { documentTotals } from '../../components/document/lineFigures';
import { OriginDocumentDialog } from '../../components/document/OriginDocumentDialog';
import { clearLineErrors, placeDocumentErrors } from '../../components/document/placeDocumentErrors';
import { ReasonDialog, type ReasonAnswer } from '../../components/document/ReasonDialog';
import { useAvailableHeight } from '../../components/list/useAvailableHeight';
import { usePermission } from '../../session/usePermission';
import { useWarehouses } from '../master-data/options/useRecordOptions';

type OpenRequest = { id: number } | 'new';
type Dialog = 'void' | 'reverse' | 'origin' | null;
const timeFormat = 'YYYY-MM-DD HH:mm';
/** One refusal on screen at a time: the latest. */
const refusalKey = 'document-refusal';

/** A refusal's text, as the engine wrote it for the clerk. */
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type ToolbarAction = DocumentAction | 'save' | 'new' | 'origin';

/** A button of the document's toolbar: shown when the state and the user allow it, one action at a time. */
function ToolbarButton({
  action,
  shown,
  busy,
  icon,
  onClick,
  primary,
  danger,
  title,
}: {
  action: ToolbarAction;
  shown: boolean;
  busy: ToolbarAction | 'load' | null;
  icon: ReactNode;
  onClick: () => void;
  primary?: boolean;
  danger?: boolean;
  title?: string;
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
      {t(`document.actions.${action}`)}
    </Button>
  );
}

/**
 * The one document page (DOMAIN.md §5), configured by type: header, keyboard-first lines, live
 * totals, and the buttons the document's state allows. Opened from a list as `?id=` or `?new=1` on
 * the type's address; it keeps its document while other tabs are in front.
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

  const [form] = Form.useForm<HeaderValues>();
  const [view, setView] = useState<DocumentView | null>(null);
  const [lines, setLines] = useState<LineDraft[]>(() => [blankLine()]);
  const [dirty, setDirty] = useState(false);
  const [lineErrors, setLineErrors] = useState<LineErrors>({});
  const [goodsById, setGoodsById] = useState<ReadonlyMap<number, GoodsInfo>>(new Map());
  const [sourceDocumentId, setSourceDocumentId] = useState<number | null>(null);
  const [busy, setBusy] = useState<ToolbarAction | 'load' | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
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

  const documentId = view?.id ?? null;
  const editable = mayEdit && (view === null || view.actions.includes('edit'));
  const allowed = (action: DocumentAction) => view?.actions.includes(action) ?? false;
  const totals = documentTotals(lines, type, quantityDecimals);
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
    confirmDiscard(() => (request === 'new' ? startNew() : void load(request.id)));
  });

  // A list asks this page to open a document (?id=) or start one (?new=1): once per navigation.
  useEffect(() => {
    if (location.pathname !== ui.path) return;
    const params = new URLSearchParams(location.search);
    const id = Number(params.get('id'));
    if (!id && !params.has('new')) return;
    void navigate(ui.path, { replace: true });
    openRequested(id ? { id } : 'new');
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

  const refreshLists = () => queryClient.invalidateQueries({ queryKey: ['documents.list'] });

  /** Saves the draft; the id it has now, or null when the engine refused (the reasons are on the cells). */
  const save = async (): Promise<number | null> => {
    if (!editable) return documentId;
    const { input, lineKeys } = toDocumentInput(type, form.getFieldsValue(true), lines, sourceDocumentId);
    if (input.lines.length === 0) {
      void message.warning(t('document.noLines'));
      focusCell(rootRef.current, cellId(lines[0]!.key, 'goodsId'));
      return null;
    }
    setBusy('save');
    try {
      const saved = await client.call('documents.save', { id: documentId, document: input });
      show(await client.call('documents.get', { id: saved.id }));
      succeeded(t('document.saved', { number: saved.number }));
      void refreshLists();
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

  /** Runs a state change on the saved document and shows the document as it is afterwards. */
  const act = async (action: DocumentAction, run: (id: number) => Promise<unknown>, done: string) => {
    const id = action === 'submit' && (dirty || documentId === null) ? await save() : documentId;
    if (id === null) return;
    setBusy(action);
    try {
      await run(id);
      succeeded(done);
      void refreshLists();
      show(await client.call('documents.get', { id }));
    } catch (error) {
      showRefusal(error);
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
          void refreshLists();
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

  const reverseDocument = async ({ businessDate, reason }: ReasonAnswer) => {
    if (documentId === null) return;
    try {
      const reversal = await client.call('documents.reverse', { id: documentId, businessDate, reason });
      setDialog(null);
      succeeded(t('document.done.reverse', { number: reversal.number }));
      void refreshLists();
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

  const statusTag = view ? (
    <Tag color={documentStatusColors[view.status]} data-testid="document-status">
      {t(`document.statuses.${view.status}`)}
    </Tag>
  ) : (
    <Tag data-testid="document-status">{t('document.newDocument')}</Tag>
  );

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
          {statusTag}
          {view?.reversalOf && <Tag color="red">{t('document.list.reversal')}</Tag>}
          {dirty && <Tag color="orange">{t('document.unsaved')}</Tag>}
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
              void act('submit', (id) => client.call('documents.submit', { id }), t('document.done.submit'))
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
                (id) => client.call('documents.approve', { id }),
                t('document.done.approve'),
              )
            }
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
        />
      </Form>

      <div ref={gridArea}>
        <DocumentLineGrid
          type={type}
          lines={lines}
          readOnly={!editable}
          quantityDecimals={quantityDecimals}
          warehouses={warehouses}
          headerWarehouseId={headerWarehouseId}
          headerToWarehouseId={headerToWarehouseId}
          goodsById={goodsById}
          errors={lineErrors}
          height={Math.max(160, areaHeight - 40)}
          onLineChange={changeLine}
          onPickGoods={(key, match) => void pickGoods(key, match)}
          onRemove={removeLine}
        />
        {/* Saved and unchanged, the engine's figures; while typing, the page's own, computed the same way. */}
        <DocumentTotals type={type} totals={totals} quantityDecimals={quantityDecimals} />
      </div>

      <Flex justify="space-between" gap={16} style={{ paddingTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {editable ? t('document.keyboardHelp') : ''}
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
