import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  keepWindowState,
  parseWindowState,
  placeWindow,
  readWindowState,
  windowStateFile,
} from '../../../electron/window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 }; // 1920×1080 less the taskbar
const smallLaptop = { x: 0, y: 0, width: 1366, height: 728 };
const secondScreenRight = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('the stored window state', () => {
  it('is read back as written', () => {
    expect(
      parseWindowState('{"bounds":{"x":100,"y":80,"width":1400,"height":900},"maximized":true}'),
    ).toEqual({
      bounds: { x: 100, y: 80, width: 1400, height: 900 },
      maximized: true,
    });
  });

  it.each([
    ['corrupt JSON', '{"bounds":{"x":100,'],
    ['an empty file', ''],
    ['missing bounds', '{"maximized":false}'],
    ['a text width', '{"bounds":{"x":0,"y":0,"width":"wide","height":800},"maximized":false}'],
    ['a window too small to use', '{"bounds":{"x":0,"y":0,"width":3,"height":800},"maximized":false}'],
    ['infinite coordinates', '{"bounds":{"x":1e400,"y":0,"width":1280,"height":800},"maximized":false}'],
  ])('is ignored when it has %s', (_what, text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('is ignored when the file cannot be read, and the window opens at the default place', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-ledger-window-'));
    try {
      const file = windowStateFile(folder);
      expect(readWindowState(file)).toBeNull();
      fs.writeFileSync(file, 'garbage');
      expect(placeWindow(readWindowState(file), [laptop], laptop)).toEqual({
        bounds: { x: 320, y: 120, width: 1280, height: 800 },
        maximized: false,
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('where the window opens', () => {
  it('is where it was, maximized or not, when that is still on a screen', () => {
    const stored = { bounds: { x: 2100, y: 50, width: 1600, height: 1000 }, maximized: true };
    expect(placeWindow(stored, [laptop, secondScreenRight], laptop)).toEqual(stored);
  });

  it('is the default size centred on the main screen when the screen it was on is gone', () => {
    const onUnpluggedScreen = { bounds: { x: 2100, y: 50, width: 1600, height: 1000 }, maximized: true };
    expect(placeWindow(onUnpluggedScreen, [laptop], laptop)).toEqual({
      bounds: { x: 320, y: 120, width: 1280, height: 800 },
      maximized: false,
    });
  });

  it('is the default when only a sliver of the title bar would be reachable', () => {
    const almostOff = { bounds: { x: 1880, y: 200, width: 1280, height: 800 }, maximized: false };
    expect(placeWindow(almostOff, [laptop], laptop).bounds).toEqual({
      x: 320,
      y: 120,
      width: 1280,
      height: 800,
    });
    const titleBarAbove = { bounds: { x: 200, y: -700, width: 1280, height: 800 }, maximized: false };
    expect(placeWindow(titleBarAbove, [laptop], laptop).bounds).toEqual({
      x: 320,
      y: 120,
      width: 1280,
      height: 800,
    });
  });

  it('shrinks a remembered size that no longer fits a smaller screen, keeping its place', () => {
    const big = { bounds: { x: 10, y: 10, width: 1800, height: 1000 }, maximized: false };
    expect(placeWindow(big, [smallLaptop], smallLaptop).bounds).toEqual({
      x: 10,
      y: 10,
      width: 1366,
      height: 728,
    });
  });

  it('fits the default to a screen smaller than 1280×800', () => {
    expect(placeWindow(null, [smallLaptop], smallLaptop).bounds).toEqual({
      x: 43,
      y: 0,
      width: 1280,
      height: 728,
    });
  });
});

describe('keeping the window state', () => {
  const folders: string[] = [];
  afterEach(() => {
    vi.useRealTimers();
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });

  /** A window as keepWindowState sees it: events to fire, bounds and maximized state to report. */
  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    const window = {
      normalBounds: { x: 100, y: 100, width: 1280, height: 800 } as Rectangle,
      maximized: false,
      on: (event: string, listener: () => void) => listeners.set(event, listener),
      getNormalBounds: () => window.normalBounds,
      isMaximized: () => window.maximized,
      isDestroyed: () => false,
    };
    const fire = (event: string) => listeners.get(event)?.();
    return { window, fire };
  }

  function stateFile(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'branch-ledger-window-'));
    folders.push(folder);
    return windowStateFile(folder);
  }

  it('saves a moment after the window settles, then restores it there next time', () => {
    vi.useFakeTimers();
    const file = stateFile();
    const { window, fire } = fakeWindow();
    keepWindowState(window as unknown as BrowserWindow, file, () => {});

    window.normalBounds = { x: 300, y: 150, width: 1500, height: 900 };
    fire('move');
    fire('resize');
    expect(readWindowState(file)).toBeNull();
    vi.advanceTimersByTime(500);
    const saved = readWindowState(file);
    expect(saved).toEqual({ bounds: { x: 300, y: 150, width: 1500, height: 900 }, maximized: false });
    expect(placeWindow(saved, [laptop], laptop)).toEqual(saved);
  });

  it('saves at once when the window closes, maximized with the size to return to', () => {
    const file = stateFile();
    const { window, fire } = fakeWindow();
    keepWindowState(window as unknown as BrowserWindow, file, () => {});
    window.maximized = true;
    fire('close');
    expect(readWindowState(file)).toEqual({
      bounds: { x: 100, y: 100, width: 1280, height: 800 },
      maximized: true,
    });
  });

  it('logs, and does not throw, when the state cannot be written', () => {
    const log = vi.fn();
    const { window, fire } = fakeWindow();
    keepWindowState(
      window as unknown as BrowserWindow,
      path.join(stateFile(), 'no-such-folder', 'x.json'),
      log,
    );
    expect(() => fire('close')).not.toThrow();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('无法保存窗口位置'));
  });
});
