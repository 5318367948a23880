import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import type { LineDraft } from './documentDraft';
import { cellId, enterBelongsToControl, focusCell, focusNeighbour, lineKeyOf } from './gridNavigation';

/**
 * The document page's keyboard, as clerks know it from 管家婆 and 金蝶 (gridNavigation.ts): Enter and
 * Shift+Enter move through the header and the lines in the order they are on screen, Enter past the
 * last cell of the last line starts a new line, Ctrl+Delete removes the line; and the cursor goes
 * where the editor asks once the next render has drawn that cell.
 */
export function useGridKeyboard({
  rootRef,
  editable,
  lines,
  focus,
  onFocusTaken,
  onLineAdded,
  onLineRemoved,
}: {
  rootRef: RefObject<HTMLElement | null>;
  editable: boolean;
  lines: readonly LineDraft[];
  /** The cell the editor wants the cursor in (documentEditor's `focus`). */
  focus: string | null;
  onFocusTaken: () => void;
  onLineAdded: () => void;
  onLineRemoved: (key: string) => void;
}) {
  useEffect(() => {
    if (!focus) return;
    onFocusTaken();
    // After this frame: a menu or dropdown that was just clicked gives the focus back to its trigger first.
    requestAnimationFrame(() => focusCell(rootRef.current, focus));
  }, [focus, onFocusTaken, rootRef]);

  /** Enter past the last cell of the last line: a new line, unless the last one has no goods yet. */
  const enterPastEnd = (cell: HTMLElement) => {
    const key = lineKeyOf(cell);
    const last = lines[lines.length - 1];
    if (!editable || !key || !last || key !== last.key) return;
    if (last.goodsId === null) focusCell(rootRef.current, cellId(last.key, 'goodsId'));
    else onLineAdded();
  };

  const onKeyDownCapture = (event: KeyboardEvent<HTMLElement>) => {
    const root = rootRef.current;
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!root || !cell || !root.contains(cell)) return;
    if (event.key === 'Delete' && (event.ctrlKey || event.metaKey)) {
      const key = lineKeyOf(cell);
      if (key && editable) {
        event.preventDefault();
        event.stopPropagation();
        onLineRemoved(key);
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

  /** A cell that hands the cursor on by itself (the goods cell once goods are picked): to the next one. */
  const moveOn = (from: string) => {
    const root = rootRef.current;
    const cell = root?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(from)}"]`);
    if (root && cell) focusNeighbour(root, cell, 1);
  };

  return { onKeyDownCapture, moveOn };
}
