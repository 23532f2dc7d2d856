// Issue 13: the reviewer's case view with everything side by side (审核总览), and refund reminders (催告).
// The team's records reach the hub through its API (meters, the posted tariff, the ledger kept with the
// case, findings taken and declined, photos, the on-site record signed and a supplement the party refused
// with no witness yet); the office's browser opens the submitted case on 审核总览 at 1280 and 1440 px,
// cannot approve (the supplement wants a witness), may not return the case without a note, returns it with
// one. Two more cases are approved with refund orders, one overdue and one due within 3 working days: the
// office is told so once on start, the 退费跟踪 menu counts the overdue one, the notice links to the
// filtered list, and the reminder letter is issued, saved as PDF, recorded at the hub and shown as 已催告.
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import sampleJson from '../../resources/tariffs/sample-fujian.json';
import { workdayCalendarOf } from '../../src-shared/calendar/officeCalendar';
import { addWorkingDays, chinaToday } from '../../src-shared/calendar/workdays';
import { ledgerCheckOf, type LedgerCheck } from '../../src-shared/inspection/ledgerCheck';
import { importLedger } from '../../src-shared/ledger/importLedger';
import { formatFen } from '../../src-shared/money';
import { REFUND_BASIS, refundTenantsOf, type RefundOrder } from '../../src-shared/refund/order';
import { computeOvercharge } from '../../src-shared/refund/overcharge';
import { TariffIndex } from '../../src-shared/tariff/lookup';
import { loadTariffTable } from '../../src-shared/tariff/types';
import { ledgerFile } from '../fixtures/ledgerFiles';
import { TINY_JPEG, TINY_PNG } from '../fixtures/photos';
import { expect, test, watchBrowser } from './fixtures';
import { screenshot } from './helpers';
import { FIELD_TARGET, startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_REVIEW_PORT ?? 4392);
const DOCUMENTS = join(process.cwd(), 'test-results', 'documents');
const OVERDUE = { uscc: '91320106MA1MXXXX1B', name: '新街口百货', address: '中山南路 1 号', lng: null, lat: null };
const DUE_SOON = { uscc: '91320106MA1MXXXX2C', name: '湖南路商场', address: '湖南路 8 号', lng: null, lat: null };
let field: FieldHub | undefined;

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'review', [FIELD_TARGET, OVERDUE, DUE_SOON]);
});
test.afterAll(() => field?.stop());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A device of 王检查 driven through the hub's API, numbering its mutations like a laptop's outbox. */
async function teamDevice(request: APIRequestContext, hub: FieldHub) {
  const enroll = await request.post(`${hub.url}/api/v1/devices/enroll`, { data: { code: await pairingCode(request, hub.url, hub.officeToken, 'wang'), deviceName: 'wang-script' } });
  const headers = { authorization: `Bearer ${((await enroll.json()) as { token: string }).token}` };
  let next = 1;
  const push = async (mutations: [string, unknown][]) => {
    const reply = await request.post(`${hub.url}/api/v1/push`, { headers, data: { clientTime: new Date().toISOString(), mutations: mutations.map(([name, args]) => ({ id: next++, name, args, hlc: 'x' })) } });
    const body = (await reply.json()) as { results: { outcome: string }[] };
    expect(body.results.map((r) => r.outcome)).toEqual(mutations.map(() => 'applied'));
  };
  const upload = async (bytes: Uint8Array) => {
    const put = await request.put(`${hub.url}/api/v1/blobs/${sha(bytes)}?offset=0&size=${bytes.length}`, { headers: { ...headers, 'content-type': 'application/octet-stream' }, data: Buffer.from(bytes) });
    expect(put.ok()).toBe(true);
    return sha(bytes);
  };
  const pulled = (await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers })).json()) as { changes: { table: string; row: { id: string; uscc: string } }[] };
  const caseOf = (uscc: string) => pulled.changes.find((c) => c.table === 'cases' && c.row.uscc === uscc)!.row.id;
  return { push, upload, caseOf };
}

async function keptLedger(name: string): Promise<LedgerCheck> {
  const generated = await ledgerFile('simple', { tenants: 5 });
  const key = { region: '福建', category: '一般工商业', voltage: '不满1千伏' };
  const result = computeOvercharge(await importLedger(generated.bytes), { method: 'catalogue', tariffs: new TariffIndex(loadTariffTable(sampleJson)), key });
  return ledgerCheckOf({ file: { sha256: sha(generated.bytes), name, size: generated.bytes.length }, landlord: name, mapping: { fields: {}, fees: [] }, key, gridBills: new Map(), tariffTable: '福建示例' }, result);
}

const meter = (meterNo: string, role: 'main' | 'sub', tenant: string, readings: [string, string], extra: Record<string, unknown> = {}) => ({
  role, meterNo, type: 'electronic', accuracyClass: '2', multiplier: '1', decimals: 2, tenant, sealIntact: true, verificationLabel: '合格', verifiedOn: '2022-05-10',
  readings: [{ at: '2026-11-02T02:00:00.000Z', value: readings[0] }, { at: '2026-12-01T02:00:00.000Z', value: readings[1] }], photos: [], note: '', ...extra,
});

test('审核总览: everything the team recorded side by side; approval blocked with the reason, a return needs a note', async ({ browser, request, browserLog }) => {
  test.setTimeout(180_000);
  const hub = field!;
  const team = await teamDevice(request, hub);
  const caseId = team.caseOf(FIELD_TARGET.uscc);
  const ledger = await keptLedger('金鹰租户电费台账.xlsx');
  const photos = await Promise.all(Array.from({ length: 10 }, async (_, i) => {
    const bytes = new Uint8Array([...TINY_JPEG, i]);
    return { sha256: await team.upload(bytes), name: `现场-${i + 1}.jpg`, type: 'image/jpeg', size: bytes.length, takenAt: `2026-12-01T0${i % 10}:10:00.000Z`, position: null, caption: i === 0 ? '总表铅封' : `商户电表 ${i}`, links: [] };
  }));
  const ink = await team.upload(TINY_PNG);
  const recordId = randomUUID();
  const supplementId = randomUUID();
  const party = { name: FIELD_TARGET.name, uscc: FIELD_TARGET.uscc, address: FIELD_TARGET.address, representative: '赵经理', title: '物业经理', phone: '' };
  const inspectors = [{ certNo: 'GL-001', name: '王检查' }, { certNo: 'GL-002', name: '李检查' }];
  const signed = (role: string, name: string, certNo: string, at: string) => ({ recordId, role, name, certNo, image: ink, refused: false, note: '', signedAt: at });
  const add = (kind: string, data: unknown, id = randomUUID()): [string, unknown] => ['addRecord', { id, caseId, kind, data }];
  await team.push([
    add('meter', meter('Z-001', 'main', '', ['1000', '2000'], { sealIntact: false })),
    add('meter', meter('S-101', 'sub', '奶茶店', ['100', '400'])),
    add('meter', meter('S-102', 'sub', '书店', ['500', '480'], { verifiedOn: null, verificationLabel: '' })),
    add('tariffPosting', { posted: true, location: '物业服务中心公告栏', month: '2026-03', region: '福建', voltage: '不满1千伏', prices: [{ category: '一般工商业', period: 'single', price: '0.9000' }], photos: [], chargedLossRate: '0.08', note: '' }),
    add('ledgerCheck', ledger),
    add('finding', { title: '加价收费', detail: `经核算，向 5 户租户多收电费 ${formatFen(ledger.totalOverchargeFen)} 元。`, type: 'markup', basis: '《价格违法行为行政处罚规定》第十六条', amountFen: ledger.totalOverchargeFen, proposal: 'overcharge', photos: [] }),
    add('proposalDismissed', { proposal: 'metering', reason: '总表铅封系供电公司换表时所拆，已电话核实' }),
    ...photos.map((p) => add('photo', p)),
    add('onSiteRecord', { supplementOf: null, startedAt: '2026-12-01T01:30:00.000Z', place: FIELD_TARGET.address, party, inspectors, sections: [{ heading: '检查情况', lines: ['检查了总表 1 块、分表 2 块。', '公示电价 0.9000 元/千瓦时，高于目录电价。'] }], covers: [] }, recordId),
    add('onSiteSignature', signed('inspector', '王检查', 'GL-001', '2026-12-01T03:00:00.000Z')),
    add('onSiteSignature', signed('inspector', '李检查', 'GL-002', '2026-12-01T03:01:00.000Z')),
    add('onSiteSignature', signed('party', '赵经理', '', '2026-12-01T03:02:00.000Z')),
    add('onSiteRecord', { supplementOf: recordId, startedAt: '2026-12-02T02:00:00.000Z', place: FIELD_TARGET.address, party, inspectors, sections: [{ heading: '补充', lines: ['补充说明：商户书店分表读数倒退。'] }], covers: [] }, supplementId),
    add('onSiteSignature', { ...signed('inspector', '王检查', 'GL-001', '2026-12-02T03:00:00.000Z'), recordId: supplementId }),
    add('onSiteSignature', { ...signed('inspector', '李检查', 'GL-002', '2026-12-02T03:01:00.000Z'), recordId: supplementId }),
    add('onSiteSignature', { recordId: supplementId, role: 'party', name: '赵经理', certNo: '', image: null, refused: true, note: '当事人拒绝在补充笔录上签字', signedAt: '2026-12-02T03:02:00.000Z' }),
    ['submitCase', { caseId }],
  ]);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${hub.url}/#/cases/${caseId}`);
  // A submitted case opens on 审核总览, in two columns.
  await expect(page.getByRole('tab', { name: '审核总览', selected: true })).toBeVisible();
  const overview = page.getByTestId('review-overview');
  await expect(overview).toHaveAttribute('data-columns', '2');
  await expect(page.getByTestId('review-meters').getByRole('row', { name: /Z-001/ })).toContainText('铅封破损');
  await expect(page.getByTestId('review-meters').getByRole('row', { name: /S-102/ })).toContainText('读数倒退：500 → 480');
  await expect(page.getByTestId('review-meters').getByRole('row', { name: /S-102/ })).toContainText('无检定合格标志');
  await expect(page.getByTestId('review-posting')).toContainText('0.9000 / 0.6093');
  const proposals = page.getByTestId('review-proposals');
  await expect(proposals.getByRole('row', { name: /已采纳/ })).toContainText('多收');
  await expect(proposals.getByRole('row', { name: /未采纳/ })).toContainText('总表铅封系供电公司换表时所拆，已电话核实');
  await expect(page.getByTestId('review-findings')).toContainText(formatFen(ledger.totalOverchargeFen));
  // The schedule: a tenant's row opens onto its months with the Excel rows.
  const first = ledger.schedule[0]!;
  const schedule = page.getByTestId('review-schedule');
  await expect(schedule).toContainText(formatFen(ledger.totalOverchargeFen));
  await schedule.getByRole('row', { name: new RegExp(first.tenant) }).getByRole('button').first().click();
  await expect(schedule.getByTestId('review-months').first()).toContainText(`第 ${first.lines.join('、')} 行`);
  await expect(page.getByTestId('review-photo')).toHaveCount(8);
  await expect(page.getByTestId('review-photos')).toContainText('照片证据（10 张）');
  const signatures = page.getByTestId('review-onsite-record');
  await expect(signatures).toHaveCount(2);
  await expect(signatures.nth(0).getByTestId('review-signatures')).toContainText('赵经理');
  await expect(signatures.nth(1).getByTestId('review-signatures')).toContainText('拒绝签字：当事人拒绝在补充笔录上签字');
  await expect(signatures.nth(1).getByTestId('review-signatures')).toContainText('见证人');
  await expect(page.getByTestId('review-blockers')).toContainText('补充笔录尚未签字完整（缺：见证人）');
  await expect(page.getByRole('button', { name: '审核通过' })).toBeDisabled();
  await screenshot(page, 'review-overview-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  await screenshot(page, 'review-overview-1440');
  // A narrow window: one column.
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect(overview).toHaveAttribute('data-columns', '1');
  await page.setViewportSize({ width: 1280, height: 800 });

  // 显示全部 opens the whole grid in place.
  await page.getByRole('button', { name: '显示全部 10 张' }).click();
  await expect(page.getByTestId('review-photos').getByTestId('photo-count')).toContainText('10');

  // Returned without a note: refused with the reason, nothing queued; with one it goes back to the team.
  await page.getByRole('button', { name: '退回补充' }).click();
  await expect(page.getByTestId('return-note-missing')).toHaveText('退回须填写审核意见，写明需要检查组补充或更正的内容。');
  await expect(page.locator('.ant-tag', { hasText: '已提交' }).first()).toBeVisible();
  await screenshot(page, 'review-return-needs-note');
  await page.getByLabel('审核意见').fill('补充笔录请见证人签字后再提交。');
  await page.getByRole('button', { name: '退回补充' }).click();
  await expect(page.locator('.ant-tag', { hasText: '已退回' }).first()).toBeVisible();
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
  await context.close();
});

test('催告: the office is told of overdue and soon-due refund orders once, and reminds the overdue landlord', async ({ browser, request, browserLog }) => {
  test.setTimeout(180_000);
  const hub = field!;
  const team = await teamDevice(request, hub);
  const calendar = workdayCalendarOf({ calendar: null });
  const today = chinaToday(new Date());
  // One order issued 40 days ago with 15 working days (long overdue), one issued today with 2 (due soon).
  const issuedLong = new Date(Date.parse(`${today}T00:00:00Z`) - 40 * 86_400_000).toISOString().slice(0, 10);
  const orders: RefundOrder[] = [];
  for (const [target, issuedOn, days] of [[OVERDUE, issuedLong, 15], [DUE_SOON, today, 2]] as const) {
    const caseId = team.caseOf(target.uscc);
    const ledgerId = randomUUID();
    const ledger = await keptLedger(`${target.name}租户电费台账.xlsx`);
    await team.push([['addRecord', { id: ledgerId, caseId, kind: 'ledgerCheck', data: ledger }], ['submitCase', { caseId }]]);
    await hub.officePush(request, 'reviewCase', { caseId, decision: 'approved', note: '' });
    const tenants = refundTenantsOf(ledger);
    const order: RefundOrder = {
      id: randomUUID(), caseId, docNo: '', issuedOn, workingDays: days, deadline: addWorkingDays(calendar, issuedOn, days), office: '南京市鼓楼区市场监督管理局',
      party: { name: target.name, uscc: target.uscc, address: target.address }, basis: [REFUND_BASIS], ledger: { recordId: ledgerId, sha256: ledger.file.sha256, name: ledger.file.name },
      tenants, totalFen: tenants.reduce((s, t) => s + t.totalFen, 0), calendarBasis: '',
    };
    await hub.officePush(request, 'issueRefundOrder', { order });
    orders.push(order);
  }
  const [overdue] = orders as [RefundOrder, RefundOrder];

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${hub.url}/#/cases`);
  // Once the orders are here: the notice, and the count on the menu.
  await expect(page.getByTestId('refund-reminder')).toHaveText('1 份退费通知书已逾期，1 份将在 3 个工作日内到期', { timeout: 30_000 });
  await expect(page.getByTestId('refunds-badge')).toContainText('1');
  await screenshot(page, 'refund-reminder-notice');
  // Shown once a day: a reload does not repeat it.
  await page.reload();
  await expect(page.getByTestId('refunds-badge')).toContainText('1');
  await expect(page.getByTestId('refund-reminder')).toHaveCount(0);
  await page.goto(`${hub.url}/#/refunds?filter=due-soon`);
  await expect(page.getByTestId('refunds-table').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('refunds-table')).toContainText(DUE_SOON.name);
  await page.getByTestId('refunds-filter').getByText('已逾期').click();
  await expect(page).toHaveURL(/filter=overdue/);
  await expect(page.getByTestId('refunds-table').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(page.getByTestId('refunds-table')).toContainText(OVERDUE.name);
  await screenshot(page, 'refund-reminder-overdue-list');

  // The overdue order's case: 催告 with 5 working days, the letter saved and the reminder recorded.
  await page.getByTestId('refunds-table').getByRole('link').first().click();
  await page.getByRole('tab', { name: '退费通知书' }).click();
  await page.getByTestId('refund-reminders').getByRole('button', { name: /^催\s?告$/ }).click();
  const dialog = page.getByRole('dialog');
  const deadline = addWorkingDays(calendar, today, 5);
  await expect(dialog.getByTestId('reminder-preview')).toHaveText(`向 ${OVERDUE.name} 催告：${overdue.tenants.length} 户租户尚有 ${formatFen(overdue.totalFen)} 元未退还，限 5 个工作日内退还（截止 ${deadline}）。`);
  await screenshot(page, 'refund-reminder-dialog');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '制作催告通知书' }).click();
  mkdirSync(DOCUMENTS, { recursive: true });
  const pdf = join(DOCUMENTS, 'refund-reminder.pdf');
  await (await download).saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const expected of ['退还多收电费催告通知书', OVERDUE.name, `${formatFen(overdue.totalFen)}元`, ...overdue.tenants.map((t) => t.tenant)]) expect(text).toContain(expected);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdf, join(DOCUMENTS, 'refund-reminder')]);
  await expect(page.getByTestId('refund-reminded')).toContainText(`已催告 ${today}：${overdue.tenants.length} 户尚有 ${formatFen(overdue.totalFen)} 元未退还，新期限 ${deadline}（5 个工作日）`);
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
  await screenshot(page, 'refund-reminded');
  await expect(async () => {
    const events = (await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: { authorization: `Bearer ${hub.officeToken}` } })).json()) as { changes: { table: string; row: { event: { kind: string; reminder?: { deadline: string } } } }[] };
    expect(events.changes.filter((c) => c.table === 'refundEvents').map((c) => [c.row.event.kind, c.row.event.reminder?.deadline])).toEqual([['reminded', deadline]]);
  }).toPass({ timeout: 30_000 });
  await page.goto(`${hub.url}/#/refunds?filter=overdue`);
  await expect(page.getByTestId('refunds-table')).toContainText(`已催告 ${today}`);
  await context.close();
});
