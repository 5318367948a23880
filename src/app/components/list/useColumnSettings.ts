import { useCallback, useMemo, useState } from 'react';

export interface ColumnChoice {
  key: string;
  visible: boolean;
}

interface StoredChoice {
  order: string[];
  hidden: string[];
}

const storageKey = (entity: string) => `branch-ledger.columns.${entity}`;

function readStored(entity: string): StoredChoice | null {
  try {
    const parsed = JSON.parse(
      window.localStorage.getItem(storageKey(entity)) ?? 'null',
    ) as StoredChoice | null;
    return parsed && Array.isArray(parsed.order) && Array.isArray(parsed.hidden) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Which columns a list shows and in what order, remembered per entity on this computer. A column
 * added to the app later appears where the app puts it; one that went away is forgotten.
 */
export function useColumnSettings(
  entity: string,
  columns: readonly { key: string; hiddenByDefault?: boolean }[],
) {
  const [stored, setStored] = useState(() => readStored(entity));

  const choices = useMemo<ColumnChoice[]>(() => {
    const known = new Map(columns.map((column) => [column.key, column]));
    if (!stored) return columns.map((column) => ({ key: column.key, visible: !column.hiddenByDefault }));
    const ordered = stored.order.filter((key) => known.has(key));
    for (const [index, column] of columns.entries()) {
      if (ordered.includes(column.key)) continue;
      const before = columns[index - 1]?.key;
      const at = before === undefined ? 0 : ordered.indexOf(before) + 1;
      ordered.splice(at, 0, column.key);
    }
    return ordered.map((key) => ({
      key,
      visible: stored.order.includes(key) ? !stored.hidden.includes(key) : !known.get(key)?.hiddenByDefault,
    }));
  }, [columns, stored]);

  const save = useCallback(
    (next: ColumnChoice[] | null) => {
      if (next === null) {
        window.localStorage.removeItem(storageKey(entity));
        setStored(null);
        return;
      }
      const value: StoredChoice = {
        order: next.map((choice) => choice.key),
        hidden: next.filter((choice) => !choice.visible).map((choice) => choice.key),
      };
      window.localStorage.setItem(storageKey(entity), JSON.stringify(value));
      setStored(value);
    },
    [entity],
  );

  return { choices, save };
}
