/**
 * Enter-to-next-cell on the document page, as clerks know it from 管家婆 and 金蝶: every field the
 * clerk types into is wrapped in an element carrying `data-cell`, and the page moves through them
 * in the order they are on screen — the header first, then the grid row by row.
 */

const focusable =
  'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), button:not([disabled])';

export function cellId(lineKey: string, field: string): string {
  return `${lineKey}:${field}`;
}

/** The lines' key in a cell id ("line-3:quantity" → "line-3"). */
export function lineKeyOf(cell: HTMLElement): string | null {
  const id = cell.dataset.cell ?? '';
  return id.startsWith('line-') ? id.slice(0, id.indexOf(':')) : null;
}

function focusTarget(cell: HTMLElement): HTMLElement | null {
  return cell.matches(focusable) ? cell : cell.querySelector<HTMLElement>(focusable);
}

function focusInto(cell: HTMLElement): boolean {
  const target = focusTarget(cell);
  if (!target) return false;
  target.focus();
  // Typing replaces what is there, as in a spreadsheet.
  if (target instanceof HTMLInputElement && target.type === 'text') target.select();
  return true;
}

export function focusCell(root: HTMLElement | null, id: string): boolean {
  const cell = root?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(id)}"]`);
  return cell ? focusInto(cell) : false;
}

/** The cell after (or before) `from` that can take the focus, or null at the end. */
export function neighbourCell(root: HTMLElement, from: HTMLElement, step: 1 | -1): HTMLElement | null {
  const cells = [...root.querySelectorAll<HTMLElement>('[data-cell]')].filter(
    (cell) => focusTarget(cell) !== null,
  );
  const index = cells.indexOf(from);
  return index < 0 ? null : (cells[index + step] ?? null);
}

export function focusNeighbour(root: HTMLElement, from: HTMLElement, step: 1 | -1): boolean {
  const next = neighbourCell(root, from, step);
  return next ? focusInto(next) : false;
}

/**
 * Whether Enter belongs to the control itself: an open dropdown picks its option, an input method
 * confirms the characters being composed (拼音 → 汉字), a cell marked `data-enter="own"` decides itself.
 */
export function enterBelongsToControl(cell: HTMLElement, event: KeyboardEvent): boolean {
  return (
    event.isComposing ||
    cell.dataset.enter === 'own' ||
    cell.dataset.open === 'true' ||
    cell.querySelector('[aria-expanded="true"]') !== null ||
    (event.target as HTMLElement).tagName === 'TEXTAREA'
  );
}
