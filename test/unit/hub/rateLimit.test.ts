// The rate limit guards the API, not the web build: a browser's service worker fetches every chunk of
// the app at once, and several browsers on one address (an office's LAN behind NAT, a test run) share
// the address's count. Found when lazy-loaded pages started failing with 429 on a busy hub.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub } from '../../../src-main/hub/server';
import { STORES } from './stores';

describe.each(STORES)('rate limits on $name', (factory) => {
  const web = mkdtempSync(join(tmpdir(), 'tariffcheck-web-'));
  let opened: Awaited<ReturnType<typeof factory.open>>;
  beforeAll(async () => {
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>电费检查通</title>');
    writeFileSync(join(web, 'chunk.js'), 'export {};');
    opened = await factory.open();
  });
  afterAll(async () => {
    await opened.dispose();
    rmSync(web, { recursive: true, force: true });
  });

  it('limits the API per address, never the files of the web build', async () => {
    const hub = await createHub({ store: opened.store, webRoot: web, rateLimit: 3 });
    try {
      const files = await Promise.all(Array.from({ length: 20 }, () => hub.inject({ method: 'GET', url: '/chunk.js' })));
      expect(files.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
      const api: number[] = [];
      for (let i = 0; i < 5; i++) api.push((await hub.inject({ method: 'GET', url: '/api/v1/health' })).statusCode);
      expect(api).toEqual([200, 200, 200, 429, 429]);
      expect((await hub.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    } finally {
      await hub.close();
    }
  });
});
