import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { officeConfig, officeHubInfo, startOfficeHub, stopOfficeHub, type HubChild } from '../../../src-main/electron/officeHub';
import { serveHubProcess, type FromHub, type ToHub } from '../../../src-main/hub/hubProcess';

vi.mock('electron', () => import('./electron-mock'));

/**
 * A hub process in this thread: the parent's side (what utilityProcess.fork returns) and the child's
 * (process.parentPort) joined back to back, with the real serveHubProcess answering.
 */
function inProcessChild(): HubChild & { sent: ToHub[]; killed: boolean } {
  const parent = new EventEmitter();
  const childSide = new EventEmitter();
  serveHubProcess({
    on: (event, listener) => void childSide.on(event, listener),
    postMessage: (message: FromHub) => void setImmediate(() => parent.emit('message', message)),
  });
  const child = {
    sent: [] as ToHub[],
    killed: false,
    postMessage(message: ToHub) {
      child.sent.push(message);
      setImmediate(() => childSide.emit('message', { data: message }));
    },
    on: (event: 'message', listener: (m: FromHub) => void) => parent.on(event, listener),
    once: (event: 'exit', listener: (code: number) => void) => parent.once(event, listener),
    kill() {
      child.killed = true;
      return true;
    },
  };
  return child;
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tariffcheck-office-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await stopOfficeHub();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('office mode', () => {
  it('is off by default, on with --office or with office.json; a broken office.json leaves it off', () => {
    const dir = tempDir();
    expect(officeConfig([], dir)).toEqual({ enabled: false, port: 8787 });
    expect(officeConfig(['electron', '.', '--office'], dir)).toEqual({ enabled: true, port: 8787 });
    writeFileSync(join(dir, 'office.json'), JSON.stringify({ enabled: true, port: 9000 }));
    expect(officeConfig([], dir)).toEqual({ enabled: true, port: 9000 });
    writeFileSync(join(dir, 'office.json'), JSON.stringify({ enabled: 'yes' }));
    expect(officeConfig([], dir)).toEqual({ enabled: false, port: 8787 });
  });

  it('starts the hub in its own process over the embedded store in the user-data folder, with typed options; null when off', async () => {
    const dir = tempDir();
    const child = inProcessChild();
    expect(await startOfficeHub({ enabled: false, port: 8787 }, dir, join(dir, 'web'), () => child)).toBeNull();
    expect(child.sent).toEqual([]);
    const info = await startOfficeHub({ enabled: true, port: 0 }, dir, join(dir, 'web'), () => child);
    expect(child.sent).toEqual([{ type: 'start', options: { store: { data: join(dir, 'hub') }, port: 0, host: '0.0.0.0', webRoot: join(dir, 'web') } }]);
    expect(info?.local).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const lan of info?.lan ?? []) expect(lan).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:\d+$/);
    const health = await fetch(`${info?.local}/api/v1/health`).then((r) => r.json());
    expect(health).toEqual({ ok: true, version: '0.1.0', store: 'pglite' });
    expect(officeHubInfo()).toEqual(info);
    await stopOfficeHub();
    expect(child.sent.at(-1)).toEqual({ type: 'stop' });
    expect(child.killed).toBe(true);
    expect(officeHubInfo()).toBeNull();
    await expect(fetch(`${info?.local}/api/v1/health`)).rejects.toThrow();
  });

  it('a hub that cannot start is reported with its reason and its process ended; by default the built hubProcess.js is forked', async () => {
    const dir = tempDir();
    const first = inProcessChild();
    const info = await startOfficeHub({ enabled: true, port: 0 }, dir, join(dir, 'web'), () => first);
    const port = Number(new URL(info!.local).port);
    const { utilityProcess } = await import('./electron-mock');
    // The same running hub is returned while it runs; nothing is forked again.
    expect(await startOfficeHub({ enabled: true, port }, dir, join(dir, 'web'))).toEqual(info);
    expect(utilityProcess.fork).not.toHaveBeenCalled();
    await stopOfficeHub();
    // A port another program holds.
    const server = (await import('node:net')).createServer().listen(0, '0.0.0.0');
    await new Promise((r) => server.once('listening', r));
    const taken = (server.address() as { port: number }).port;
    const second = inProcessChild();
    await expect(startOfficeHub({ enabled: true, port: taken }, tempDir(), join(dir, 'web'), () => second)).rejects.toThrow(/无法在该端口监听：.*EADDRINUSE/);
    expect(second.killed).toBe(true);
    expect(officeHubInfo()).toBeNull();
    server.close();
    await expect(startOfficeHub({ enabled: true, port: 0 }, tempDir(), join(dir, 'web'))).rejects.toThrow('utilityProcess.fork is not available in tests');
    expect(utilityProcess.fork).toHaveBeenCalledWith(expect.stringMatching(/hubProcess\.js$/), [], { serviceName: 'TariffCheck hub' });
  });

  it('the hub process ignores a message that is not one of its own', async () => {
    const child = inProcessChild();
    child.postMessage({ type: 'format-disk' } as unknown as ToHub);
    const answers: FromHub[] = [];
    child.on('message', (m) => answers.push(m));
    await new Promise((r) => setTimeout(r, 50));
    expect(answers).toEqual([]);
  });
});

describe('the hub command finds the web build', () => {
  it('beside out/main, whether its code sits in out/main or in out/main/chunks', async () => {
    const { defaultWebRoot } = await import('../../../src-main/cli/commands/hub');
    const root = tempDir();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(root, 'out/main/chunks'), { recursive: true });
    mkdirSync(join(root, 'out/renderer'), { recursive: true });
    writeFileSync(join(root, 'out/renderer/index.html'), '<!doctype html>');
    expect(defaultWebRoot(join(root, 'out/main'))).toBe(join(root, 'out/renderer'));
    expect(defaultWebRoot(join(root, 'out/main/chunks'))).toBe(join(root, 'out/renderer'));
  });
});
