import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from '../../../electron/menu';

// menu.ts also builds the real menu and dialogs; the template itself needs none of Electron.
vi.mock('electron', () => ({ app: {}, BrowserWindow: {}, dialog: {}, Menu: {} }));

function submenuOf(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const submenu = template.find((item) => item.label === label)?.submenu;
  if (!Array.isArray(submenu)) throw new Error(`no menu ${label}`);
  return submenu;
}

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((item) => item.type !== 'separator').map((item) => item.label ?? '');
}

const actions = { isPackaged: true, showAbout: vi.fn(), checkForUpdates: vi.fn() };

describe('the application menu', () => {
  it('is in Chinese, in the order a Windows user expects', () => {
    const template = applicationMenuTemplate(actions);
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(labels(submenuOf(template, '文件'))).toEqual(['退出']);
    expect(labels(submenuOf(template, '编辑'))).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(labels(submenuOf(template, '视图'))).toEqual(['重新载入', '实际大小', '放大', '缩小', '全屏']);
    expect(labels(submenuOf(template, '窗口'))).toEqual(['最小化', '关闭']);
    expect(labels(submenuOf(template, '帮助'))).toEqual(['关于分支账簿', '检查更新']);
  });

  it('uses Electron’s roles for editing, so the usual shortcuts work', () => {
    const roles = submenuOf(applicationMenuTemplate(actions), '编辑').map((item) => item.role);
    expect(roles.filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers developer tools only when running from source', () => {
    const installed = submenuOf(applicationMenuTemplate(actions), '视图');
    const fromSource = submenuOf(applicationMenuTemplate({ ...actions, isPackaged: false }), '视图');
    expect(installed.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(fromSource.find((item) => item.role === 'toggleDevTools')?.label).toBe('开发者工具');
  });

  it('runs the about box and the update check from 帮助', () => {
    const showAbout = vi.fn();
    const checkForUpdates = vi.fn();
    const help = submenuOf(applicationMenuTemplate({ isPackaged: true, showAbout, checkForUpdates }), '帮助');
    const click = (label: string) => {
      const item = help.find((entry) => entry.label === label);
      (item?.click as (() => void) | undefined)?.();
    };
    click('检查更新');
    expect(checkForUpdates).toHaveBeenCalledTimes(1);
    expect(showAbout).not.toHaveBeenCalled();
    click('关于分支账簿');
    expect(showAbout).toHaveBeenCalledTimes(1);
  });
});
