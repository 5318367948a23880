import { Flex, Form } from 'antd';
import { useCallback, useEffect, useEffectEvent, useMemo, useReducer, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApi';
import { DocumentDialogs } from '../../components/document/DocumentDialogs';
import { PrintPreviewDialog } from '../../printing/PrintPreviewDialog';
import { DocumentFooter } from '../../components/document/DocumentFooter';
import { DocumentHeader } from '../../components/document/DocumentHeader';
import { OpeningStockImport } from '../../components/document/OpeningStockImport';
import { DocumentLineGrid } from '../../components/document/DocumentLineGrid';
import { DocumentTitleBar } from '../../components/document/DocumentTitleBar';
import { DocumentToolbar } from '../../components/document/DocumentToolbar';
import { DocumentTotals } from '../../components/document/DocumentTotals';
import { blankHeader, type HeaderValues } from '../../components/document/documentDraft';
import { documentEditor, initialEditorState } from '../../components/document/documentEditor';
import { documentTypeUi, type DocumentType } from '../../components/document/documentTypes';
import { withSuggestedPrice } from '../../components/document/priceSuggestion';
import type { ToolbarContext } from '../../components/document/toolbarActions';
import { useGridKeyboard } from '../../components/document/useGridKeyboard';
import { useLineReadings } from '../../components/document/useLineReadings';
import { goodsIdsOf, useAvailableStock, useLastPrices } from '../../components/document/useLineLookups';
import { useOpenRequests } from '../../components/document/useOpenRequests';
import { useAvailableHeight } from '../../components/list/useAvailableHeight';
import { useSession } from '../../session/SessionContext';
import { usePermission } from '../../session/usePermission';
import { useWarehouses } from '../master-data/options/useRecordOptions';
import { useDocumentCommands } from './useDocumentCommands';
import { mayPrintDocument } from '../../../shared/documents/document-printing';

/**
 * The one document page (DOMAIN.md §5), configured by type: header, keyboard-first lines (or the
 * amount of a receipt / payment of money), live totals, and the buttons the document's state allows.
 * Opened from a list as `?id=` or `?new=1` on the type's address, or from an order as `?fromOrder=`
 * (下推); it keeps its document while other tabs are in front. Its state is the editor's
 * (documentEditor.ts), changed by named events.
 */
export function DocumentPage({ type }: { type: DocumentType }) {
  const { t } = useTranslation();
  const ui = documentTypeUi[type];
  const { permissions } = useSession().current;
  const may = {
    edit: usePermission('documents.edit'),
    approve: usePermission('documents.approve'),
    settle: usePermission('money.settle'),
    print: mayPrintDocument((permission) => permissions.includes(permission), type),
  };
  const mayReadStock = usePermission('stock.view');
  // The opening stock sheet imports from this page too (OpeningStockImport), as from the warehouse list.
  const mayImport = usePermission('masterData.import');
  const independent = useSession().current.branch.accountingMode === 'independent';

  const [form] = Form.useForm<HeaderValues>();
  const [state, dispatch] = useReducer(documentEditor, type, (start) =>
    initialEditorState(start, blankHeader()),
  );
  const { view, header, lines } = state;
  const rootRef = useRef<HTMLDivElement>(null);
  const gridArea = useRef<HTMLDivElement>(null);

  const quantityDecimals = useApiQuery('branch.profile', {}).data?.quantityDecimals ?? 2;
  useEffect(() => dispatch({ type: 'quantityDecimalsKnown', quantityDecimals }), [quantityDecimals]);
  const warehouseRows = useWarehouses().data?.rows;
  const warehouses = useMemo(
    () =>
      (warehouseRows ?? []).map((row) => ({
        value: row.id,
        label: row.name,
        code: row.code,
        disabled: !row.active,
      })),
    [warehouseRows],
  );

  // The form shows the header the editor was given each time it is replaced; edits come back as events.
  const showHeader = useEffectEvent(() => {
    form.resetFields();
    form.setFieldsValue(state.header);
  });
  useEffect(() => showHeader(), [state.headerRevision]);

  const editable = may.edit && (view === null || view.actions.includes('edit'));
  const goodsIds = goodsIdsOf(lines);
  const lastPrices = useLastPrices(type, header.counterpartyId, goodsIds, editable);
  const showAvailable = editable && ui.salesLimits && mayReadStock;
  // A delivery made from an order takes that order's reservation: it is not held against itself.
  const available = useAvailableStock(
    goodsIds,
    showAvailable,
    type === 'sales_delivery' ? state.sourceDocumentId : null,
  );
  // The lines as shown and sent: untouched prices are the page's suggestion (priceSuggestion.ts).
  const shownLines = useMemo(
    () =>
      lines.map((line) =>
        withSuggestedPrice(
          line,
          line.goodsId === null ? undefined : state.goodsById.get(line.goodsId),
          type,
          header.priceIncludesTax,
          lastPrices,
        ),
      ),
    [lines, state.goodsById, type, header.priceIncludesTax, lastPrices],
  );
  // Saved and unchanged, the engine's figures; while typing, the page's own, computed the same way.
  const { readings, totals } = useLineReadings(shownLines, type, quantityDecimals, header.priceIncludesTax);
  // A sale not yet approved, on a branch that keeps its receivables: the customer's credit beside it.
  const showCredit =
    ui.salesLimits && independent && (view === null || ['draft', 'submitted'].includes(view.status));
  const areaHeight = useAvailableHeight(gridArea, 70, 260);

  const commands = useDocumentCommands({ state, dispatch, form, shownLines, editable, warehouses, rootRef });
  useOpenRequests(ui.path, warehouseRows !== undefined, (request) =>
    commands.confirmDiscard(() =>
      request === 'new'
        ? commands.startNew()
        : 'id' in request
          ? void commands.load(request.id)
          : void commands.startFromOrder(request.fromOrder),
    ),
  );
  const keyboard = useGridKeyboard({
    rootRef,
    editable,
    lines,
    focus: state.focus,
    onFocusTaken: useCallback(() => dispatch({ type: 'focusTaken' }), []),
    onLineAdded: () => dispatch({ type: 'lineAdded' }),
    onLineRemoved: (key) => dispatch({ type: 'lineRemoved', key }),
  });
  const toolbarContext: ToolbarContext = { view, editable, ui, may };

  return (
    <div
      ref={rootRef}
      onKeyDownCapture={keyboard.onKeyDownCapture}
      data-testid={`document-page-${type}`}
      style={{ display: 'flex', flexDirection: 'column' }}
    >
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <DocumentTitleBar
          type={type}
          view={view}
          dirty={state.dirty}
          onOpen={(id) => commands.confirmDiscard(() => void commands.load(id))}
        />
        <Flex gap={8} align="center">
          {type === 'opening_stock' && mayImport && (
            <OpeningStockImport onImported={(id) => commands.confirmDiscard(() => void commands.load(id))} />
          )}
          <DocumentToolbar
            context={toolbarContext}
            commands={commands.toolbar}
            activity={state.activity}
            pageRef={rootRef}
          />
        </Flex>
      </Flex>

      <Form<HeaderValues>
        form={form}
        initialValues={blankHeader()}
        labelCol={{ flex: '76px' }}
        labelWrap
        colon={false}
        onValuesChange={(changes: Partial<HeaderValues>) => dispatch({ type: 'headerEdited', changes })}
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
            headerWarehouseId={header.warehouseId}
            headerToWarehouseId={header.toWarehouseId}
            goodsById={state.goodsById}
            priceIncludesTax={header.priceIncludesTax}
            lastPrices={lastPrices}
            showAvailable={showAvailable}
            available={available}
            readings={readings}
            errors={state.lineErrors}
            height={Math.max(160, areaHeight - 40)}
            onEdit={dispatch}
            onPickGoods={(key, match) => void commands.pickGoods(key, match)}
            onRemove={(key) => dispatch({ type: 'lineRemoved', key })}
            onMoveOn={keyboard.moveOn}
          />
          <DocumentTotals
            type={type}
            totals={totals}
            quantityDecimals={quantityDecimals}
            // The engine hides a purchase's prices from a role without cost.view: no sums of blanks.
            pricesHidden={view !== null && view.totalWithTax === null}
          />
        </div>
      )}

      <DocumentFooter
        view={view}
        help={editable ? t(ui.money ? 'document.keyboardHelpNoLines' : 'document.keyboardHelp') : ''}
      />

      <PrintPreviewDialog
        numbers={commands.previewing}
        type={type}
        onClose={commands.closePreview}
        onPrinted={commands.printedFromPreview}
      />
      <DocumentDialogs
        ui={ui}
        view={view}
        dialog={state.dialog}
        pendingWarnings={commands.pendingWarnings}
        onVoid={commands.voidDocument}
        onReverse={commands.reverse}
        onClose={commands.closeOrder}
        onOrigin={(id) => void commands.takeOrigin(id)}
        onCancel={() => dispatch({ type: 'dialogClosed' })}
        onWarningsAnswered={(goOn) => {
          if (goOn) commands.pendingWarnings?.proceed();
          commands.setPendingWarnings(null);
        }}
      />
    </div>
  );
}
