import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  isPackaged: boolean;
  showAbout(): void;
  checkForUpdates(): void;
}

/**
 * The application menu in Chinese. Built-in roles do the work (they also bring the usual shortcuts
 * such as Ctrl+C); only the labels are ours. Developer tools appear only when running from source.
 */
export function applicationMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const viewItems: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新载入' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!actions.isPackaged)
    viewItems.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });

  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: viewItems },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '关于分支账簿', click: () => actions.showAbout() },
        { label: '检查更新', click: () => actions.checkForUpdates() },
      ],
    },
  ];
}

export function showAboutDialog(): void {
  const options = {
    type: 'info' as const,
    title: '关于分支账簿',
    message: '分支账簿',
    detail: `版本 ${app.getVersion()}\nElectron ${process.versions.electron}`,
  };
  const window = BrowserWindow.getFocusedWindow();
  (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options)).catch(
    (error: unknown) => {
      console.error(`无法显示“关于”对话框：${String(error)}`);
    },
  );
}

export function installApplicationMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(actions)));
}
