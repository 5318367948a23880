import {
  blankLine,
  headerFromView,
  convertedPrice,
  linesFromView,
  withGoods,
  type GoodsInfo,
  type HeaderValues,
  type LineDraft,
  type LineErrors,
} from './documentDraft';
import { documentTypeUi, type DocumentType, type DocumentView } from './documentTypes';
import { cellId } from './gridNavigation';
import { readLine } from './lineFigures';
import { clearLineErrors } from './placeDocumentErrors';
import type { ToolbarAction } from './toolbarActions';

/** What the page is doing that the toolbar waits for: loading a document, or one action at a time. */
export type EditorActivity = ToolbarAction | 'load' | null;
export type EditorDialog = 'void' | 'reverse' | 'close' | 'origin' | null;

/**
 * The document being entered or looked at (DOMAIN.md §5): the engine's view of it once saved, the draft
 * header and lines as the clerk has them, and what the page is busy with.
 */
export interface EditorState {
  readonly type: DocumentType;
  readonly quantityDecimals: number;
  /** The document as the engine last gave it; null for one not saved yet. */
  readonly view: DocumentView | null;
  readonly header: HeaderValues;
  /**
   * Counts the times the header was replaced from outside the form (a document loaded or started, an
   * origin taken): the form is set to `header` each time it changes.
   */
  readonly headerRevision: number;
  readonly lines: readonly LineDraft[];
  readonly sourceDocumentId: number | null;
  /** Changed since loaded or saved: leaving asks first. */
  readonly dirty: boolean;
  readonly lineErrors: LineErrors;
  /** The goods of the lines, for their units and default prices. */
  readonly goodsById: ReadonlyMap<number, GoodsInfo>;
  readonly activity: EditorActivity;
  readonly dialog: EditorDialog;
  /** A cell to put the cursor in once the next render has drawn it (a new line, picked goods, an error). */
  readonly focus: string | null;
}

/** The line cells typed as text. */
export type TextLineField =
  | 'quantity'
  | 'unitPrice'
  | 'amount'
  | 'discountRate'
  | 'taxRate'
  | 'adjustmentAmount'
  | 'lot'
  | 'productionDate'
  | 'expiryDate'
  | 'remark';

/** What the clerk does to a line in the grid. */
export type LineEdit =
  | { type: 'cellEdited'; key: string; field: TextLineField; value: string }
  | { type: 'unitChanged'; key: string; unitName: string }
  | { type: 'warehouseChosen'; key: string; field: 'warehouseId' | 'toWarehouseId'; warehouseId: number }
  | { type: 'giftToggled'; key: string; isGift: boolean };

export type EditorEvent =
  | LineEdit
  /** The document as the engine has it now: opened, or read again after a save or an action. */
  | { type: 'loaded'; view: DocumentView }
  /** A blank document, its header as the branch starts one (today, the only warehouse). */
  | { type: 'blankStarted'; header: HeaderValues }
  /** 下推: a receipt / delivery drafted from what an order still has outstanding, not saved yet. */
  | { type: 'orderDrafted'; header: HeaderValues; lines: LineDraft[]; sourceDocumentId: number | null }
  /** 选原单: the origin's lines, each linked to its origin line, replace the blank ones. */
  | { type: 'originTaken'; origin: DocumentView; remark: string }
  | { type: 'headerEdited'; changes: Partial<HeaderValues> }
  | { type: 'goodsPicked'; key: string; goods: GoodsInfo; scannedUnit: string | null }
  | { type: 'goodsRemembered'; goods: readonly GoodsInfo[] }
  /** Enter past the last cell of a line with goods: a new line, the cursor in its goods cell. */
  | { type: 'lineAdded' }
  | { type: 'lineRemoved'; key: string }
  /** The engine refused: its reasons on the cells they are about, the cursor on the first. */
  | { type: 'refused'; lineErrors: LineErrors; focus: string | null }
  | { type: 'activityStarted'; activity: Exclude<EditorActivity, null> }
  | { type: 'activityEnded' }
  | { type: 'dialogOpened'; dialog: Exclude<EditorDialog, null> }
  | { type: 'dialogClosed' }
  | { type: 'focusTaken' }
  | { type: 'quantityDecimalsKnown'; quantityDecimals: number };

export function initialEditorState(
  type: DocumentType,
  header: HeaderValues,
  quantityDecimals = 2,
): EditorState {
  return {
    type,
    quantityDecimals,
    view: null,
    header,
    headerRevision: 0,
    lines: [blankLine()],
    sourceDocumentId: null,
    dirty: false,
    lineErrors: {},
    goodsById: new Map(),
    activity: null,
    dialog: null,
    focus: null,
  };
}

/** The header and lines replaced: a new draft, nothing the engine said of the old one still holds. */
function replaced(
  state: EditorState,
  draft: Pick<EditorState, 'view' | 'header' | 'lines' | 'sourceDocumentId' | 'dirty' | 'focus'>,
): EditorState {
  return {
    ...state,
    ...draft,
    lines: draft.lines.length ? draft.lines : [blankLine()],
    headerRevision: state.headerRevision + 1,
    lineErrors: {},
  };
}

/** The cursor starts on the first thing the clerk must still choose. */
function firstCellOfBlank(type: DocumentType, header: HeaderValues, line: LineDraft): string {
  if (documentTypeUi[type].counterparty !== 'none') return 'header:counterpartyId';
  if (header.warehouseId === null) return 'header:warehouseId';
  return cellId(line.key, 'goodsId');
}

/** What an edit changes on its line. */
function linePatch(state: EditorState, line: LineDraft, edit: LineEdit): Partial<LineDraft> {
  switch (edit.type) {
    case 'cellEdited':
      if (edit.field === 'unitPrice') {
        // A price the clerk types is theirs: no suggestion any more, and the amount is worked out from it.
        return { unitPrice: edit.value, priceTyped: true, amount: '', amountTyped: false };
      }
      if (edit.field === 'amount') return { amount: edit.value, amountTyped: true };
      if (edit.field === 'quantity' && line.amountTyped) {
        // Another quantity at the price the line showed: the amount is quantity × price again.
        const { derivedPrice } = readLine(line, state.type, state.quantityDecimals, false);
        return {
          quantity: edit.value,
          amount: '',
          amountTyped: false,
          ...(derivedPrice === undefined ? {} : { unitPrice: derivedPrice, priceTyped: true }),
        };
      }
      return { [edit.field]: edit.value };
    case 'unitChanged': {
      // A price is per unit. One the clerk typed is converted to the new unit (33.60 per 箱 → 1.40 per 袋),
      // never emptied; an untouched one becomes that unit's suggestion. The amount follows either way.
      const converted = line.priceTyped
        ? convertedPrice(state.goodsById.get(line.goodsId ?? 0), line.unitPrice, line.unitName, edit.unitName)
        : '';
      return converted
        ? { unitName: edit.unitName, unitPrice: converted, priceTyped: true, amount: '', amountTyped: false }
        : { unitName: edit.unitName, priceTyped: false, amount: '', amountTyped: false };
    }
    case 'warehouseChosen':
      return { [edit.field]: edit.warehouseId };
    case 'giftToggled':
      // A gift is at zero; taken back, the line is offered its price again.
      return { isGift: edit.isGift, priceTyped: false };
  }
}

function editLine(state: EditorState, edit: LineEdit): EditorState {
  const line = state.lines.find((candidate) => candidate.key === edit.key);
  if (!line) return state;
  const patch = linePatch(state, line, edit);
  return {
    ...state,
    lines: state.lines.map((candidate) => (candidate === line ? { ...line, ...patch } : candidate)),
    lineErrors: clearLineErrors(state.lineErrors, edit.key, patch),
    dirty: true,
  };
}

function withoutLineErrors(errors: LineErrors, key: string): LineErrors {
  const { [key]: _dropped, ...others } = errors;
  return others;
}

/** The document page's one state, changed only by these named events. Pure: tested by tables. */
export function documentEditor(state: EditorState, event: EditorEvent): EditorState {
  switch (event.type) {
    case 'cellEdited':
    case 'unitChanged':
    case 'warehouseChosen':
    case 'giftToggled':
      return editLine(state, event);

    case 'loaded':
      return replaced(state, {
        view: event.view,
        header: headerFromView(event.view),
        lines: linesFromView(event.view),
        sourceDocumentId: event.view.sourceDocumentId,
        dirty: false,
        focus: state.focus,
      });

    case 'blankStarted': {
      const line = blankLine();
      return replaced(state, {
        view: null,
        header: event.header,
        lines: [line],
        sourceDocumentId: null,
        dirty: false,
        focus: firstCellOfBlank(state.type, event.header, line),
      });
    }

    case 'orderDrafted': {
      const first = event.lines[0];
      return replaced(state, {
        view: null,
        header: event.header,
        lines: event.lines,
        sourceDocumentId: event.sourceDocumentId,
        // Not saved yet: the page says so, and leaving asks first.
        dirty: true,
        focus: first ? cellId(first.key, 'quantity') : state.focus,
      });
    }

    case 'originTaken': {
      const { origin } = event;
      const taken = linesFromView(origin).map((line, index) => ({
        ...line,
        sourceLineId: origin.lines[index]!.id,
        warehouseId: origin.lines[index]!.warehouseId,
        saved: null,
      }));
      const first = taken[0];
      return {
        ...state,
        header: {
          ...state.header,
          counterpartyId: origin.counterpartyId,
          counterpartyLabel: origin.counterpartyName,
          // The origin's prices come as they were entered, so the return reads them the same way.
          priceIncludesTax: origin.lines.some((line) => line.priceIncludesTax),
          remark: state.header.remark || event.remark,
        },
        headerRevision: state.headerRevision + 1,
        sourceDocumentId: origin.id,
        lines: [...state.lines.filter((line) => line.goodsId !== null), ...taken],
        dirty: true,
        focus: first ? cellId(first.key, 'quantity') : state.focus,
      };
    }

    case 'headerEdited':
      return { ...state, header: { ...state.header, ...event.changes }, dirty: true };

    case 'goodsPicked':
      return {
        ...state,
        goodsById: new Map(state.goodsById).set(event.goods.id, event.goods),
        lines: state.lines.map((line) =>
          line.key === event.key ? withGoods(line, event.goods, state.type, event.scannedUnit) : line,
        ),
        // Other goods, another line: what the engine said of the old one no longer applies.
        lineErrors: withoutLineErrors(state.lineErrors, event.key),
        dirty: true,
        focus: cellId(event.key, documentTypeUi[state.type].valueOnly ? 'adjustmentAmount' : 'quantity'),
      };

    case 'goodsRemembered':
      return {
        ...state,
        goodsById: new Map([...state.goodsById, ...event.goods.map((goods) => [goods.id, goods] as const)]),
      };

    case 'lineAdded': {
      const line = blankLine();
      return { ...state, lines: [...state.lines, line], focus: cellId(line.key, 'goodsId') };
    }

    case 'lineRemoved': {
      const index = state.lines.findIndex((line) => line.key === event.key);
      if (index < 0) return state;
      const remaining = state.lines.filter((line) => line.key !== event.key);
      const lines = remaining.length ? remaining : [blankLine()];
      const neighbour = lines[Math.min(index, lines.length - 1)]!;
      return {
        ...state,
        lines,
        lineErrors: withoutLineErrors(state.lineErrors, event.key),
        dirty: true,
        focus: cellId(neighbour.key, 'goodsId'),
      };
    }

    case 'refused':
      return { ...state, lineErrors: event.lineErrors, focus: event.focus ?? state.focus };

    case 'activityStarted':
      return { ...state, activity: event.activity };
    case 'activityEnded':
      return { ...state, activity: null };
    case 'dialogOpened':
      return { ...state, dialog: event.dialog };
    case 'dialogClosed':
      return { ...state, dialog: null };
    case 'focusTaken':
      return { ...state, focus: null };
    case 'quantityDecimalsKnown':
      return { ...state, quantityDecimals: event.quantityDecimals };
  }
}
