// A page in its own chunk (src-renderer/lazyPage.ts): before its chunk is here it suspends (the fallback
// shows); once preloaded it renders at once, the boundary complete in the same pass, with no Suspense round (React holds a page that replaced a
// fallback for 300 ms); a chunk that failed to load is asked again.
import { createElement, Suspense } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { lazyPage } from '../../../src-renderer/lazyPage';

const Greeting = ({ name }: { name: string }) => createElement('p', null, `你好，${name}`);
const inSuspense = (element: ReturnType<typeof createElement>) => renderToString(createElement(Suspense, { fallback: createElement('i', null, '加载中') }, element));

describe('lazyPage', () => {
  it('suspends before its chunk is loaded, and renders at once after preload', async () => {
    let loads = 0;
    const Page = lazyPage(async () => {
      loads += 1;
      return Greeting;
    });
    const before = inSuspense(createElement(Page, { name: '陈科长' }));
    expect([before.includes('加载中'), before.includes('你好')]).toEqual([true, false]);
    await Page.preload();
    expect(inSuspense(createElement(Page, { name: '陈科长' }))).toBe('<!--$--><p>你好，陈科长</p><!--/$-->');
    await Page.preload();
    expect(loads).toBe(1);
  });

  it('preloaded before its first render (while the database opens), it never shows the fallback', async () => {
    const Page = lazyPage(async () => Greeting);
    await Page.preload();
    expect(inSuspense(createElement(Page, { name: '李检查' }))).toBe('<!--$--><p>你好，李检查</p><!--/$-->');
  });

  it('asks again for a chunk that failed to load', async () => {
    let loads = 0;
    const Page = lazyPage(async () => {
      loads += 1;
      if (loads === 1) throw new Error('offline');
      return Greeting;
    });
    await expect(Page.preload()).rejects.toThrow('offline');
    await Page.preload();
    expect(loads).toBe(2);
    expect(inSuspense(createElement(Page, { name: '王检查' }))).toBe('<!--$--><p>你好，王检查</p><!--/$-->');
  });
});
