// From approved case to refund order (issue 13, first part): the team keeps the landlord's ledger with
// the case and submits it; the office sets its issuing authority, approves the case, and issues a refund order from that ledger;
// the hub numbers it; the order is saved as PDF and as an Excel ledger, both checked value by value and
// kept under test-results/documents/ for verify-doc to read later.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
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
import { expect, test, watchBrowser } from './fixtures';
import { chooseFile, screenshot, tempFile } from './helpers';
import { FIELD_TARGET, startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_DOCS_PORT ?? 4188);
const DOCUMENTS = join(process.cwd(), 'test-results', 'documents');
let field: FieldHub | undefined;

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'documents');
});

test.afterAll(() => field?.stop());

test('the office approves a case and issues its refund order: numbered by the hub, as PDF and as Excel, the amounts the ledger kept with the case', async ({ browser, request, browserLog }) => {
  test.setTimeout(180_000);
  const hub = field!;
  const office = { authorization: `Bearer ${hub.officeToken}` };
  // The team's work in 王检查's browser: the landlord's ledger computed inside the case and kept with
  // it, then the case submitted; back online it goes to the hub.
  const generated = await ledgerFile('simple', { tenants: 5 });
  const key = { region: '福建', category: '一般工商业', voltage: '不满1千伏' };
  const result = computeOvercharge(await importLedger(generated.bytes), { method: 'catalogue', tariffs: new TariffIndex(loadTariffTable(sampleJson)), key });
  const sha256 = createHash('sha256').update(generated.bytes).digest('hex');
  const check = ledgerCheckOf({ file: { sha256, name: '金鹰租户电费台账.xlsx', size: generated.bytes.length }, landlord: FIELD_TARGET.name, mapping: { fields: {}, fees: [] }, key, gridBills: new Map(), tariffTable: '福建示例' }, result);
  const tenants = refundTenantsOf(check);
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
    await page.getByTitle(option, { exact: true }).click();
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
