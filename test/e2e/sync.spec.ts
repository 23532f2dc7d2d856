import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test, watchBrowser } from './fixtures';
import { cli, startHub } from './hubProcess';
import { pickOption, screenshot } from './helpers';
import { enrollInBrowser as enrollAt, goOffline, goOnline, pairingCode as pairingCodeAt } from './hubSession';

// The web build served by a real hub (the built CLI over PGlite): an inspector pulls their case,
// works offline, reloads, comes back and syncs; the office sees the work.
const PORT = Number(process.env.E2E_HUB_PORT ?? 4181);
const HUB = `http://127.0.0.1:${PORT}`;
let dir = '';
let hub: ChildProcess | undefined;



const entity = (n: number) => ({
  uscc: ['91320106MA1MXXXX0A', '91320106MA1MYYYY1B'][n]!, name: ['金鹰购物中心', '德基广场'][n]!, kind: 'mall', district: '鼓楼区', subdistrict: '湖南路街道',
  address: '中山路 89 号', lng: null, lat: null, tenantCount: 120, contact: '', phone: '', credit: null, lastInspectors: [], active: true,
});
const inspector = (certNo: string, name: string) => ({ certNo, name, unit: '鼓楼局', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: true });

test.beforeAll(async ({ request }) => {
  dir = mkdtempSync(join(tmpdir(), 'tariffcheck-e2e-hub-'));
  const data = ['--data', dir];
  cli(['user', 'add', ...data, '--username', 'office', '--name', '陈科长', '--role', 'office', '--district', '鼓楼区', '--password-stdin'], 'office password\n');
  cli(['user', 'add', ...data, '--username', 'wang', '--name', '王检查', '--role', 'inspector', '--district', '鼓楼区', '--cert-no', 'GL-001', '--password-stdin'], 'wang password\n');
  cli(['user', 'add', ...data, '--username', 'li', '--name', '李检查', '--role', 'inspector', '--district', '鼓楼区', '--cert-no', 'GL-002', '--password-stdin'], 'li password\n');
  const officeCode = cli(['pair', ...data, '--username', 'office']);
  hub = await startHub(request, dir, PORT);
  // The office's script: enroll, upload both lists, draw every target (teams of two).
  const enroll = await request.post(`${HUB}/api/v1/devices/enroll`, { data: { code: officeCode, deviceName: 'office-script' } });
  const { token } = (await enroll.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const push = await request.post(`${HUB}/api/v1/push`, {
    headers: auth,
    data: {
      clientTime: new Date().toISOString(),
      mutations: [
        { id: 1, name: 'putInspectors', args: { rows: [inspector('GL-001', '王检查'), inspector('GL-002', '李检查')] }, hlc: 'x' },
        { id: 2, name: 'putEntities', args: { rows: [entity(0)] }, hlc: 'x' },
      ],
    },
  });
  expect(push.status()).toBe(200);
  const plan = { name: '2026 年第四季度转供电检查', ratio: 1, groupBy: ['district'], riskRatios: {}, teamSize: 2, maxPerInspector: null, recusal: { sameSubdistrict: false, lastInspector: false } };
  const draw = await request.post(`${HUB}/api/v1/draws`, { headers: auth, data: { seed: '鼓楼 2026-11-23', plan } });
  expect(draw.status()).toBe(201);
  test.info().annotations.push({ type: 'office-token', description: token });
  process.env.E2E_OFFICE_TOKEN = token;
});

test.afterAll(() => {
  hub?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

const pairingCode = (request: APIRequestContext, username: string) => pairingCodeAt(request, HUB, process.env.E2E_OFFICE_TOKEN ?? '', username);
const enrollInBrowser = (page: Page, code: string, deviceName: string) => enrollAt(page, HUB, code, deviceName);

test('inspector works offline, reloads, syncs when back; the office sees the work', async ({ browser, request, browserLog }) => {
  const inspectorContext = await browser.newContext();
  watchBrowser(inspectorContext, browserLog);
  const page = await inspectorContext.newPage();
  await enrollInBrowser(page, await pairingCode(request, 'wang'), '王检查的笔记本');
  const badge = page.getByTestId('sync-badge');
  await expect(badge).toContainText('已同步');
  // The password is checked once online; the laptop keeps a verifier for offline logins.
  await page.getByPlaceholder('密码').fill('wang password');
  await page.getByRole('button', { name: '核对并保存' }).click();
  await expect(page.getByText('已设置：本机可离线登录').first()).toBeVisible();
  await page.goto(`${HUB}/#/cases`);
  await expect(page.getByText('金鹰购物中心')).toBeVisible();
  await screenshot(page, '50-sync-inspector-synced');

  // Under the service worker's control, so a reload offline still opens.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect(page.getByText('金鹰购物中心')).toBeVisible();

  await goOffline(inspectorContext);
  await expect(badge).toContainText('离线');
  await page.getByText('金鹰购物中心').click();
  await page.getByRole('tab', { name: '发现问题' }).click();
  await page.getByLabel('问题类型').click();
  await pickOption(page, '分摊损耗或公摊费用');
  // The basis follows the type (the office's list); the inspector may change it.
  await expect(page.locator('.ant-select-selection-item')).toHaveText(['《价格违法行为行政处罚规定》第九条']);
  await page.getByRole('textbox', { name: '违法事实' }).fill('公摊电费按面积加收，未公示');
  await page.getByRole('button', { name: '记录违法事实' }).click();
  await page.getByRole('tab', { name: '检查记录' }).click();
  await expect(page.getByTestId('case-record')).toHaveCount(1);
  await expect(badge).toContainText('待同步 1');
  await screenshot(page, '51-sync-inspector-offline-pending');

  await page.reload();
  await expect(page.getByTestId('case-record')).toContainText('公摊电费按面积加收，未公示');
  await expect(badge).toContainText('待同步 1');
  await page.goto(`${HUB}/#/sync`);
  await expect(page.getByTestId('sync-pending')).toHaveText('1');
  // The cause in Chinese, not the browser's own words for a failed request.
  await expect(page.getByText('连不上检查中心：请检查本机网络或检查中心的地址。')).toBeVisible();
  await expect(page.getByText('Failed to fetch')).toHaveCount(0);
  await screenshot(page, '52-sync-status-offline');

  // A new window offline asks for the password and checks it on the device.
  const again = await inspectorContext.newPage();
  await again.goto(`${HUB}/#/cases`);
  await again.getByLabel('密码').fill('wrong password');
  await again.getByRole('button', { name: /登\s?录/ }).click();
  await expect(again.getByText('密码不正确')).toBeVisible();
  await screenshot(again, '55-offline-login-refused');
  await again.getByLabel('密码').fill('wang password');
  await again.getByRole('button', { name: /登\s?录/ }).click();
  await expect(again.getByText('金鹰购物中心')).toBeVisible();
  await again.close();

  await goOnline(inspectorContext);
  await expect(badge).toContainText('已同步', { timeout: 30_000 });
  await expect(page.getByTestId('sync-pending')).toHaveText('0');
  await screenshot(page, '53-sync-status-back-online');

  const officeContext = await browser.newContext();
  watchBrowser(officeContext, browserLog);
  const office = await officeContext.newPage();
  await enrollInBrowser(office, await pairingCode(request, 'office'), '科室电脑');
  await expect(office.getByTestId('sync-badge')).toContainText('已同步');
  await office.goto(`${HUB}/#/cases`);
  await office.getByText('金鹰购物中心').click();
  await expect(office.getByTestId('case-record')).toContainText('公摊电费按面积加收，未公示');
  await screenshot(office, '54-sync-office-sees-finding');

  // The office makes a pairing code in the UI, sees the devices, and checks the audit chain.
  await office.goto(`${HUB}/#/accounts`);
  await office.getByRole('row', { name: /\bli\b/ }).getByRole('button', { name: '生成配对码' }).click();
  await expect(office.getByTestId('pairing-code')).toHaveText(/^[A-HJ-NP-Z2-9]{8}$/);
  await screenshot(office, '56-accounts-pairing-code');
  await office.keyboard.press('Escape');
  await expect(office.getByText('王检查的笔记本')).toBeVisible();
  await office.goto(`${HUB}/#/audit`);
  await office.getByRole('button', { name: '校验日志链' }).click();
  await expect(office.getByText(/日志链完整，共 \d+ 条/)).toBeVisible();
  await expect(office.getByRole('cell', { name: 'mutation.addRecord' })).toBeVisible();
  // Users and devices by name, not by id.
  await expect(office.getByRole('row', { name: /mutation\.addRecord/ })).toContainText('王检查（wang） · 王检查的笔记本');
  await expect(office.getByRole('row', { name: /device\.enroll.*科室电脑/ })).toBeVisible();
  await screenshot(office, '57-audit-log');

  // A second draw, from the office's draw page on the hub's lists: its case reaches the cases list.
  await office.goto(`${HUB}/#/draw`);
  await office.getByLabel('计划名称').fill('2026 年第四季度复查');
  await office.getByText('检查中心（抽中即派发案件）').click();
  // 金鹰购物中心 is in the first draw's open case: this plan lets such targets take part.
  await office.getByText('已在未结案件中的检查对象照常参加抽取').click();
  await office.getByRole('button', { name: '生成抽查承诺' }).click();
  await office.getByLabel('随机种子 · 见证人 1').fill('鼓楼 2026-11-23 第二轮');
  await office.getByRole('button', { name: '在检查中心抽取并派发案件' }).click();
  await expect(office.getByText('已在检查中心抽取：1 个案件已派发给抽中的检查组')).toBeVisible();
  await expect(office.getByText('1 个检查对象已在此前抽查的未结案件中，按计划照常参加了本次抽取')).toBeVisible();
  await expect(office.getByRole('cell', { name: '金鹰购物中心' })).toHaveCount(2, { timeout: 30_000 });
  await screenshot(office, '58-cases-after-hub-draw');

  // Two edits of the finding from the same old version by the case's two inspectors (李's laptop, then
  // 王's second device): the second overwrites the first, both values reach the office's conflicts page,
  // and the office settles it (a reviewer settles conflicts; it never records in a case).
  const officeAuth = { authorization: `Bearer ${process.env.E2E_OFFICE_TOKEN}` };
  const changes = (await (await request.get(`${HUB}/api/v1/pull?cursor=0.0&limit=2000`, { headers: officeAuth })).json()) as { changes: { table: string; row: { id: string; caseId: string; kind: string; version: number } }[] };
  const found = changes.changes.filter((c) => c.table === 'records' && c.row.kind === 'finding').at(-1)!.row;
  const liEnroll = await request.post(`${HUB}/api/v1/devices/enroll`, { data: { code: await pairingCode(request, 'li'), deviceName: '李检查的笔记本' } });
  const liAuth = { authorization: `Bearer ${((await liEnroll.json()) as { token: string }).token}` };
  const edit = (id: number, title: string) => ({ id, name: 'editRecord', args: { id: found.id, caseId: found.caseId, baseVersion: found.version, changes: { title } }, hlc: new Date().toISOString() });
  const first = await request.post(`${HUB}/api/v1/push`, { headers: liAuth, data: { clientTime: new Date().toISOString(), mutations: [edit(1, '公摊电费按面积加收（已核实面积）')] } });
  expect(((await first.json()) as { results: { outcome: string }[] }).results[0]!.outcome).toBe('applied');
  const wangEnroll = await request.post(`${HUB}/api/v1/devices/enroll`, { data: { code: await pairingCode(request, 'wang'), deviceName: '王检查的平板' } });
  const wangAuth = { authorization: `Bearer ${((await wangEnroll.json()) as { token: string }).token}` };
  const second = await request.post(`${HUB}/api/v1/push`, { headers: wangAuth, data: { clientTime: new Date().toISOString(), mutations: [edit(1, '公摊电费加收，未公示收费依据')] } });
  expect(((await second.json()) as { results: { conflicts?: number }[] }).results[0]!.conflicts).toBe(1);
  await office.goto(`${HUB}/#/sync`);
  await office.getByRole('button', { name: '立即同步' }).click();
  await expect(office.getByTestId('sync-badge')).toContainText('已同步');
  await office.goto(`${HUB}/#/conflicts`);
  const conflict = office.getByRole('row', { name: /金鹰购物中心/ });
  await expect(conflict).toContainText('检查发现：公摊电费加收，未公示收费依据');
  await expect(conflict.getByRole('cell', { name: '问题', exact: true })).toBeVisible();
  await expect(conflict).toContainText('公摊电费按面积加收（已核实面积）');
  // Both writers by name, never by username.
  await expect(conflict).toContainText('李检查 · ');
  await expect(conflict).toContainText('王检查 · ');
  await screenshot(office, '59-conflicts-both-values');
  await conflict.getByRole('button', { name: '改用被覆盖的值' }).click();
  await expect(conflict).toContainText('已选定，待同步');
  await office.goto(`${HUB}/#/sync`);
  await office.getByRole('button', { name: '立即同步' }).click();
  await expect(office.getByTestId('sync-pending')).toHaveText('0');
  await office.goto(`${HUB}/#/conflicts`);
  await expect(office.getByRole('row', { name: /金鹰购物中心/ })).toContainText('已处理');
  await expect(office.getByRole('row', { name: /金鹰购物中心/ })).toContainText('采用了被覆盖的值 · office');
  await expect(office.getByRole('row', { name: /金鹰购物中心/ })).toContainText('检查发现：公摊电费按面积加收（已核实面积）');
  await screenshot(office, '60-conflicts-settled');
  await inspectorContext.close();
  await officeContext.close();
});
