// From approved case to refund order (issue 13, first part): the team keeps the landlord's ledger with
// the case and submits it; the office sets its issuing authority, approves the case, and issues a refund order from that ledger;
// the hub numbers it; the order is saved as PDF and as an Excel ledger, both checked value by value and
// kept under test-results/documents/ for verify-doc to read later. The second test runs the whole chain on a hub
// of its own: two inspectors offline (one syncs by network, the other by .tcase), the office settles their
// conflict, approves, issues the order, records the refunds with proof, and publishes the result (issue 13).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import sampleJson from '../../resources/tariffs/sample-fujian.json';
import { ledgerCheckOf } from '../../src-shared/inspection/ledgerCheck';
import { importLedger } from '../../src-shared/ledger/importLedger';
import { formatFen } from '../../src-shared/money';
import { computeOvercharge } from '../../src-shared/refund/overcharge';
import { refundTenantsOf } from '../../src-shared/refund/order';
import { TariffIndex } from '../../src-shared/tariff/lookup';
import { loadTariffTable } from '../../src-shared/tariff/types';
import { ledgerFile } from '../fixtures/ledgerFiles';
import { printedFingerprint } from '../../src-shared/seal/officeKey';
import { splitSealedPdf } from '../../src-shared/seal/pdfSeal';
import { workdayCalendarOf } from '../../src-shared/calendar/officeCalendar';
import { addWorkingDays, chinaToday } from '../../src-shared/calendar/workdays';
import { defaultOfficeSettings } from '../../src-shared/inspection/officeSettings';
import type { Page } from '@playwright/test';
import { expect, test, watchBrowser } from './fixtures';
import { chooseFile, pickOption, screenshot, tempFile } from './helpers';
import { FIELD_TARGET, startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, goOffline, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_DOCS_PORT ?? 4188);
const PORT2 = Number(process.env.E2E_DOCS_CHAIN_PORT ?? 4196);
const DOCUMENTS = join(process.cwd(), 'test-results', 'documents');
let field: FieldHub | undefined;
let chainField: FieldHub | undefined;

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'documents');
});

test.beforeAll(async ({ request }) => {
  chainField = await startFieldHub(request, PORT2, 'documents-chain');
});

test.afterAll(() => field?.stop());
test.afterAll(() => chainField?.stop());

/** The landlord's ledger (5 tenants) and what the shared code computes of it: what the app must show. */
async function landlordLedger() {
  const generated = await ledgerFile('simple', { tenants: 5 });
  const key = { region: '福建', category: '一般工商业', voltage: '不满1千伏' };
  const result = computeOvercharge(await importLedger(generated.bytes), { method: 'catalogue', tariffs: new TariffIndex(loadTariffTable(sampleJson)), key });
  const sha256 = createHash('sha256').update(generated.bytes).digest('hex');
  const check = ledgerCheckOf({ file: { sha256, name: '金鹰租户电费台账.xlsx', size: generated.bytes.length }, landlord: FIELD_TARGET.name, mapping: { fields: {}, fees: [] }, key, gridBills: new Map(), tariffTable: '福建示例' }, result);
  return { generated, result, sha256, tenants: refundTenantsOf(check) };
}

test('the office approves a case and issues its refund order: numbered by the hub, as PDF and as Excel, the amounts the ledger kept with the case', async ({ browser, request, browserLog }) => {
  test.setTimeout(180_000);
  const hub = field!;
  const office = { authorization: `Bearer ${hub.officeToken}` };
  // The team's work in 王检查's browser: the landlord's ledger computed inside the case and kept with
  // it, then the case submitted; back online it goes to the hub.
  const { generated, result, sha256, tenants } = await landlordLedger();
  expect(tenants.length).toBeGreaterThan(0);
  const team = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(team, browserLog);
  const laptop = await team.newPage();
  await enrollInBrowser(laptop, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'wang'), '王检查的笔记本');
  await expect(laptop.getByTestId('sync-badge')).toContainText('已同步');
  await laptop.goto(`${hub.url}/#/cases`);
  await laptop.getByText(FIELD_TARGET.name).first().click();
  await laptop.getByRole('tab', { name: '租户账单' }).click();
  await laptop.getByRole('button', { name: '在本案中核算台账' }).click();
  await chooseFile(laptop, laptop.getByRole('button', { name: '选择台账 Excel…' }), tempFile('金鹰租户电费台账.xlsx', generated.bytes));
  await laptop.getByRole('button', { name: /核\s?算/ }).click();
  await expect(laptop.getByTestId('oc-total')).toContainText(formatFen(result.totalOverchargeFen));
  await laptop.getByRole('button', { name: '保存到本案' }).click();
  await laptop.getByRole('tab', { name: '租户账单' }).click();
  await expect(laptop.getByTestId('ledger-check')).toContainText(sha256.slice(0, 16));
  await laptop.getByRole('button', { name: '提交审核' }).click();
  await expect(laptop.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
  await team.close();

  // The office's browser, on a fixed day before 国庆 so the deadline crosses the holiday.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await page.clock.setSystemTime(new Date('2026-09-25T02:00:00Z'));
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${hub.url}/#/settings/inspection`);
  await page.getByLabel('发文机关').fill('南京市鼓楼区市场监督管理局');
  await page.getByLabel('文号前缀').fill('鼓市监价退');
  await page.getByRole('button', { name: '保存并下发' }).click();
  await expect(page.getByTestId('settings-source')).toContainText('当前设置由 陈科长 于');

  await page.goto(`${hub.url}/#/cases`);
  // The review queue: counts per status, one click filters by it.
  const counts = page.getByTestId('status-counts');
  await expect(counts).toHaveText('待检查 0已提交 1已退回 0已审核 0');
  await counts.getByText('待检查 0').click();
  await expect(page.getByTestId('cases-count')).toContainText('显示 0 个');
  await counts.getByText('已提交 1').click();
  await expect(page.getByTestId('cases-count')).toContainText('显示 1 个');
  await page.getByText(FIELD_TARGET.name).first().click();
  await page.getByRole('tab', { name: '退费通知书' }).click();
  await expect(page.getByText('案件审核通过后，才能依据随案保存的电费台账制作退费通知书。')).toBeVisible();
  await page.getByRole('button', { name: '审核通过' }).click();
  await expect(page.locator('.ant-tag', { hasText: '已审核' }).first()).toBeVisible();
  const total = tenants.reduce((s, t) => s + t.totalFen, 0);
  // 15 working days after 2026-09-25, across 国庆 (10-01…10-07 off, 10-10 a make-up Saturday).
  await expect(page.getByTestId('refund-preview')).toHaveText(`南京市鼓楼区市场监督管理局责令退还 ${tenants.length} 户租户多收电费共计 ${formatFen(total)} 元，限 15 个工作日内退还（如今日送达，截止 2026-10-22）。`);
  await page.getByRole('button', { name: '制作通知书' }).click();
  const orders = page.getByTestId('refund-orders');
  await expect(orders).toContainText('鼓市监价退〔2026〕1号', { timeout: 30_000 });
  await expect(orders).toContainText('15 个工作日（2026-10-22）');
  // One order per ledger: the form now says so instead of offering a second.
  await expect(page.getByTestId('refund-done')).toContainText('鼓市监价退〔2026〕1号');
  await expect(page.getByRole('button', { name: '制作通知书' })).toHaveCount(0);
  await screenshot(page, '90-refund-order');

  mkdirSync(DOCUMENTS, { recursive: true });
  const save = async (button: string, name: string) => {
    const download = page.waitForEvent('download');
    await orders.getByRole('button', { name: button }).click();
    const path = join(DOCUMENTS, name);
    await (await download).saveAs(path);
    return path;
  };
  const pdf = await save('下载通知书 PDF', 'refund-order.pdf');
  // Signed by the hub's office key: the page says so, and verify-doc checks the file against the key
  // the hub lists (exit 0), an altered copy (exit 1, naming what differs) and another office's key.
  await expect(page.getByText('已保存，文件已加盖电子签章')).toBeVisible();
  const keys = (await (await request.get(`${hub.url}/api/v1/office-keys`, { headers: office })).json()) as { keys: { fingerprint: string; pem: string }[] };
  expect(keys.keys).toHaveLength(1);
  const keyFile = join(DOCUMENTS, 'office-key.pub');
  writeFileSync(keyFile, keys.keys.map((k) => k.pem).join('\n'));
  const verify = (file: string, key = keyFile) => spawnSync(process.execPath, [join(process.cwd(), 'bin/tariffcheck.cjs'), 'verify-doc', file, '--key', key], { encoding: 'utf8' });
  const genuine = verify(pdf);
  expect([genuine.status, genuine.stdout.split('\n')[0]]).toEqual([0, `核验通过：该文件由公钥指纹 ${printedFingerprint(keys.keys[0]!.fingerprint)} 的办案机构签发，内容未被改动。`]);
  expect(genuine.stdout).toContain('文号：鼓市监价退〔2026〕1号');
  expect(genuine.stdout).toContain(`退还金额合计：${formatFen(total)} 元`);
  const altered = join(DOCUMENTS, 'refund-order-altered.pdf');
  const bytes = readFileSync(pdf);
  bytes[Math.floor(bytes.length / 3)]! ^= 0x01;
  writeFileSync(altered, bytes);
  const refused = verify(altered);
  expect(refused.status).toBe(1);
  expect(refused.stdout).toMatch(/文件内容与签发时不同：签发时 SHA-256 [0-9a-f]{64}，现为 [0-9a-f]{64}/);
  const otherKey = join(DOCUMENTS, 'other-office-key.pub');
  writeFileSync(otherKey, '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n');
  expect(verify(pdf, otherKey).status).toBe(1);
  // The QR code's text, as a phone would read it, checked on the app's 文件核验 page (offline: the keys
  // came with the last sync); the same text with the amount changed is refused.
  const { envelope } = splitSealedPdf(new Uint8Array(readFileSync(pdf)));
  await page.goto(`${hub.url}/#/verify`);
  await expect(page.getByTestId('office-keys')).toContainText(printedFingerprint(keys.keys[0]!.fingerprint));
  await context.setOffline(true);
  await page.getByRole('textbox', { name: '二维码内容' }).fill(envelope);
  await page.getByRole('button', { name: /^核\s?验$/ }).click();
  await expect(page.getByTestId('verify-ok')).toContainText('核验通过：二维码中的摘要由公钥指纹');
  await expect(page.getByTestId('verify-summary')).toContainText('鼓市监价退〔2026〕1号');
  await expect(page.getByTestId('verify-summary')).toContainText(`${formatFen(total)} 元`);
  await screenshot(page, 'verify-qr');
  await page.getByRole('textbox', { name: '二维码内容' }).fill(envelope.replace(`${formatFen(total)} 元`, `${formatFen(total - 100)} 元`));
  await page.getByRole('button', { name: /^核\s?验$/ }).click();
  await expect(page.getByTestId('verify-failed')).toContainText('签名与摘要不符');
  // The PDF itself, chosen from disk: genuine, then the altered copy.
  await page.getByRole('tab', { name: 'PDF 文件' }).click();
  await chooseFile(page, page.getByRole('button', { name: '选择 PDF 文件' }), pdf);
  await expect(page.getByTestId('verify-ok')).toContainText('核验通过：该文件由公钥指纹');
  await chooseFile(page, page.getByRole('button', { name: '选择 PDF 文件' }), altered);
  await expect(page.getByTestId('verify-failed')).toContainText('文件内容与签发时不同');
  await screenshot(page, 'verify-pdf-altered');
  await context.setOffline(false);
  await page.goto(`${hub.url}/#/cases`);
  await page.getByText(FIELD_TARGET.name).first().click();
  await page.getByRole('tab', { name: '退费通知书' }).click();
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const expected of ['责令退还多收电费通知书', '鼓市监价退〔2026〕1号', FIELD_TARGET.uscc, `${formatFen(total)}元`, '2026年10月22日', '《价格违法行为行政处罚规定》第十六条', ...tenants.map((t) => t.tenant)]) expect(text).toContain(expected);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, join(DOCUMENTS, 'refund-order')]);
  copyFileSync(pdf, join(DOCUMENTS, 'refund-order-copy.pdf'));

  // The Excel ledger, read back value by value: every tenant and month, and the total, exact to the fen.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await save('下载退费台账', 'refund-order.xlsx'));
  const sheet = workbook.getWorksheet('退费台账')!;
  const rows: [string, string, number][] = [];
  sheet.eachRow((row) => {
    const [tenant, month, amount] = [row.getCell(2).value, row.getCell(3).value, row.getCell(4).value];
    if (typeof amount === 'number' && typeof month === 'string' && /^\d{4}-\d{2}$/.test(month)) rows.push([String(tenant), month, Math.round(amount * 100)]);
  });
  expect(rows).toEqual(tenants.flatMap((t) => t.months.map((m) => [t.tenant, m.month, m.overchargeFen] as [string, string, number])));
  expect(rows.reduce((s, r) => s + r[2], 0)).toBe(total);
  // Refund tracking: the first tenant pays in two parts with a bank slip each (more than ordered is
  // refused, saying what is left), then the office verifies; the totals follow to the fen.
  const [first] = tenants as [typeof tenants[0]];
  const half = Math.floor(first.totalFen / 2);
  const tracking = page.getByTestId('refund-tracking');
  const row = tracking.getByRole('row', { name: new RegExp(first.tenant) });
  const pay = async (fen: number) => {
    await row.getByRole('button', { name: '登记退还' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/本次退还金额/).fill((fen / 100).toFixed(2));
    await chooseFile(page, dialog.getByRole('button', { name: '选择凭证文件' }), pdf);
    await dialog.getByRole('button', { name: /^确\s?定$/ }).click();
  };
  await pay(first.totalFen + 1);
  await expect(page.getByText(`退还金额超过尚未退还的 ${formatFen(first.totalFen)} 元。`)).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: /^取\s?消$/ }).click();
  await pay(half);
  await expect(row).toContainText('部分退还');
  await pay(first.totalFen - half);
  await expect(row).toContainText('已退还');
  await row.getByRole('button', { name: /^核\s?实$/ }).click();
  await expect(row).toContainText('已核实');
  await expect(page.getByTestId('refund-totals')).toHaveText(`应退 ${formatFen(total)} 元，已退 ${formatFen(first.totalFen)} 元，已核实 ${formatFen(first.totalFen)} 元；逾期未退 0 户`);
  await screenshot(page, '91-refund-tracking');
  await expect(async () => {
    const events = (await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: office })).json()) as { changes: { table: string; row: { event: { kind: string; amountFen: number } } }[] };
    expect(events.changes.filter((c) => c.table === 'refundEvents').map((c) => [c.row.event.kind, c.row.event.amountFen])).toEqual([['paid', half], ['paid', first.totalFen - half], ['verified', 0]]);
  }).toPass({ timeout: 30_000 });

  // 退费跟踪: the overall figures and the landlord's row, exact to the fen, nothing overdue yet.
  await page.getByRole('menuitem', { name: '退费跟踪' }).click();
  const overall = page.getByTestId('refunds-overall');
  await expect(overall).toContainText(`应退（元）${formatFen(total)}`);
  await expect(overall).toContainText(`已退（元）${formatFen(first.totalFen)}`);
  await expect(overall).toContainText('逾期未退（户）0');
  await page.getByText('按转供电主体').click();
  await expect(page.getByTestId('refunds-table').getByRole('row', { name: new RegExp(FIELD_TARGET.name) })).toContainText(`1${formatFen(total)}${formatFen(first.totalFen)}${formatFen(first.totalFen)}0`);
  await screenshot(page, '92-refunds-overview');
  // The review queue filters by result: the case is among those with a refund ordered, not among those with nothing found.
  await page.getByRole('menuitem', { name: '检查案件' }).click();
  const pick = async (label: string, option: string) => {
    await page.getByLabel(label).click();
    await pickOption(page, option);
  };
  await pick('检查结果', '责令退还');
  await expect(page.getByTestId('cases-count')).toContainText('显示 1 个');
  await pick('检查结果', '未发现问题');
  await expect(page.getByTestId('cases-count')).toContainText('显示 0 个');

  // The hub holds the order with its number, the same amounts.
  const all = (await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: office })).json()) as { changes: { table: string; row: { order: { docNo: string; totalFen: number } } }[] };
  expect(all.changes.filter((c) => c.table === 'refundOrders').map((c) => [c.row.order.docNo, c.row.order.totalFen])).toEqual([['鼓市监价退〔2026〕1号', total]]);
  await context.close();
});

/**
 * A year for the test only, when the app's calendar does not reach the deadlines of a case closed today (the
 * State Council's notice for it is not in the app): 元旦 off, no make-up days. Pushed as the office's setting.
 */
function testYear(year: number) {
  return { source: { title: `测试用 ${year} 年日历（非官方）`, number: '测试', issued: `${year - 1}-11-01`, url: 'https://example.org/test-calendar' }, holidays: [{ name: '元旦', dates: [`${year}-01-01`] }], workdays: [] };
}

/** The meter form of 计量装置 (the add form on the page), as field-kit.spec fills it. */
async function addMainMeter(page: Page, meterNo: string, label: string): Promise<void> {
  await page.getByText('总表（供电企业计量）', { exact: true }).click();
  await page.getByLabel('表号').fill(meterNo);
  await page.getByLabel('准确度等级').click();
  await pickOption(page, '0.2S');
  await page.getByLabel('倍率').fill('80');
  await page.getByText('完好', { exact: true }).click();
  await page.getByLabel('检定合格标志').fill(label);
  await page.getByLabel('检定日期').fill('2024-06-01');
  await page.getByLabel('上次读数').fill('500');
  await page.getByLabel('抄表时间').first().fill('2026-03-01T10:00');
  await page.getByLabel('本次读数').fill('512.5');
  await page.getByLabel('抄表时间').last().fill('2026-04-01T10:00');
  await page.getByRole('button', { name: '添加电表' }).click();
}

/** 修改 on a meter's row: the dialog's 检定合格标志 changed, the rest kept. */
async function editMeterLabel(page: Page, meterNo: string, label: string): Promise<void> {
  await page.getByTestId('meter-table').getByRole('row', { name: new RegExp(meterNo) }).getByRole('button', { name: /^修\s?改$/ }).click();
  const dialog = page.getByRole('dialog', { name: `修改电表 ${meterNo}` });
  await dialog.getByLabel('检定合格标志').fill(label);
  await dialog.getByRole('button', { name: '保存修改' }).click();
  await expect(dialog).toHaveCount(0);
}

test('the whole chain: two inspectors offline, one syncs by network and one by .tcase; the office settles the conflict, approves, orders the refund, tracks it and publishes', async ({ browser, request, browserLog }, info) => {
  test.setTimeout(300_000);
  const hub = chainField!;
  const office = { authorization: `Bearer ${hub.officeToken}` };
  mkdirSync(DOCUMENTS, { recursive: true });
  // Today by the hub's clock (it dates the approval); the calendar must reach the deadlines counted from it.
  const today = chinaToday(new Date());
  const year = today.slice(0, 4);
  const builtIn = workdayCalendarOf(defaultOfficeSettings());
  const reaches = (() => {
    try {
      addWorkingDays(builtIn, today, 20);
      return true;
    } catch {
      return false;
    }
  })();
  const calendarSetting = reaches ? null : { title: '测试用日历', years: { [Number(year) + 1]: testYear(Number(year) + 1) } };
  if (calendarSetting) await hub.officePush(request, 'putOfficeSettings', { settings: { ...defaultOfficeSettings(), calendar: calendarSetting } });
  const calendar = workdayCalendarOf({ calendar: calendarSetting });
  /** The case's records as the hub holds them now (the latest version of each). */
  const hubRecords = async () => {
    const pulled = (await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: office })).json()) as { changes: { table: string; row: { id: string; kind: string; data: Record<string, unknown> } }[] };
    const latest = new Map(pulled.changes.filter((c) => c.table === 'records').map((c) => [c.row.id, c.row]));
    return [...latest.values()];
  };

  // The landlord's ledger as the team computes it inside the case.
  const { generated, result, sha256, tenants } = await landlordLedger();
  expect(tenants.length).toBeGreaterThanOrEqual(3);
  for (const t of tenants) expect(t.totalFen).toBeGreaterThanOrEqual(3);
  const total = tenants.reduce((s, t) => s + t.totalFen, 0);

  // 1. 王检查 online: the main meter (检定合格标志 as he found it), the ledger kept with the case; synced.
  const wangContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(wangContext, browserLog);
  const wang = await wangContext.newPage();
  await enrollInBrowser(wang, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'wang'), '王检查的笔记本');
  await expect(wang.getByTestId('sync-badge')).toContainText('已同步');
  await wang.goto(`${hub.url}/#/cases`);
  await wang.getByText(FIELD_TARGET.name).first().click();
  await wang.getByRole('tab', { name: '计量装置' }).click();
  await addMainMeter(wang, 'M-01', '合格标志完好');
  await expect(wang.getByTestId('meter-table').getByRole('row', { name: /M-01/ })).toContainText('1000');
  await wang.getByRole('tab', { name: '租户账单' }).click();
  await wang.getByRole('button', { name: '在本案中核算台账' }).click();
  await chooseFile(wang, wang.getByRole('button', { name: '选择台账 Excel…' }), tempFile('金鹰租户电费台账-chain.xlsx', generated.bytes));
  await wang.getByRole('button', { name: /核\s?算/ }).click();
  await expect(wang.getByTestId('oc-total')).toContainText(formatFen(result.totalOverchargeFen));
  await wang.getByRole('button', { name: '保存到本案' }).click();
  await wang.getByRole('tab', { name: '租户账单' }).click();
  await expect(wang.getByTestId('ledger-check')).toContainText(sha256.slice(0, 16));
  await expect(wang.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
  // The badge said 已同步 before these writes too: wait for the hub to hold them.
  await expect.poll(async () => (await hubRecords()).map((r) => r.kind).sort(), { timeout: 30_000 }).toEqual(['ledgerCheck', 'meter']);

  // 2. 李检查's laptop pulls the case with 王's meter, then works offline: he changes the meter's
  // 检定合格标志 and hands his unsynced work over as a .tcase.
  const liContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  watchBrowser(liContext, browserLog);
  const li = await liContext.newPage();
  await enrollInBrowser(li, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'li'), '李检查的笔记本');
  await expect(li.getByTestId('sync-badge')).toContainText('已同步');
  await li.goto(`${hub.url}/#/cases`);
  await li.evaluate(async () => { await navigator.serviceWorker.ready; });
  await goOffline(liContext);
  await li.getByText(FIELD_TARGET.name).first().click();
  await li.getByRole('tab', { name: '计量装置' }).click();
  await expect(li.getByTestId('meter-table').getByRole('row', { name: /M-01/ })).toContainText('1000');
  await editMeterLabel(li, 'M-01', '合格标志已脱落');
  await expect(li.getByTestId('sync-badge')).toContainText('待同步 1');
  await li.getByRole('menuitem', { name: '同步' }).click();
  const tcaseDownload = li.waitForEvent('download');
  await li.getByRole('button', { name: '导出未同步的工作' }).click();
  const tcase = join(info.outputDir, 'li.tcase');
  await (await tcaseDownload).saveAs(tcase);
  await liContext.close();

  // 3. Meanwhile 王, online, writes another value into the same field; it reaches the hub first.
  await wang.getByRole('tab', { name: '计量装置' }).click();
  await editMeterLabel(wang, 'M-01', '合格标志字迹模糊');
  await expect(wang.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
  await expect.poll(async () => (await hubRecords()).find((r) => r.kind === 'meter')?.data.verificationLabel, { timeout: 30_000 }).toBe('合格标志字迹模糊');

  // 4. The office: its issuing authority, then 李's case file: his edit is merged, 王's value kept beside it.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${hub.url}/#/settings/inspection`);
  if (calendarSetting) {
    // The badge says 已同步 as soon as nothing waits to go up, maybe before the first pull has brought the
    // settings with the added year; the form copies the settings once, when it opens. So: the settings
    // arrived, then the form opened afresh, showing the added year.
    await expect(page.getByTestId('settings-source')).toContainText('当前设置由 陈科长 于');
    await page.goto(`${hub.url}/#/cases`);
    await page.goto(`${hub.url}/#/settings/inspection`);
    await expect(page.locator('.ant-card', { hasText: '工作日历（法定节假日与调休）' })).toContainText(`测试用 ${Number(year) + 1} 年日历（非官方）`);
  }
  await page.getByLabel('发文机关').fill('南京市鼓楼区市场监督管理局');
  await page.getByLabel('文号前缀').fill('鼓市监价退');
  await page.getByRole('button', { name: '保存并下发' }).click();
  await expect(page.getByTestId('settings-source')).toContainText('当前设置由 陈科长 于');
  await expect.poll(async () => {
    const pulled = (await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: office })).json()) as { changes: { table: string; row: { settings: { refund: { officeName: string }; calendar: unknown } } }[] };
    const settings = pulled.changes.filter((c) => c.table === 'officeSettings').at(-1)?.row.settings;
    return [settings?.refund.officeName, settings?.calendar ?? null];
  }, { timeout: 30_000 }).toEqual(['南京市鼓楼区市场监督管理局', calendarSetting]);
  await page.goto(`${hub.url}/#/sync`);
  await chooseFile(page, page.getByRole('button', { name: '导入案件文件…' }), tcase);
  // The file's report: 李's edit went over 王's newer value, so it is counted as a conflict (kept for 冲突处理 below).
  await expect(page.getByRole('alert').filter({ hasText: 'li.tcase' })).toHaveText('li.tcase来自 li：新增 0 项，已有 0 项，冲突 1 项，被拒绝 0 项；照片新增 0 张');
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${hub.url}/#/conflicts`);
  const conflict = page.getByRole('row', { name: /金鹰购物中心/ });
  const time = String.raw`\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}`;
  await expect(conflict.getByRole('cell')).toHaveText([
    '金鹰购物中心计量装置：M-01',
    '检定合格标志',
    new RegExp(`^合格标志字迹模糊王检查 · ${time}$`),
    new RegExp(`^合格标志已脱落李检查 · ${time}$`),
    '改用被覆盖的值保留现行的值',
  ]);
  await screenshot(page, '97-chain-conflict');
  // 王's value, the one 李's file overwrote, is what the office keeps.
  await conflict.getByRole('button', { name: '改用被覆盖的值' }).click();
  await expect(conflict).toContainText('已选定，待同步');
  await page.goto(`${hub.url}/#/sync`);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('0');
  await page.goto(`${hub.url}/#/conflicts`);
  await expect(page.getByRole('row', { name: /金鹰购物中心/ }).getByRole('cell').last()).toHaveText('已处理采用了被覆盖的值 · office');
  await expect.poll(async () => (await hubRecords()).filter((r) => r.kind === 'meter').map((r) => [r.data.meterNo, r.data.verificationLabel]), { timeout: 30_000 }).toEqual([['M-01', '合格标志字迹模糊']]);

  // 王 submits the case (his laptop in step with the hub first). Only now: a submitted case takes no edit from
  // its team until it is returned, so 李's file merged after the submission would have been refused (frozen),
  // not kept as a conflict; and the approval waits for every conflict of the case settled.
  await wang.goto(`${hub.url}/#/sync`);
  await wang.getByRole('button', { name: '立即同步' }).click();
  await expect(wang.getByTestId('sync-badge')).toContainText('已同步');
  await wang.goto(`${hub.url}/#/cases`);
  await wang.getByText(FIELD_TARGET.name).first().click();
  await wang.getByRole('button', { name: '提交审核' }).click();
  await expect(wang.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
  await expect(async () => {
    const pulled = (await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: office })).json()) as { changes: { table: string; row: { status: string } }[] };
    expect(pulled.changes.filter((c) => c.table === 'cases').map((c) => c.row.status).at(-1)).toBe('submitted');
  }).toPass({ timeout: 30_000 });
  await wangContext.close();

  // The office approves from 审核总览 (its first tab on a submitted case) and issues the refund order.
  await page.goto(`${hub.url}/#/sync`);
  await page.getByRole('button', { name: '立即同步' }).click();
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${hub.url}/#/cases`);
  await expect(page.getByTestId('status-counts')).toHaveText('待检查 0已提交 1已退回 0已审核 0');
  await page.getByText(FIELD_TARGET.name).first().click();
  await expect(page.getByRole('tab', { name: '审核总览', selected: true })).toBeVisible();
  await page.getByRole('button', { name: '审核通过' }).click();
  await expect(page.locator('.ant-tag', { hasText: '已审核' }).first()).toBeVisible();
  await page.getByRole('tab', { name: '退费通知书' }).click();
  const refundDeadline = addWorkingDays(calendar, today, 15);
  await expect(page.getByTestId('refund-preview')).toHaveText(`南京市鼓楼区市场监督管理局责令退还 ${tenants.length} 户租户多收电费共计 ${formatFen(total)} 元，限 15 个工作日内退还（如今日送达，截止 ${refundDeadline}）。`);
  await page.getByRole('button', { name: '制作通知书' }).click();
  const docNo = `鼓市监价退〔${year}〕1号`;
  const orders = page.getByTestId('refund-orders');
  await expect(orders).toContainText(docNo, { timeout: 30_000 });
  await expect(orders).toContainText(`15 个工作日（${refundDeadline}）`);
  const pdfDownload = page.waitForEvent('download');
  await orders.getByRole('button', { name: '下载通知书 PDF' }).click();
  const pdf = join(DOCUMENTS, 'chain-refund-order.pdf');
  await (await pdfDownload).saveAs(pdf);
  await expect(page.getByText('已保存，文件已加盖电子签章')).toBeVisible();
  const keys = (await (await request.get(`${hub.url}/api/v1/office-keys`, { headers: office })).json()) as { keys: { fingerprint: string; pem: string }[] };
  expect(keys.keys).toHaveLength(1);
  const keyFile = join(DOCUMENTS, 'chain-office-key.pub');
  writeFileSync(keyFile, keys.keys.map((k) => k.pem).join('\n'));
  const verify = (file: string) => spawnSync(process.execPath, [join(process.cwd(), 'bin/tariffcheck.cjs'), 'verify-doc', file, '--key', keyFile], { encoding: 'utf8' });
  const genuine = verify(pdf);
  expect([genuine.status, genuine.stdout.split('\n')[0]]).toEqual([0, `核验通过：该文件由公钥指纹 ${printedFingerprint(keys.keys[0]!.fingerprint)} 的办案机构签发，内容未被改动。`]);
  expect(genuine.stdout).toContain(`文号：${docNo}`);
  expect(genuine.stdout).toContain(`退还金额合计：${formatFen(total)} 元`);

  // 5. Refunds, each with a bank slip: the first tenant in two parts, then verified; the last pays part and
  // then cannot be found; the others in full. The totals follow to the fen.
  const tracking = page.getByTestId('refund-tracking');
  const rowOf = (tenant: string) => tracking.getByRole('row').filter({ has: page.getByRole('cell', { name: tenant, exact: true }) });
  const pay = async (tenant: string, fen: number) => {
    await rowOf(tenant).getByRole('button', { name: '登记退还' }).click();
    const dialog = page.getByRole('dialog', { name: `登记退还：${tenant}` });
    await dialog.getByLabel(/本次退还金额/).fill((fen / 100).toFixed(2));
    await chooseFile(page, dialog.getByRole('button', { name: '选择凭证文件' }), pdf);
    await dialog.getByRole('button', { name: /^确\s?定$/ }).click();
    await expect(dialog).toHaveCount(0);
  };
  const first = tenants[0]!;
  const last = tenants.at(-1)!;
  const middle = tenants.slice(1, -1);
  const half = Math.floor(first.totalFen / 2);
  await pay(first.tenant, half);
  await expect(rowOf(first.tenant)).toContainText('部分退还');
  await pay(first.tenant, first.totalFen - half);
  await expect(rowOf(first.tenant)).toContainText('已退还');
  await rowOf(first.tenant).getByRole('button', { name: /^核\s?实$/ }).click();
  await expect(rowOf(first.tenant)).toContainText('已核实');
  for (const t of middle) {
    await pay(t.tenant, t.totalFen);
    await expect(rowOf(t.tenant)).toContainText('已退还');
  }
  const lastPart = Math.floor(last.totalFen / 3);
  await pay(last.tenant, lastPart);
  await expect(rowOf(last.tenant)).toContainText('部分退还');
  await rowOf(last.tenant).getByRole('button', { name: '无法联系' }).click();
  const unreachable = page.getByRole('dialog', { name: `无法联系：${last.tenant}` });
  await unreachable.getByRole('textbox', { name: '联系经过（将以公告方式退还）' }).fill('租户已撤场，电话停机，三次上门未遇。');
  await unreachable.getByRole('button', { name: /^确\s?定$/ }).click();
  await expect(rowOf(last.tenant)).toContainText('无法联系');
  const paid = first.totalFen + middle.reduce((s, t) => s + t.totalFen, 0) + lastPart;
  const verified = first.totalFen;
  await expect(page.getByTestId('refund-totals')).toHaveText(`应退 ${formatFen(total)} 元，已退 ${formatFen(paid)} 元，已核实 ${formatFen(verified)} 元；逾期未退 0 户`);
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
  await expect(async () => {
    const events = (await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: office })).json()) as { changes: { table: string; row: { event: { tenant: string; kind: string; amountFen: number; proof: { type: string } | null } } }[] };
    expect(events.changes.filter((c) => c.table === 'refundEvents').map((c) => [c.row.event.tenant, c.row.event.kind, c.row.event.amountFen, c.row.event.proof?.type ?? null])).toEqual([
      [first.tenant, 'paid', half, 'application/pdf'], [first.tenant, 'paid', first.totalFen - half, 'application/pdf'], [first.tenant, 'verified', 0, null],
      ...middle.map((t) => [t.tenant, 'paid', t.totalFen, 'application/pdf']),
      [last.tenant, 'paid', lastPart, 'application/pdf'], [last.tenant, 'unreachable', 0, null],
    ]);
  }).toPass({ timeout: 30_000 });
  await page.getByRole('menuitem', { name: '退费跟踪' }).click();
  const overall = page.getByTestId('refunds-overall');
  await expect(overall).toContainText('通知书1');
  await expect(overall).toContainText(`应退（元）${formatFen(total)}`);
  await expect(overall).toContainText(`已退（元）${formatFen(paid)}`);
  await expect(overall).toContainText(`已核实（元）${formatFen(verified)}`);
  await expect(overall).toContainText('逾期未退（户）0');
  await page.getByText('按转供电主体').click();
  await expect(page.getByTestId('refunds-table').getByRole('row', { name: new RegExp(FIELD_TARGET.name) }).getByRole('cell')).toHaveText([FIELD_TARGET.name, '1', formatFen(total), formatFen(paid), formatFen(verified), '0']);

  // 6. 结果公示: the plan's case closed today, due within 20 working days; published today, exported.
  await page.getByRole('menuitem', { name: '结果公示' }).click();
  await page.getByLabel('抽查计划').click();
  await pickOption(page, '2026 年第一季度转供电检查（1 户）');
  const publicationDeadline = addWorkingDays(calendar, today, 20);
  const board = page.getByTestId('publication-table').locator('tr', { hasText: FIELD_TARGET.name });
  await expect(board.getByRole('cell')).toHaveText(['', `${FIELD_TARGET.name}${FIELD_TARGET.uscc} · 鼓楼区`, '已审核', today, publicationDeadline, '待公示', '责令退还', '']);
  await board.getByRole('checkbox').check();
  await screenshot(page, '98-chain-publication-due');
  await page.getByRole('button', { name: '公示所选（1）' }).click();
  const dialog = page.getByRole('dialog', { name: '公示抽查结果' });
  await expect(dialog).toContainText('将公示 1 户检查对象的检查结果');
  await dialog.getByLabel('公示日期').fill(today);
  await dialog.getByLabel('公示日期').press('Enter');
  await dialog.getByRole('button', { name: '确认公示' }).click();
  await expect(board).toContainText(`已公示 ${today}`);
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
  await expect(board).not.toContainText('待同步');
  await expect(page.getByTestId('publication-counts')).toContainText('已公示1');
  await screenshot(page, '99-chain-publication-published');
  await expect(async () => {
    const pulled = (await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: office })).json()) as { changes: { table: string; row: unknown }[] };
    expect(pulled.changes.filter((c) => c.table === 'publications')).toHaveLength(1);
  }).toPass({ timeout: 30_000 });

  // The notice as Excel, read back value by value.
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出公示 Excel' }).click();
  const xlsx = join(DOCUMENTS, 'chain-publication.xlsx');
  await (await xlsxDownload).saveAs(xlsx);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const sheet = workbook.getWorksheet('抽查结果公示')!;
  const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
  expect(sheet.getCell('A1').value).toBe('2026 年第一季度转供电检查 双随机抽查结果公示');
  expect(values(3)).toEqual(['序号', '检查对象名称', '统一社会信用代码', '地址', '检查日期/办结日期', '检查结果', '处理情况', '公示日期']);
  expect(values(4)).toEqual([1, FIELD_TARGET.name, FIELD_TARGET.uscc, FIELD_TARGET.address, today, '责令退还', `${docNo}，责令退还 ${formatFen(total)} 元`, today]);
  expect(sheet.getRow(5).cellCount).toBe(0);
  expect(sheet.getRow(6).getCell(7).value).toBe('南京市鼓楼区市场监督管理局');
  // The notice of what was published is sealed with the office key like the order (the page says so), and
  // verify-doc reads it back: the plan, the office, the date, one target ordered to refund.
  const noticeDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出公示 PDF' }).click();
  const noticePdf = join(DOCUMENTS, 'chain-publication.pdf');
  await (await noticeDownload).saveAs(noticePdf);
  await expect(page.getByText('已保存，文件已加盖电子签章')).toBeVisible();
  const text = execFileSync('pdftotext', ['-raw', noticePdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const expected of ['2026年第一季度转供电检查双随机抽查结果公示', FIELD_TARGET.name, FIELD_TARGET.uscc, '责令退还', `${docNo}，责令退还${formatFen(total)}元`, '南京市鼓楼区市场监督管理局']) expect(text).toContain(expected);
  const notice = verify(noticePdf);
  expect([notice.status, notice.stdout.split('\n')[0]]).toEqual([0, `核验通过：该文件由公钥指纹 ${printedFingerprint(keys.keys[0]!.fingerprint)} 的办案机构签发，内容未被改动。`]);
  for (const line of ['标题：双随机抽查结果公示', '签发机构：南京市鼓楼区市场监督管理局', `日期：${today}`, '抽查计划：2026 年第一季度转供电检查', '公示对象数：1', '其中责令退还：1']) expect(notice.stdout).toContain(line);
  await context.close();
});
