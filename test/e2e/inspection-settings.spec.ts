// What the office keeps for every inspection reaches the inspector's laptop (issue 12): the office adds a
// legal basis and a finding type and shortens a verification period in 检查设置 (a bad tile URL is told
// where and why); the inspector, offline, is offered the type with its basis and sees the meter flagged by
// the office's period. Forms keep what was typed through a reload; a recorded meter is edited and read again.
import { expect, test, watchBrowser } from './fixtures';
import { pickOption, screenshot } from './helpers';
import { startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, goOffline, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_SETTINGS_PORT ?? 4186);
let field: FieldHub | undefined;

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'settings');
});

test.afterAll(() => field?.stop());

const BASIS = '《南京市转供电价格管理办法》第三条';

/** The tenants of the meter forms' drafts stored in the page's database (db/drafts.ts). */
async function draftTenants(): Promise<string[]> {
  const open = indexedDB.open('tariffcheck');
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const rows: { values?: { tenant?: string } }[] = await new Promise((resolve, reject) => {
    const all = db.transaction('drafts').objectStore('drafts').getAll();
    all.onsuccess = () => resolve(all.result as { values?: { tenant?: string } }[]);
    all.onerror = () => reject(all.error);
  });
  db.close();
  return rows.map((r) => r.values?.tenant ?? '');
}
const TYPE = '未按期退还多收电费';

test("the office's finding types, bases and periods reach the inspector; forms survive a reload; a meter is edited", async ({ browser, request, browserLog }) => {
  test.setTimeout(240_000);
  const hub = field!;
  // The office, in its browser: 检查设置.
  const office = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(office, browserLog);
  const desk = await office.newPage();
  await enrollInBrowser(desk, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(desk.getByTestId('sync-badge')).toContainText('已同步');
  await desk.goto(`${hub.url}/#/settings/inspection`);
  await expect(desk.getByTestId('settings-source')).toHaveText('尚未保存本局设置，各终端使用系统默认设置');
  await desk.getByRole('button', { name: '新增依据' }).click();
  await desk.getByTestId('settings-bases').getByLabel('条文').last().fill(BASIS);
  await desk.getByRole('button', { name: '新增类型' }).click();
  const types = desk.getByTestId('settings-types');
  await types.getByLabel('名称').last().fill(TYPE);
  await types.getByRole('combobox', { name: '默认法律依据' }).last().fill('南京');
  await pickOption(desk, BASIS);
  await desk.keyboard.press('Escape');
  await desk.getByLabel('0.5S 级').fill('4');
  await desk.getByRole('switch', { name: '使用瓦片服务器' }).click();
  await desk.getByLabel('瓦片地址').fill('https://tiles.example.cn/{z}/{x}.png');
  await desk.getByRole('button', { name: '保存并下发' }).click();
  await expect(desk.getByTestId('settings-problem')).toHaveText('地图瓦片源，瓦片地址：须为 http(s) 地址，且含 {z}、{x}、{y}');
  await desk.getByLabel('瓦片地址').fill('https://tiles.example.cn/{z}/{x}/{y}.png');
  await desk.getByRole('button', { name: '保存并下发' }).click();
  await expect(desk.getByTestId('settings-problem')).toHaveCount(0);
  await expect(desk.getByTestId('settings-source')).toContainText('当前设置由 陈科长 于');
  await screenshot(desk, '80-inspection-settings');
  // Pushed: the hub holds them.
  await expect(async () => {
    const pulled = await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: { authorization: `Bearer ${hub.officeToken}` } });
    const changes = ((await pulled.json()) as { changes: { table: string; row: { settings: { verificationYears: Record<string, number> } } }[] }).changes;
    expect(changes.find((c) => c.table === 'officeSettings')?.row.settings.verificationYears['0.5S']).toBe(4);
  }).toPass({ timeout: 30_000 });
  await office.close();

  // The inspector: synced, then offline for the rest.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'wang'), '王检查的笔记本');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${hub.url}/#/cases`);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await goOffline(context);
  await page.getByText('金鹰购物中心').click();

  // A meter half typed, then a reload: the form has it back and says so.
  await page.getByRole('tab', { name: '计量装置' }).click();
  await page.getByText('分表（租户）', { exact: true }).click();
  await page.getByLabel('表号').fill('S-31');
  await page.getByRole('textbox', { name: '租户' }).fill('三楼书店');
  // Each change is written as a draft as it is typed; the reload comes once the last one is stored (a reload
  // within a moment of the last keystroke may come before its write, on a busy machine).
  await expect.poll(() => page.evaluate(draftTenants), { timeout: 10_000 }).toContain('三楼书店');
  await page.reload();
  await page.getByRole('tab', { name: '计量装置' }).click();
  await expect(page.getByTestId('draft-restored')).toContainText('已恢复未保存的填写内容');
  await expect(page.getByLabel('表号')).toHaveValue('S-31');
  await expect(page.getByRole('textbox', { name: '租户' })).toHaveValue('三楼书店');
  // Finished and saved: verified five years ago, past the office's four years for 0.5S (JJG 596 says six).
  const verifiedOn = `${new Date().getFullYear() - 5}-01-01`;
  await page.getByLabel('准确度等级').click();
  await pickOption(page, '0.5S');
  await page.getByText('完好', { exact: true }).click();
  await page.getByLabel('检定日期').fill(verifiedOn);
  await page.getByLabel('本次读数').fill('100');
  await page.getByRole('button', { name: '添加电表' }).click();
  const row = page.getByTestId('meter-table').getByRole('row', { name: /S-31/ });
  await expect(row).toContainText(`超过检定周期（应于 ${new Date().getFullYear() - 1}-01-01 前检定）`);
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await expect(page.getByLabel('表号')).toHaveValue('');

  // Edited: the multiplier corrected; then a second reading added.
  await row.getByRole('button', { name: /^修\s?改$/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('倍率').fill('40');
  await dialog.getByRole('button', { name: '保存修改' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('40');
  await row.getByRole('button', { name: /^修\s?改$/ }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('新读数').fill('112.5');
  await dialog.getByRole('button', { name: /^追\s?加$/ }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('100 → 112.5');
  await expect(row).toContainText('500'); // 12.5 kWh × 40
  await screenshot(page, '81-meter-edited');

  // The office's new type is offered with its basis.
  await page.getByRole('tab', { name: '发现问题' }).click();
  await page.getByLabel('问题类型').click();
  await pickOption(page, TYPE);
  await expect(page.locator('.ant-select-selection-item', { hasText: BASIS })).toBeVisible();
  await page.getByLabel('违法事实').fill('多收电费逾期未退还。');
  await page.getByRole('button', { name: '记录违法事实' }).click();
  await page.getByRole('tab', { name: '检查记录' }).click();
  await expect(page.getByTestId('case-record').filter({ hasText: TYPE })).toContainText('多收电费逾期未退还。');
  await context.close();
});
