// The Chinese application menu. The template is a pure function so its labels and roles can be
// tested without Electron; roles give each item its native behaviour and shortcut.
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { WINDOW_TITLE } from './window';

export interface MenuOptions {
  /** Reload and devtools are for developers: in an installed app a reload mid-form loses typing. */
  isDev: boolean;
  onAbout: () => void;
}

export function buildMenuTemplate({ isDev, onAbout }: MenuOptions): MenuItemConstructorOptions[] {
  const devItems: MenuItemConstructorOptions[] = isDev
    ? [
        { label: '重新加载', role: 'reload' },
        { label: '开发者工具', role: 'toggleDevTools' },
        { type: 'separator' },
      ]
    : [];
  return [
    { label: '文件(&F)', submenu: [{ label: '退出', role: 'quit' }] },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        ...devItems,
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助(&H)', submenu: [{ label: `关于${WINDOW_TITLE}`, click: onAbout }] },
  ];
}

export function showAboutDialog(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: `关于${WINDOW_TITLE}`,
    message: `${WINDOW_TITLE} ${app.getVersion()}`,
    detail: '转供电价格检查的离线桌面工具：双随机抽查、现场检查、退费。',
    buttons: ['确定'],
  });
}

export function installApplicationMenu(isDev: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isDev, onAbout: showAboutDialog })));
}
