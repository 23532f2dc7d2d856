// Credit follow-up in the office's browser (issue 15): a rule whose default is 黑 with nothing to lift a
// clean target is refused with the reason; the office saves its own rule, evaluates it over the list
// (an inspection approved with nothing found → 绿, the other target by default → 蓝), applies one
// change, changes another grade by hand with its reason, and finds both in the target's history with
// reason, who and when — on the hub too.
import type { Locator } from '@playwright/test';
import { expect, test, watchBrowser } from './fixtures';
import { pickOption, screenshot } from './helpers';
import { FIELD_TARGET, startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_CREDIT_PORT ?? 4542);
const OTHER = { uscc: '91350100M000100Y43', name: '万达广场', address: '湖南路 1 号', lng: null, lat: null };
let field: FieldHub | undefined;

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'credit', [FIELD_TARGET, OTHER]);
});

test.afterAll(() => field?.stop());

test('the office sets a credit rule, evaluates it, applies a change and sees it in the target history', async ({ browser, request, browserLog }) => {
  test.setTimeout(240_000);
  const hub = field!;
  const auth = { authorization: `Bearer ${hub.officeToken}` };
  // 金鹰's inspection approved with nothing found (no record to sign).
  const pulled = await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: auth });
  const cases = ((await pulled.json()) as { changes: { table: string; row: { id: string; uscc: string } }[] }).changes.filter((c) => c.table === 'cases').map((c) => c.row);
  await hub.officePush(request, 'reviewCase', { caseId: cases.find((c) => c.uscc === FIELD_TARGET.uscc)!.id, decision: 'approved', note: '' });

  const office = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(office, browserLog);
  const desk = await office.newPage();
  await enrollInBrowser(desk, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(desk.getByTestId('sync-badge')).toContainText('已同步');
  await desk.goto(`${hub.url}/#/credit`);
  const rule = desk.getByTestId('credit-rule');
  await expect(rule).toContainText('内置默认规则');
  const open = desk.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  /** Picks an option of a select, then waits for its drop-down to close (two are never open at once). */
  const choose = async (select: Locator, title: string) => {
    await select.click();
    await pickOption(desk, title);
    await expect(open).toHaveCount(0);
  };

  // Default 黑, and only bad facts to lift: a target never inspected would be 黑. Refused with the reason.
  await rule.getByRole('button', { name: '删除 6' }).click();
  await choose(rule.getByRole('combobox', { name: '默认等级' }), '黑');
  await expect(desk.getByTestId('credit-rule-problems')).toContainText('从未被检查过、没有任何不良记录的检查对象也将被评为黑');
  await expect(rule.getByRole('button', { name: '保存规则' })).toBeDisabled();
  // The office's rule: the first two of the default's, a clean inspection → 绿, default 蓝.
  for (let i = 0; i < 3; i++) await rule.getByRole('button', { name: '删除 3' }).click();
  await rule.getByRole('button', { name: '添加条件' }).click();
  await choose(rule.getByRole('combobox', { name: '条件 3' }), '检查未发现问题');
  await choose(rule.getByRole('combobox', { name: '评为 3' }), '绿');
  await choose(rule.getByRole('combobox', { name: '默认等级' }), '蓝');
  await rule.getByLabel('规则名称').fill('本局信用规则');
  await expect(desk.getByTestId('credit-rule-problems')).toHaveCount(0);
  await rule.getByRole('button', { name: '保存规则' }).click();
  await expect(rule).toContainText('陈科长 于');

  // 评定: both targets change; 金鹰 applied alone.
  await desk.getByRole('button', { name: /^评\s?定$/ }).click();
  await expect(desk.getByTestId('credit-evaluation-summary')).toContainText('2 个检查对象，2 个等级将改变');
  const proposals = desk.getByTestId('credit-proposals');
  const jinying = proposals.getByRole('row', { name: new RegExp(FIELD_TARGET.name) });
  await expect(jinying).toContainText('未发现违法事实，符合规则「本局信用规则」第 3 条');
  await expect(jinying).toContainText('绿');
  await expect(proposals.getByRole('row', { name: new RegExp(OTHER.name) })).toContainText('不符合规则「本局信用规则」的任何条件，按默认等级 → 蓝');
  await screenshot(desk, '95-credit-evaluation');
  await jinying.getByRole('button', { name: /^应\s?用$/ }).click();
  await expect(desk.getByTestId('credit-evaluation-summary')).toContainText('1 个等级将改变');
  await expect(proposals.getByRole('row', { name: new RegExp(FIELD_TARGET.name) })).toHaveCount(0);
  await screenshot(desk, '96-credit-page');

  // From the list to the target's page: the grade, its history with reason, who and when.
  await desk.goto(`${hub.url}/#/lists/entities`);
  await desk.getByRole('link', { name: FIELD_TARGET.name }).click();
  await expect(desk.getByTestId('target-name')).toHaveText(FIELD_TARGET.name);
  await expect(desk.getByTestId('target-grade-now')).toHaveText('绿');
  const history = desk.getByTestId('credit-history');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('最近一次检查于');
  await expect(history).toContainText('陈科长');
  await expect(desk.getByTestId('target-cases')).toContainText('已审核');
  await expect(desk.getByTestId('target-draws')).toContainText('2026 年第一季度转供电检查');

  // By hand, with its reason (required).
  const manual = desk.getByTestId('credit-manual');
  await choose(manual.getByRole('combobox', { name: '新等级' }), '黄');
  await manual.getByRole('button', { name: /^调\s?整$/ }).click();
  await expect(manual).toContainText('请填写调整理由');
  await manual.getByLabel('理由（必填）').fill('群众投诉经核实存在加价收费');
  await manual.getByRole('button', { name: /^调\s?整$/ }).click();
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('群众投诉经核实存在加价收费');
  await expect(desk.getByTestId('target-grade-now')).toHaveText('黄');
  // Synced: the hub's copies replace this device's (no "not yet synced" left), and the hub holds both changes.
  await expect(history).not.toContainText('待同步', { timeout: 30_000 });
  await expect(history.getByRole('row')).toHaveCount(3);
  const after = await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: auth });
  const changes = ((await after.json()) as { changes: { table: string; row: { to: string; reason: string; by: string } }[] }).changes.filter((c) => c.table === 'creditChanges').map((c) => [c.row.to, c.row.by, c.row.reason]);
  expect(changes).toEqual([['green', '陈科长', expect.stringContaining('未发现违法事实，符合规则「本局信用规则」第 3 条')], ['yellow', '陈科长', '群众投诉经核实存在加价收费']]);
  await screenshot(desk, '97-target-history');
  await office.close();
});
