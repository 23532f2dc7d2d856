// Issue 15 §3 in the browser: the office opens a complaint case outside the draw from 案件 (target searched on
// the list, the complaint's 12345 number, the team with the recused inspector shown and not choosable, a
// lead), is told when a target already has an open case, syncs; the assigned inspector's laptop syncs and
// sees the case marked 投诉举报, with the complaint on the case page, and no draw named.
import type { Page } from '@playwright/test';
import { expect, test, watchBrowser } from './fixtures';
import { pickOption, screenshot } from './helpers';
import { syntheticUscc } from '../fixtures/synthetic';
import { FIELD_TARGET, startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_TARGETED_PORT ?? 4552);
const SECOND = { uscc: '91320106MA1MXXXX3D', name: '湖南路商业广场', address: '湖南路 16 号', lng: null, lat: null };
const THIRD = { uscc: syntheticUscc(6, 4), name: '新街口百货', address: '中山南路 3 号', lng: null, lat: null };
const listed = (t: typeof SECOND, subdistrict: string) => ({ ...t, kind: 'mall', district: '鼓楼区', subdistrict, tenantCount: 40, contact: '', phone: '', credit: null, lastInspectors: [], active: true });
const LI = { certNo: 'GL-002', name: '李检查', unit: '鼓楼局', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: true };
let field: FieldHub | undefined;
// An action that cannot happen fails with its locator named, not at the test's timeout.
test.use({ actionTimeout: 20_000 });

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'targeted');
  // A second target with no case, and 赵检查 of its sub-district (who must stand aside).
  await field.officePush(request, 'putEntities', { rows: [listed(SECOND, '湖南路街道'), listed(THIRD, '新街口街道')] });
  await field.officePush(request, 'putInspectors', { rows: [{ certNo: 'GL-003', name: '赵检查', unit: '鼓楼局', district: '鼓楼区', subdistrict: '湖南路街道', phone: '', conflicts: [], active: true }] });
});
test.afterAll(() => field?.stop());

async function syncNow(page: Page, hub: FieldHub): Promise<void> {
  await page.goto(`${hub.url}/#/sync`);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
}

/** Picks an option of the open Select drop-down by text it holds. */
const pick = (page: Page, text: string) => pickOption(page, { holding: text });

/** Opens 新建投诉/定向案件 and fills in the target and the complaint, leaving the team's drop-down open. */
async function complaint(page: Page, c: { search: string; target: string; ref: string; by: string; alleged: string }): Promise<void> {
  await page.getByTestId('open-targeted-case').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('检查对象').fill(c.search);
  await pick(page, c.target);
  await dialog.getByLabel('投诉编号（12315/12345）').fill(c.ref);
  await dialog.getByLabel('投诉人').fill(c.by);
  await dialog.getByLabel('反映问题').fill(c.alleged);
  await dialog.getByLabel('检查组（至少 2 人）').click();
}

test('the office opens a complaint case; the assigned inspector syncs and sees it marked 投诉举报', async ({ browser, request, browserLog }) => {
  test.setTimeout(180_000);
  const hub = field!;
  const office = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  watchBrowser(office, browserLog);
  const desk = await office.newPage();
  await enrollInBrowser(desk, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(desk.getByTestId('sync-badge')).toContainText('已同步');
  await desk.goto(`${hub.url}/#/cases`);
  await expect(desk.getByTestId('cases-count')).toContainText('共 1 个');

  // A complaint about the drawn target: the dialog says it will join the open case.
  await desk.getByTestId('open-targeted-case').click();
  const dialog = desk.getByRole('dialog');
  await dialog.getByLabel('检查对象').fill('金鹰');
  await pick(desk, FIELD_TARGET.name);
  await expect(dialog.getByTestId('targeted-open-case')).toContainText('投诉将并入该案件');
  await dialog.getByRole('button', { name: /取\s?消/ }).click();

  // A complaint about the second target, with a new team.
  await complaint(desk, { search: '湖南路', target: SECOND.name, ref: '12345-20260301-0042', by: '张女士（商户）', alleged: '电费单价 1.2 元/度，高于目录电价，另收公摊电费' });
  // 赵检查 works in the target's sub-district: shown with the rule, not choosable.
  const recused = desk.locator('.ant-select-item-option', { has: desk.getByTestId('team-option-GL-003') });
  await expect(recused).toContainText('应回避：同街镇');
  await expect(recused).toHaveClass(/ant-select-item-option-disabled/);
  await pick(desk, '王检查（GL-001）');
  await pick(desk, '李检查（GL-002）');
  await screenshot(desk, 'targeted-dialog-team');
  // Closed by a click beside it (Escape would close the whole dialog).
  await dialog.getByText('投诉举报和定向检查案件在随机抽查之外立案').click();
  await expect(desk.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await dialog.getByLabel('组长').click();
  await pick(desk, '王检查（GL-001）');
  await expect(desk.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await screenshot(desk, 'targeted-dialog');
  await dialog.getByRole('button', { name: /立\s?案/ }).click();
  await expect(dialog.getByTestId('targeted-done')).toContainText(`已立案：${SECOND.name}（投诉举报）`);
  await dialog.getByTestId('targeted-done').getByRole('button', { name: /关\s?闭/ }).click();

  const row = desk.locator('tr', { hasText: SECOND.name });
  await expect(row.getByTestId('case-origin')).toHaveText('投诉举报');
  await expect(desk.locator('tr', { hasText: FIELD_TARGET.name }).getByTestId('case-origin')).toHaveText('随机抽查');
  await syncNow(desk, hub);
  await desk.goto(`${hub.url}/#/cases`);
  await desk.getByLabel('来源').click();
  await pick(desk, '投诉举报');
  await expect(desk.getByTestId('cases-count')).toHaveText('显示 1 个，共 2 个');
  await expect(row).not.toContainText('待同步');
  await screenshot(desk, 'targeted-cases-office');

  // 王检查's laptop: the case arrives by sync, marked 投诉举报, the complaint on its page, no draw named.
  const field2 = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(field2, browserLog);
  const laptop = await field2.newPage();
  await enrollInBrowser(laptop, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'wang'), '王检查的电脑');
  await expect(laptop.getByTestId('sync-badge')).toContainText('已同步');
  await laptop.goto(`${hub.url}/#/cases`);
  const mine = laptop.locator('tr', { hasText: SECOND.name });
  await expect(mine.getByTestId('case-origin')).toHaveText('投诉举报');
  await screenshot(laptop, 'targeted-cases-inspector');
  await mine.getByRole('button', { name: /打\s?开/ }).click();
  const origin = laptop.getByTestId('case-origin-details');
  await expect(origin).toContainText('12345-20260301-0042');
  await expect(origin).toContainText('张女士（商户）');
  await expect(origin).toContainText('组长：王检查（GL-001）');
  await expect(laptop.getByText('抽查计划')).toHaveCount(0);
  await screenshot(laptop, 'targeted-case-page');

  // Offline, the office opens a complaint case on the third target with 李检查, whom another office
  // device has meanwhile stopped on the hub: the hub refuses it on sync, and 同步 says why in the words
  // the dialog itself would have used.
  await office.setOffline(true);
  await complaint(desk, { search: '新街口', target: THIRD.name, ref: '12315-20260302-0007', by: '刘先生', alleged: '按 1.5 元/度收取电费' });
  await pick(desk, '王检查（GL-001）');
  await pick(desk, '李检查（GL-002）');
  await dialog.getByText('投诉举报和定向检查案件在随机抽查之外立案').click();
  await expect(desk.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await dialog.getByRole('button', { name: /立\s?案/ }).click();
  await expect(dialog.getByTestId('targeted-done')).toContainText(`已立案：${THIRD.name}（投诉举报）`);
  await dialog.getByTestId('targeted-done').getByRole('button', { name: /关\s?闭/ }).click();
  await hub.officePush(request, 'putInspectors', { rows: [{ ...LI, active: false }] });
  await office.setOffline(false);
  await desk.goto(`${hub.url}/#/sync`);
  await desk.getByRole('button', { name: '立即同步' }).click();
  await expect(desk.getByTestId('sync-rejected-reason')).toHaveText(['执法人员 李检查（GL-002）已停用']);
  await screenshot(desk, 'targeted-refused-on-sync');
  await office.close();
  await field2.close();
});
