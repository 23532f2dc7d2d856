import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../src-main/electron/menu';

vi.mock('electron', () => import('./electron-mock'));

function outline(template: MenuItemConstructorOptions[]) {
  return template.map((menu) => ({
    label: menu.label,
    items: (menu.submenu as MenuItemConstructorOptions[]).map((item) => (item.type === 'separator' ? '—' : `${item.label}:${item.role ?? 'click'}`)),
  }));
}

describe('application menu', () => {
  it('is in Chinese, with native roles for every standard command', () => {
    expect(outline(buildMenuTemplate({ isDev: false, onAbout: () => undefined }))).toEqual([
      { label: '文件(&F)', items: ['退出:quit'] },
      { label: '编辑(&E)', items: ['撤销:undo', '重做:redo', '—', '剪切:cut', '复制:copy', '粘贴:paste', '全选:selectAll'] },
      { label: '视图(&V)', items: ['实际大小:resetZoom', '放大:zoomIn', '缩小:zoomOut', '—', '全屏:togglefullscreen'] },
      { label: '帮助(&H)', items: ['关于电费检查通:click'] },
    ]);
  });

  it('offers reload and devtools only in development', () => {
    const view = outline(buildMenuTemplate({ isDev: true, onAbout: () => undefined }))[2];
    expect(view?.items.slice(0, 3)).toEqual(['重新加载:reload', '开发者工具:toggleDevTools', '—']);
  });

  it('opens the about box from 帮助 → 关于电费检查通', () => {
    const onAbout = vi.fn();
    const help = buildMenuTemplate({ isDev: false, onAbout })[3]?.submenu as MenuItemConstructorOptions[];
    help[0]?.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('has no label without a Chinese character', () => {
    const labels = buildMenuTemplate({ isDev: true, onAbout: () => undefined }).flatMap((menu) => [
      menu.label,
      ...(menu.submenu as MenuItemConstructorOptions[]).filter((item) => item.type !== 'separator').map((item) => item.label),
    ]);
    for (const label of labels) expect(label, label).toMatch(/\p{Script=Han}/u);
  });
});
