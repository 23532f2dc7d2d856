import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { officeConfig, officeHubInfo, startOfficeHub, stopOfficeHub } from '../../../src-main/electron/officeHub';

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

  it('starts the hub over the embedded store in the user-data folder and answers health; null when off', async () => {
    const dir = tempDir();
    expect(await startOfficeHub({ enabled: false, port: 8787 }, dir, join(dir, 'web'))).toBeNull();
    const info = await startOfficeHub({ enabled: true, port: 0 }, dir, join(dir, 'web'));
    expect(info?.local).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const lan of info?.lan ?? []) expect(lan).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:\d+$/);
    const health = await fetch(`${info?.local}/api/v1/health`).then((r) => r.json());
    expect(health).toEqual({ ok: true, version: '0.1.0', store: 'pglite' });
    expect(officeHubInfo()).toEqual(info);
    await stopOfficeHub();
    expect(officeHubInfo()).toBeNull();
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
