// A hub for the on-site browser tests: the office (陈科长), two inspectors of 鼓楼区 (王检查 GL-001, 李检查
// GL-002), the targets (by default one, with its coordinates), the sample tariff table and a draw that
// opens a case for each.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';
import sampleJson from '../../resources/tariffs/sample-fujian.json';
import { cli, startHub } from './hubProcess';

export interface FieldHub {
  url: string;
  dir: string;
  officeToken: string;
  /** Pushes one mutation as the office's script device (numbered after the setup's own), with the test's own request context. */
  officePush: (request: APIRequestContext, name: string, args: unknown) => Promise<void>;
  stop: () => void;
}

/** A target as the test names it: its code, name, address and position; the rest is filled in. */
export type FieldTarget = { uscc: string; name: string; address: string; lng: number | null; lat: number | null };

export const FIELD_TARGET = { uscc: '91320106MA1MXXXX0A', name: '金鹰购物中心', address: '中山路 89 号', lng: 118.7784, lat: 32.0452 };

export async function startFieldHub(request: APIRequestContext, port: number, name: string, targets: readonly FieldTarget[] = [FIELD_TARGET]): Promise<FieldHub> {
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), `tariffcheck-e2e-${name}-`));
  const data = ['--data', dir];
  cli(['user', 'add', ...data, '--username', 'office', '--name', '陈科长', '--role', 'office', '--district', '鼓楼区', '--password-stdin'], 'office password\n');
  for (const [username, person, cert] of [['wang', '王检查', 'GL-001'], ['li', '李检查', 'GL-002']] as const) {
    cli(['user', 'add', ...data, '--username', username, '--name', person, '--role', 'inspector', '--district', '鼓楼区', '--cert-no', cert, '--password-stdin'], `${username} password\n`);
  }
  const officeCode = cli(['pair', ...data, '--username', 'office']);
  const hub: ChildProcess = await startHub(request, dir, port);
  const enroll = await request.post(`${url}/api/v1/devices/enroll`, { data: { code: officeCode, deviceName: 'office-script' } });
  const officeToken = ((await enroll.json()) as { token: string }).token;
  const auth = { authorization: `Bearer ${officeToken}` };
  const person = (certNo: string, personName: string) => ({ certNo, name: personName, unit: '鼓楼局', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: true });
  const rows = targets.map((t) => ({ ...t, kind: 'mall', district: '鼓楼区', subdistrict: '湖南路街道', tenantCount: 120, contact: '', phone: '', credit: null, lastInspectors: [], active: true }));
  const push = await request.post(`${url}/api/v1/push`, {
    headers: auth,
    data: {
      clientTime: new Date().toISOString(),
      mutations: [
        { id: 1, name: 'putInspectors', args: { rows: [person('GL-001', '王检查'), person('GL-002', '李检查')] }, hlc: 'x' },
        { id: 2, name: 'putEntities', args: { rows }, hlc: 'x' },
        { id: 3, name: 'putTariffTable', args: { table: { ...sampleJson, id: 'current' }, source: '福建示例.json' }, hlc: 'x' },
      ],
    },
  });
  expect((await push.json()) as unknown).toMatchObject({ results: [{ outcome: 'applied' }, { outcome: 'applied' }, { outcome: 'applied' }] });
  const plan = { name: '2026 年第一季度转供电检查', ratio: 1, groupBy: ['district'], riskRatios: {}, teamSize: 2, maxPerInspector: null, recusal: { sameSubdistrict: false, lastInspector: false } };
  expect((await request.post(`${url}/api/v1/draws`, { headers: auth, data: { seed: '鼓楼 2026-03-01', plan } })).status()).toBe(201);
  let next = 4;
  const officePush = async (within: APIRequestContext, mutation: string, args: unknown) => {
    const reply = await within.post(`${url}/api/v1/push`, { headers: auth, data: { clientTime: new Date().toISOString(), mutations: [{ id: next++, name: mutation, args, hlc: 'x' }] } });
    expect((await reply.json()) as unknown).toMatchObject({ results: [{ outcome: 'applied' }] });
  };
  return {
    url, dir, officeToken, officePush,
    stop: () => {
      hub.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
