import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from '@playwright/test';
import type { Entity, Inspector } from '../../src-shared/domain';
import { exportList } from '../../src-shared/lists/exportList';
import { syntheticUscc } from '../fixtures/synthetic';
import { expect, test, watchBrowser } from './fixtures';
import { cli, startHub } from './hubProcess';
import { chooseFile, createProfile, importFile, screenshot, tempFile } from './helpers';

// Issue 11, the office's chain through the UI alone: the office app imports both lists and a tariff
// table from files while standalone, enrolls and syncs; a lead (another browser) sees its district's
// lists and draws on the hub; an inspector (a third) sees its cases in 我的检查任务 and the tariff
// table with the network off. The hub is the built CLI over PGlite; people get pairing codes from
// 账号与设备 of the office app (the office's own first code from the CLI).
const PORT = Number(process.env.E2E_CHAIN_PORT ?? 4182);
const HUB = `http://127.0.0.1:${PORT}`;
let dir = '';
let hub: ChildProcess | undefined;


let officeCode = '';

/** The office makes a pairing code for a user in 账号与设备 and reads it off the screen. */
async function pairingCode(office: Page, username: string): Promise<string> {
  await office.goto(`${HUB}/#/accounts`);
  await office.getByRole('row').filter({ hasText: username }).getByRole('button', { name: '生成配对码' }).click();
  const dialog = office.getByRole('dialog').filter({ hasText: `${username} 的新设备用此配对码登记` });
  await expect(dialog).toBeVisible();
  const code = (await dialog.getByTestId('pairing-code').textContent())?.trim() ?? '';
  await office.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(code).toMatch(/\S{8,}/);
  return code;
}

const GULOU: Entity[] = Array.from({ length: 8 }, (_, i) => ({
  uscc: syntheticUscc(6, i + 1), name: `鼓楼商业广场${i + 1}号`, kind: 'mall', district: '鼓楼区', subdistrict: `街道${(i % 3) + 1}`,
  address: `中山路 ${i + 1} 号`, lng: null, lat: null, tenantCount: 40 + i, contact: '', phone: '', credit: null, lastInspectors: [], active: true,
}));
const XUANWU: Entity[] = Array.from({ length: 3 }, (_, i) => ({ ...GULOU[0]!, uscc: syntheticUscc(7, i + 1), name: `玄武产业园${i + 1}号`, district: '玄武区', kind: 'industrial_park' }));
const INSPECTORS: Inspector[] = [
  ['GL-001', '王检查'], ['GL-002', '李检查'], ['GL-003', '赵检查'], ['GL-004', '钱检查'],
].map(([certNo, name]) => ({ certNo: certNo!, name: name!, unit: '鼓楼区市场监管局', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: true }));
const XUANWU_INSPECTOR: Inspector = { ...INSPECTORS[0]!, certNo: 'XW-001', name: '孙检查', district: '玄武区', unit: '玄武区市场监管局' };

async function tariffFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('目录电价');
  sheet.addRow(['地区', '用户类别', '电压等级', '时段', '电价（元/千瓦时）', '执行起始日期', '执行截止日期']);
  sheet.addRow(['江苏', '一般工商业', '不满1千伏', '不分时', '0.6632', '2026-01-01', '']);
  sheet.addRow(['江苏', '一般工商业', '不满1千伏', '峰', '1.0512', '2026-01-01', '']);
  sheet.addRow(['江苏', '一般工商业', '不满1千伏', '谷', '0.3127', '2026-01-01', '']);
  return tempFile('tariffs-jiangsu.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
}


test.beforeAll(async ({ request }) => {
  dir = mkdtempSync(join(tmpdir(), 'tariffcheck-e2e-chain-'));
  const add = (username: string, name: string, role: string, certNo?: string) =>
    cli(['user', 'add', '--data', dir, '--username', username, '--name', name, '--role', role, '--district', '鼓楼区', ...(certNo ? ['--cert-no', certNo] : []), '--password-stdin'], `${username} password\n`);
  add('chen', '陈科长', 'office');
  add('zhou', '周组长', 'lead');
  add('wang', '王检查', 'inspector', 'GL-001');
  // The office's own first code comes from the CLI, before the hub holds the store.
  officeCode = cli(['pair', '--data', dir, '--username', 'chen']);
  hub = await startHub(request, dir, PORT);
});

test.afterAll(() => {
  hub?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

async function person(browser: import('@playwright/test').Browser, log: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  watchBrowser(context, log);
  return { context, page: await context.newPage() };
}

async function enroll(page: Page, code: string, deviceName: string): Promise<void> {
  await page.goto(`${HUB}/#/sync`);
  await page.getByLabel('配对码').fill(code);
  await page.getByLabel('本机名称').fill(deviceName);
  await page.getByRole('button', { name: /登\s?记/ }).click();
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
}

test('office lists and tariffs travel through the hub to a lead and an inspector; the lead draws on the hub', async ({ browser, browserLog }) => {
  const targetsPath = tempFile('chain-targets.xlsx', await exportList('entities', [...GULOU, ...XUANWU]));
  const inspectorsPath = tempFile('chain-inspectors.xlsx', await exportList('inspectors', [...INSPECTORS, XUANWU_INSPECTOR]));

  // The office works standalone first: its imports wait in the outbox.
  const office = await person(browser, browserLog);
  await createProfile(office.page, '陈科长', '科室', undefined, HUB);
  await importFile(office.page, '检查对象名录', targetsPath);
  await office.page.getByRole('button', { name: `导入 ${GULOU.length + XUANWU.length} 条有效记录` }).click();
  await expect(office.page.getByTestId('list-count')).toHaveText(`显示 11 条，共 11 条`);
  await office.page.getByRole('menuitem', { name: '执法检查人员名录' }).click();
  await importFile(office.page, '执法检查人员名录', inspectorsPath);
  await office.page.getByRole('button', { name: '导入 5 条有效记录' }).click();
  await office.page.getByRole('menuitem', { name: '电价表' }).click();
  await office.page.getByRole('button', { name: '导入电价表' }).click();
  await chooseFile(office.page, office.page.getByRole('button', { name: '选择文件…' }), await tariffFile());
  await office.page.getByRole('button', { name: '保存 3 条电价' }).click();
  await expect(office.page.getByTestId('tariff-stored')).toContainText('共 3 条电价');
  await expect(office.page.getByTestId('sync-badge')).toContainText('待同步 3');
  await screenshot(office.page, '60-office-standalone-pending');

  // Enrolled, the office pushes what it did; the hub holds the lists (the office's own device says so).
  await enroll(office.page, officeCode, '科室电脑');
  await office.page.goto(`${HUB}/#/sync`);
  await expect(office.page.getByTestId('sync-pending')).toHaveText('0');
  await screenshot(office.page, '61-office-synced');

  // The lead: its district's lists arrive; it draws on the hub.
  const lead = await person(browser, browserLog);
  await enroll(lead.page, await pairingCode(office.page, 'zhou'), '组长笔记本');
  await lead.page.goto(`${HUB}/#/lists/entities`);
  await expect(lead.page.getByTestId('list-count')).toHaveText(`显示 ${GULOU.length} 条，共 ${GULOU.length} 条`);
  await expect(lead.page.getByText('玄武产业园1号')).toHaveCount(0);
  await lead.page.goto(`${HUB}/#/lists/inspectors`);
  await expect(lead.page.getByTestId('list-count')).toHaveText('显示 4 条，共 4 条');
  await lead.page.goto(`${HUB}/#/draw`);
  await lead.page.getByLabel('计划名称').fill('2026 年鼓楼区转供电价格检查');
  await lead.page.getByLabel('抽查比例').fill('100');
  // The commitment first (for the hub's draw), shown to the witnesses; then each witness's seed.
  await lead.page.getByText('检查中心（抽中即派发案件）').click();
  await expect(lead.page.getByLabel('随机种子 · 见证人 1')).toBeDisabled();
  await lead.page.getByRole('button', { name: '生成抽查承诺' }).click();
  await expect(lead.page.getByTestId('commitment')).toContainText(`在册检查对象 ${GULOU.length} 个，在岗执法人员 4 名`);
  await lead.page.getByLabel('随机种子 · 见证人 1').fill('鼓楼 2026-12-05 掷骰 3-1-4');
  await lead.page.getByRole('button', { name: '添加见证人的种子' }).click();
  await lead.page.getByLabel('随机种子 · 见证人 2').fill('公证员 1-5-9');
  await expect(lead.page.getByTestId('combined-seed')).toContainText('["鼓楼 2026-12-05 掷骰 3-1-4","公证员 1-5-9"]');
  await screenshot(lead.page, '61b-lead-commitment-and-seeds');
  await lead.page.getByRole('button', { name: '在检查中心抽取并派发案件' }).click();
  await expect(lead.page.getByText(`已在检查中心抽取：${GULOU.length} 个案件已派发给抽中的检查组`)).toBeVisible();
  await lead.page.goto(`${HUB}/#/cases`);
  await expect(lead.page.getByRole('row').filter({ hasText: '鼓楼商业广场' })).toHaveCount(GULOU.length, { timeout: 30_000 });
  // Teams are people: by name, with the certificate number.
  await expect(lead.page.getByText(/王检查（GL-001）|李检查（GL-002）|赵检查（GL-003）|钱检查（GL-004）/).first()).toBeVisible();
  await screenshot(lead.page, '62-lead-cases-after-hub-draw');
  // The hub's draw is in 抽查记录 like a local one: its record, and 复核 reproduces it from the lists here.
  await lead.page.getByRole('menuitem', { name: '抽查记录' }).click();
  const history = lead.page.getByRole('row').filter({ hasText: '2026 年鼓楼区转供电价格检查' });
  await expect(history).toContainText('检查中心');
  await expect(history).toContainText('周组长');
  await history.getByRole('link').click();
  await expect(lead.page.getByTestId('draw-record')).toBeVisible();
  await expect(lead.page.getByRole('row').filter({ hasText: '鼓楼商业广场1号' })).toContainText('鼓楼区');
  await expect(lead.page.getByTestId('draw-record')).toContainText('承诺时间');
  await lead.page.getByRole('button', { name: /^复\s?核$/ }).click();
  await expect(lead.page.getByTestId('verify-result')).toContainText('复核一致');
  await screenshot(lead.page, '65-lead-hub-draw-verified');

  // The office deactivates a drawn target after the draw; the lead's 复核 still reproduces the draw from
  // the list versions it used, and names the change apart.
  await office.page.goto(`${HUB}/#/lists/entities`);
  await office.page.getByPlaceholder('名称、统一社会信用代码、地址、联系人').fill('鼓楼商业广场2号');
  await expect(office.page.getByTestId('list-count')).toHaveText('显示 1 条，共 11 条');
  await office.page.getByRole('button', { name: /停\s?用/ }).click();
  await office.page.getByRole('menuitem', { name: '同步' }).click();
  await office.page.getByRole('button', { name: '立即同步' }).click();
  await expect(office.page.getByTestId('sync-pending')).toHaveText('0');
  await lead.page.getByRole('menuitem', { name: '同步' }).click();
  await lead.page.getByRole('button', { name: '立即同步' }).click();
  await lead.page.goto(`${HUB}/#/lists/entities`);
  await lead.page.getByPlaceholder('名称、统一社会信用代码、地址、联系人').fill('鼓楼商业广场2号');
  await expect(lead.page.getByTestId('list-count')).toHaveText(`显示 1 条，共 ${GULOU.length} 条`);
  await expect(lead.page.getByText('已停用', { exact: true })).toBeVisible();
  await lead.page.getByRole('menuitem', { name: '抽查记录' }).click();
  await lead.page.getByRole('row').filter({ hasText: '2026 年鼓楼区转供电价格检查' }).getByRole('link').click();
  await lead.page.getByRole('button', { name: /^复\s?核$/ }).click();
  await expect(lead.page.getByTestId('verify-result')).toContainText('复核一致');
  await expect(lead.page.getByTestId('changed-since')).toContainText(`${GULOU[1]!.uscc}：由检查中心同步`);
  await screenshot(lead.page, '66-lead-verified-after-deactivation');

  // The inspector: its cases as tasks, the tariff table, all with the network off.
  const inspector = await person(browser, browserLog);
  await enroll(inspector.page, await pairingCode(office.page, 'wang'), '王检查的笔记本');
  await inspector.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await inspector.page.goto(`${HUB}/#/tasks`);
  const tasks = inspector.page.getByTestId('my-tasks');
  await expect(tasks.getByRole('row').filter({ hasText: '鼓楼商业广场' }).first()).toBeVisible();
  const mine = await tasks.getByRole('row').filter({ hasText: '鼓楼商业广场' }).count();
  expect(mine).toBeGreaterThan(0);
  await expect(tasks.getByText('王检查（GL-001）').first()).toBeVisible();
  await inspector.context.setOffline(true);
  await inspector.page.reload();
  await expect(inspector.page.getByTestId('sync-badge')).toContainText('离线');
  await expect(tasks.getByRole('row').filter({ hasText: '鼓楼商业广场' })).toHaveCount(mine);
  await screenshot(inspector.page, '63-inspector-tasks-offline');
  await inspector.page.goto(`${HUB}/#/tariffs`);
  await expect(inspector.page.getByTestId('tariff-stored')).toContainText('共 3 条电价');
  await screenshot(inspector.page, '64-inspector-tariffs-offline');

  // The office's second laptop edits a target's address, and so does the first, from the same
  // version: arrival order wins, both rows reach 冲突处理, and the office settles it there.
  const laptop2 = await person(browser, browserLog);
  await enroll(laptop2.page, await pairingCode(office.page, 'chen'), '科室笔记本');
  const editAddress = async (page: Page, address: string) => {
    await page.goto(`${HUB}/#/lists/entities`);
    await page.getByPlaceholder('名称、统一社会信用代码、地址、联系人').fill('鼓楼商业广场3号');
    await expect(page.getByTestId('list-count')).toHaveText('显示 1 条，共 11 条');
    await page.getByRole('button', { name: /编\s?辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('地址').fill(address);
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('menuitem', { name: '同步' }).click();
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
  };
  await editAddress(laptop2.page, '中山路 3 号（笔记本核实）');
  await editAddress(office.page, '中山路 3 号 B 座');
  await office.page.getByRole('menuitem', { name: '冲突处理' }).click();
  const conflict = office.page.getByRole('row').filter({ hasText: '鼓楼商业广场3号' });
  await expect(conflict).toContainText('地址');
  await expect(conflict).toContainText('地址：中山路 3 号（笔记本核实）');
  await expect(conflict).toContainText('地址：中山路 3 号 B 座');
  await screenshot(office.page, '67-office-list-row-conflict');
  await conflict.getByRole('button', { name: '改用被覆盖的值' }).click();
  await office.page.getByRole('menuitem', { name: '同步' }).click();
  await office.page.getByRole('button', { name: '立即同步' }).click();
  await expect(office.page.getByTestId('sync-pending')).toHaveText('0');
  await office.page.goto(`${HUB}/#/lists/entities`);
  await office.page.getByPlaceholder('名称、统一社会信用代码、地址、联系人').fill('鼓楼商业广场3号');
  await expect(office.page.getByText('中山路 3 号（笔记本核实）')).toBeVisible();

  await Promise.all([office.context.close(), lead.context.close(), inspector.context.close(), laptop2.context.close()]);
});
