import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

/** Where and how large the window was, so the next start looks like the last one. */
export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const defaultWindowSize = { width: 1280, height: 800 } as const;

/** Enough of the title bar to grab with the mouse: a window restored with less is as good as lost. */
const reachableTitleBar = { width: 100, height: 16, stripHeight: 32 } as const;

const saveDelayMs = 500;

export function windowStateFile(userDataFolder: string): string {
  return path.join(userDataFolder, 'window-state.json');
}

function isCoordinate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 100_000;
}

function isLength(value: unknown): value is number {
  return isCoordinate(value) && value >= 100;
}

/** The stored state, or null when the file is corrupt, from another version, or nonsense. */
export function parseWindowState(text: string): WindowState | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { bounds, maximized } = parsed as Record<string, unknown>;
  if (typeof bounds !== 'object' || bounds === null || typeof maximized !== 'boolean') return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isCoordinate(x) || !isCoordinate(y) || !isLength(width) || !isLength(height)) return null;
  return {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    maximized,
  };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The display work area holding enough of the window's title bar to drag it, if any. */
export function workAreaShowingTitleBar(
  bounds: Rectangle,
  workAreas: readonly Rectangle[],
): Rectangle | null {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: reachableTitleBar.stripHeight };
  const needed = Math.min(reachableTitleBar.width, bounds.width);
  return (
    workAreas.find((area) => {
      const shared = overlap(titleBar, area);
      return shared.width >= needed && shared.height >= reachableTitleBar.height;
    }) ?? null
  );
}

function centeredDefault(primaryWorkArea: Rectangle): Rectangle {
  const width = Math.min(defaultWindowSize.width, primaryWorkArea.width);
  const height = Math.min(defaultWindowSize.height, primaryWorkArea.height);
  return {
    x: primaryWorkArea.x + Math.round((primaryWorkArea.width - width) / 2),
    y: primaryWorkArea.y + Math.round((primaryWorkArea.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window: where it was, if that place is still on a connected display (a laptop
 * taken away from its second screen must not open the app off-screen); otherwise a default size
 * centred on the primary display.
 */
export function placeWindow(
  stored: WindowState | null,
  workAreas: readonly Rectangle[],
  primaryWorkArea: Rectangle,
): WindowState {
  const area = stored === null ? null : workAreaShowingTitleBar(stored.bounds, workAreas);
  if (stored === null || area === null) return { bounds: centeredDefault(primaryWorkArea), maximized: false };
  // A display whose resolution went down since: keep the place, shrink to fit.
  return {
    bounds: {
      ...stored.bounds,
      width: Math.min(stored.bounds.width, area.width),
      height: Math.min(stored.bounds.height, area.height),
    },
    maximized: stored.maximized,
  };
}

export function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(file, 'utf8'));
  } catch {
    return null; // first start, or the file is unreadable: the default place will do
  }
}

function writeWindowState(file: string, state: WindowState, log: (text: string) => void): void {
  try {
    // Written beside and renamed, so a crash mid-write leaves the previous state, not half a file.
    const temporary = `${file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(state));
    fs.renameSync(temporary, file);
  } catch (error) {
    log(`无法保存窗口位置：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Saves the window's place as it is moved or resized (a moment after it settles) and when it closes. */
export function keepWindowState(window: BrowserWindow, file: string, log: (text: string) => void): void {
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    // The normal bounds, so that un-maximizing next time returns to the size the clerk chose.
    writeWindowState(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }, log);
  };
  const saveSoon = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(save, saveDelayMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
