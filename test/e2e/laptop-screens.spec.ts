// Issue 14 §4: every main screen at laptop size. The office (enrolled at a hub, both sample lists imported
// through the page, a draw, a case with records and a field conflict) and an inspector open every screen at
// 1280×800 and at 1440×900; each is screenshotted to be looked at. Checked here: the target list's 联系电话,
// 地址 and 状态 headers are on screen and under no fixed column, 冲突处理's 字段 is wider than two characters,
// every visible input has a name a screen reader reads, the signature pad is named, and antd prints no
// warning (a development build prints them: `NODE_ENV=development npx vite build --mode development
// --outDir DIR`, then run this spec with E2E_WEB_ROOT=DIR; the production build prints none).
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { messyEntityList, messyInspectorList } from '../fixtures/listFiles';
import { expect, test, watchBrowser } from './fixtures';
import { FIELD_TARGET, startFieldHub, type FieldHub } from './fieldHub';
import { importFile, screenshot, tempFile } from './helpers';
import { enrollInBrowser, pairingCode } from './hubSession';

const PORT = 4197;
/** A target whose name and address are longer than any column: they are cut with an ellipsis and a tooltip. */
const LONG_TARGET = {
  uscc: '91320106MA1MXXXX1B', name: '南京市鼓楼区湖南路街道狮子桥美食街商业运营管理有限公司第三分公司',
  address: '南京市鼓楼区湖南路街道狮子桥 2 号美食街综合楼 B 座地下一层至地上三层（原南京商厦东侧）', lng: null, lat: null,
};
const SIZES = [{ width: 1280, height: 800 }, { width: 1440, height: 900 }] as const;
let field: FieldHub | undefined;
test.use({ actionTimeout: 15_000 });

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'laptop', [FIELD_TARGET, LONG_TARGET]);
});
test.afterAll(() => field?.stop());

/** A device of `username` driven through the hub's API, numbering its mutations like a laptop's outbox. */
async function device(request: APIRequestContext, hub: FieldHub, username: string) {
  const enroll = await request.post(`${hub.url}/api/v1/devices/enroll`, { data: { code: await pairingCode(request, hub.url, hub.officeToken, username), deviceName: `${username}-script` } });
  const headers = { authorization: `Bearer ${((await enroll.json()) as { token: string }).token}` };
  let next = 1;
  const push = async (mutations: [string, unknown][]) => {
    const reply = await request.post(`${hub.url}/api/v1/push`, { headers, data: { clientTime: new Date().toISOString(), mutations: mutations.map(([name, args]) => ({ id: next++, name, args, hlc: new Date().toISOString() })) } });
    return ((await reply.json()) as { results: { outcome: string; conflicts?: number }[] }).results;
  };
  const pull = async () => ((await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=2000`, { headers })).json()) as { changes: { table: string; row: Record<string, unknown> }[] }).changes;
  return { push, pull };
}

/** The team's work on the case of FIELD_TARGET: a meter, a finding both inspectors then edit (a conflict), an on-site record to sign. */
async function teamWork(request: APIRequestContext, hub: FieldHub): Promise<string> {
  const wang = await device(request, hub, 'wang');
  const caseId = String((await wang.pull()).find((c) => c.table === 'cases' && c.row.uscc === FIELD_TARGET.uscc)!.row.id);
  const findingId = randomUUID();
  const party = { name: FIELD_TARGET.name, uscc: FIELD_TARGET.uscc, address: FIELD_TARGET.address, representative: '赵经理', title: '物业经理', phone: '13800000000' };
  const meter = {
    role: 'main', meterNo: 'Z-001', type: 'electronic', accuracyClass: '2', multiplier: '1', decimals: 2, tenant: '', sealIntact: true, verificationLabel: '合格', verifiedOn: '2022-05-10',
    readings: [{ at: '2026-11-02T02:00:00.000Z', value: '1000' }, { at: '2026-12-01T02:00:00.000Z', value: '2000' }], photos: [], note: '',
  };
  const added = await wang.push([
    ['addRecord', { id: randomUUID(), caseId, kind: 'meter', data: meter }],
    ['addRecord', { id: findingId, caseId, kind: 'finding', data: { title: '公摊电费加收', detail: '向租户按面积加收公摊电费，未公示收费依据。', type: 'markup', basis: '《价格违法行为行政处罚规定》第十六条', amountFen: 123456, photos: [] } }],
    ['addRecord', { id: randomUUID(), caseId, kind: 'onSiteRecord', data: { supplementOf: null, startedAt: '2026-12-01T01:30:00.000Z', place: FIELD_TARGET.address, party, inspectors: [{ certNo: 'GL-001', name: '王检查' }, { certNo: 'GL-002', name: '李检查' }], sections: [{ heading: '检查情况', lines: ['检查了总表 1 块。'] }], covers: [] } }],
  ]);
  expect(added.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
  // Two edits of the finding from the same version, by the case's two inspectors: a conflict for 冲突处理.
  const version = Number((await wang.pull()).find((c) => c.table === 'records' && c.row.id === findingId)!.row.version);
  const edit = (title: string): [string, unknown] => ['editRecord', { id: findingId, caseId, baseVersion: version, changes: { title } }];
  const li = await device(request, hub, 'li');
  expect((await li.push([edit('公摊电费按面积加收（已核实面积）')]))[0]!.outcome).toBe('applied');
  expect((await wang.push([edit('公摊电费加收，未公示收费依据')]))[0]!.conflicts).toBe(1);
  return caseId;
}

/** Waits until the page shows its content: no spinner, no skeleton. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.ant-card, .ant-empty, h1, h2, h3').filter({ visible: true }).first()).toBeVisible();
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0, { timeout: 30_000 });
}

/** Every visible input, text area, select and switch has an accessible name (a label, aria-label or the like). */
async function expectNamedInputs(page: Page, screen: string): Promise<void> {
  const inputs = page.locator('input:not([type=hidden]):not([type=file]), textarea, [role=combobox], [role=switch], [role=spinbutton]');
  for (const input of await inputs.all()) {
    if (!(await input.isVisible())) continue;
    const what = await input.evaluate((e) => e.outerHTML.slice(0, 160));
    await expect.soft(input, `${screen}: an input without a name: ${what}`).toHaveAccessibleName(/\S/, { timeout: 1_000 });
  }
}

/** How many lines the text of `element` takes (its text pieces' tops, a line apart). */
async function lines(element: Locator): Promise<number> {
  return element.evaluate((e) => {
    const tops: number[] = [];
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.push(rect.top);
    }
    return tops.sort((a, b) => a - b).filter((top, i, all) => i === 0 || top - all[i - 1]! > 4).length;
  });
}

/** Whether two boxes share more than a pixel of area. */
function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 1 && h > 1;
}

/** The header cells of a list table's fixed columns (LeanTable). */
const fixedHeaders = (table: Locator) => table.locator('[role="columnheader"][class*="lean-fixed"]');

/** The x range between the table's fixed columns (left and right), where a scrolled column shows whole. */
async function openRange(table: Locator): Promise<{ left: number; right: number }> {
  const container = (await table.boundingBox())!;
  let left = container.x;
  let right = container.x + container.width;
  for (const fixed of await fixedHeaders(table).all()) {
    const box = (await fixed.boundingBox())!;
    if (box.x + box.width / 2 < container.x + container.width / 2) left = Math.max(left, box.x + box.width);
    else right = Math.min(right, box.x);
  }
  return { left, right };
}

/**
 * The header cell `title` of `table` can be brought whole into view (by scrolling the table sideways with the
 * wheel, as a user does) and then no fixed column covers it. A table narrower than its columns (a scroll
 * width too small) leaves its last columns under the fixed one for good; this finds that.
 */
async function expectHeaderUncovered(page: Page, table: Locator, title: string): Promise<void> {
  const header = table.getByRole('columnheader', { name: title, exact: true });
  await table.scrollIntoViewIfNeeded();
  const body = (await table.boundingBox())!;
  await page.mouse.move(body.x + body.width / 2, body.y + Math.min(80, body.height / 2));
  for (let step = 0; step < 30; step++) {
    const box = (await header.boundingBox())!;
    const { left, right } = await openRange(table);
    if (box.x >= left - 1 && box.x + box.width <= right + 1) break;
    const delta = box.x < left ? box.x - left - 8 : box.x + box.width - right + 8;
    await page.mouse.wheel(delta, 0);
    // Moved, or the table is at its end.
    await expect.poll(async () => (await header.boundingBox())!.x, { timeout: 2_000 }).not.toBe(box.x).catch(() => undefined);
  }
  const box = (await header.boundingBox())!;
  const { left, right } = await openRange(table);
  expect(box.x, `${title} is not under the left fixed column`).toBeGreaterThanOrEqual(left - 1);
  expect(box.x + box.width, `${title} is not under the right fixed column`).toBeLessThanOrEqual(right + 1);
  for (const fixed of await fixedHeaders(table).all()) {
    expect(overlaps(box, (await fixed.boundingBox())!), `${title} is covered by the fixed column ${await fixed.innerText()}`).toBe(false);
  }
  await expect(header).toBeInViewport();
}

test('every screen at 1280×800 and 1440×900: no hidden columns, no one-character columns, named inputs, no antd warnings', async ({ browser, request, browserLog }) => {
  test.setTimeout(420_000);
  const hub = field!;
  const caseId = await teamWork(request, hub);
  const entities = await messyEntityList({ good: 60 });
  const inspectors = await messyInspectorList();
  const entitiesPath = tempFile('laptop-targets.xlsx', entities.bytes);
  const inspectorsPath = tempFile('laptop-inspectors.xlsx', inspectors.bytes);

  const context = await browser.newContext({ viewport: SIZES[0] });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  // The sample lists, imported through the page as an office does.
  await page.goto(`${hub.url}/#/lists/entities`);
  await importFile(page, '检查对象名录', entitiesPath);
  await page.getByRole('button', { name: `导入 ${entities.accepted.length} 条有效记录` }).click();
  await expect(page.getByTestId('list-count')).toContainText(`共 ${entities.accepted.length + 2} 条`);
  await page.goto(`${hub.url}/#/lists/inspectors`);
  await importFile(page, '执法检查人员名录', inspectorsPath);
  await page.getByRole('button', { name: `导入 ${inspectors.accepted.length} 条有效记录` }).click();
  await expect(page.getByTestId('list-count')).toContainText(`共 ${inspectors.accepted.length + 2} 条`);
  await page.goto(`${hub.url}/#/sync`);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('0');
  await page.goto(`${hub.url}/#/draws`);
  await page.locator('.ant-layout-content a[href*="#/draws/"]').first().click();
  await expect(page).toHaveURL(/#\/draws\/[^/]+$/);
  const drawPath = new URL(page.url()).hash.slice(1);

  const officeScreens: [string, string][] = [
    ['/lists/entities', 'targets'], ['/lists/inspectors', 'inspectors'], ['/draw', 'draw'], ['/draws', 'draw-history'], [drawPath, 'draw-result'],
    [`${drawPath}/record`, 'draw-record'], ['/cases', 'cases'], [`/cases/${caseId}`, 'case'], [`/cases/${caseId}/ledger`, 'case-ledger'], ['/refunds', 'refunds'],
    ['/publication', 'publication'], ['/tariffs', 'tariffs'], ['/overcharge', 'overcharge'], ['/settings/inspection', 'settings'], ['/sync', 'sync'],
    ['/conflicts', 'conflicts'], ['/accounts', 'accounts'], ['/audit', 'audit'], ['/verify', 'verify'], ['/profile', 'profile'],
    ['/filings', 'filings'], ['/credit', 'credit'], [`/targets/${LONG_TARGET.uscc}`, 'target'], ['/statistics', 'statistics'],
  ];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const at = `${size.width}x${size.height}`;
    for (const [path, name] of officeScreens) {
      await page.goto(`${hub.url}/#${path}`);
      await settled(page);
      if (path === '/lists/entities') {
        await expect(page.getByTestId('list-count')).toContainText(`共 ${entities.accepted.length + 2} 条`);
        const table = page.getByRole('table', { name: '检查对象名录' });
        for (const title of ['联系电话', '地址', '状态']) await expectHeaderUncovered(page, table, title);
        // A long name is cut to one line; its full text is in a tooltip.
        // Back to the left, the name column in view.
        await expectHeaderUncovered(page, table, '名称');
        const search = page.locator('.ant-input-search input');
        await search.fill(LONG_TARGET.uscc);
        await expect(page.getByTestId('list-count')).toContainText('显示 1 条');
        const long = table.getByRole('cell').filter({ hasText: LONG_TARGET.name }).first();
        await expect(long).toBeVisible();
        expect((await long.boundingBox())!.height).toBeLessThan(48);
        await long.hover();
        await expect(page.getByRole('tooltip', { name: LONG_TARGET.name })).toBeVisible();
        await page.mouse.move(0, 0);
        await search.fill('');
      }
      if (path === '/conflicts') {
        const row = page.getByRole('row', { name: new RegExp(FIELD_TARGET.name) });
        await expect(row).toContainText('公摊电费加收，未公示收费依据');
        const cell = row.getByRole('cell').nth(1);
        await expect(cell).toHaveText('问题');
        // Wider than two characters of its own font, and on one line.
        const room = await cell.evaluate((e) => {
          const style = getComputedStyle(e);
          return { width: e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight), font: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6 };
        });
        expect(room.width).toBeGreaterThan(2 * room.font);
        expect(await lines(cell), '字段 on one line').toBe(1);
      }
      if (path === '/cases') {
        // 区, 记录数 and the code once wrapped (a character a line) at 1280.
        const row = page.getByRole('row', { name: new RegExp(FIELD_TARGET.name) });
        expect(await lines(row.getByRole('cell', { name: '鼓楼区', exact: true })), '区 on one line').toBe(1);
        expect(await lines(row.getByRole('cell', { name: FIELD_TARGET.uscc })), '统一社会信用代码 on one line').toBe(1);
        expect(await lines(page.getByRole('columnheader', { name: '记录数' })), '记录数 on one line').toBe(1);
        // A name cut short shows the whole in the page's tooltip; one shown whole needs none.
        const longRow = page.getByRole('row', { name: new RegExp(LONG_TARGET.uscc) });
        await longRow.getByText(LONG_TARGET.name).hover();
        await expect(page.getByRole('tooltip', { name: LONG_TARGET.name })).toBeVisible();
        await row.getByText(FIELD_TARGET.name, { exact: true }).hover();
        await expect(page.getByRole('tooltip')).toHaveCount(0);
        await page.mouse.move(0, 0);
      }
      if (path === `/cases/${caseId}`) await expect(page.getByText(FIELD_TARGET.name).first()).toBeVisible();
      if (path === '/statistics') {
        // Every header on one line; a table wider than the page scrolls in its card, the page does not.
        await expect(page.getByTestId('statistics-table-filings')).toBeVisible();
        const headers = await page.locator('[data-testid^="statistics-table-"] thead th').all();
        expect(headers.length).toBeGreaterThan(30);
        for (const th of headers) expect(await lines(th), `${await th.innerText()} on one line`).toBe(1);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 'the page scrolls sideways by').toBe(0);
      }
      await expectNamedInputs(page, `${name} at ${at}`);
      await screenshot(page, `laptop-${at}-${name}`);
    }
  }

  // The inspector: their cases, their tasks, the case's tabs and the on-site record's signing dialog.
  const inspectorContext = await browser.newContext({ viewport: SIZES[0] });
  watchBrowser(inspectorContext, browserLog);
  const wang = await inspectorContext.newPage();
  await enrollInBrowser(wang, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'wang'), '王检查的笔记本');
  await expect(wang.getByTestId('sync-badge')).toContainText('已同步');
  for (const size of SIZES) {
    await wang.setViewportSize(size);
    const at = `${size.width}x${size.height}`;
    for (const [path, name] of [['/cases', 'inspector-cases'], ['/tasks', 'inspector-tasks'], ['/tariffs', 'inspector-tariffs']] as const) {
      await wang.goto(`${hub.url}/#${path}`);
      await settled(wang);
      await expectNamedInputs(wang, `${name} at ${at}`);
      await screenshot(wang, `laptop-${at}-${name}`);
    }
    await wang.goto(`${hub.url}/#/cases/${caseId}`);
    await settled(wang);
    for (const tab of ['检查记录', '计量装置', '电价公示', '租户账单', '照片证据', '发现问题', '现场笔录']) {
      const handle = wang.getByRole('tab', { name: tab, exact: true });
      if (!(await handle.isVisible())) continue;
      await handle.click();
      await settled(wang);
      await expectNamedInputs(wang, `inspector case ${tab} at ${at}`);
      await screenshot(wang, `laptop-${at}-inspector-case-${tab}`);
    }
    await wang.getByRole('tab', { name: '现场笔录', exact: true }).click();
    await wang.getByTestId('sign-row').filter({ hasText: '王检查' }).getByRole('button', { name: /^签\s?名$/ }).click();
    const dialog = wang.getByRole('dialog');
    await expect(dialog.getByRole('img', { name: /签名/ })).toBeVisible();
    await expectNamedInputs(wang, `signing dialog at ${at}`);
    await screenshot(wang, `laptop-${at}-inspector-signing`);
    await dialog.getByRole('button', { name: /取\s?消/ }).click();
    await expect(dialog).toHaveCount(0);
  }
  await inspectorContext.close();
  await context.close();

  const antdWarnings = browserLog.filter((line) => /\[antd[:\]]/.test(line));
  expect(antdWarnings, 'antd warnings in the browser console').toEqual([]);
});
