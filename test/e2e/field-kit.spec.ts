// The on-site checklist with the network off (issue 12), the case opened from the map: meters with their flags and the
// measured loss, the posted tariff against the synced catalogue, the findings the checks propose taken
// or declined with a reason; a reload in the middle loses nothing; back online it all reaches the hub.
import { join } from 'node:path';
import sampleJson from '../../resources/tariffs/sample-fujian.json';
import { expect, test, watchBrowser } from './fixtures';
import { chooseFile, pickOption, SCREENS, screenshot, tempFile } from './helpers';
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { ledgerFile } from '../fixtures/ledgerFiles';
import { importLedger } from '../../src-shared/ledger/importLedger';
import { computeOvercharge } from '../../src-shared/refund/overcharge';
import { TariffIndex } from '../../src-shared/tariff/lookup';
import { loadTariffTable } from '../../src-shared/tariff/types';
import { formatFen } from '../../src-shared/money';
import { overchargeOf } from '../../src-shared/inspection/ledgerCheck';
import { withExif } from '../fixtures/photos';
import { startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, goOffline, goOnline, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_FIELD_PORT ?? 4183);
const HUB = `http://127.0.0.1:${PORT}`;
let field: FieldHub | undefined;
let dir = '';
let officeToken = '';

/**
 * Clicks a button that opens a dialog until the dialog shows: a click landing while the list re-renders
 * (a record just saved) can meet the old button, and then nothing opens (CI saw it once).
 */
async function openDialog(button: Locator): Promise<void> {
  const page = button.page();
  await expect(async () => {
    if ((await page.getByRole('dialog').count()) === 0) await button.click({ timeout: 5_000 });
    await expect(page.getByRole('dialog')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

/** Signs on the open dialog's pad with the mouse, as a hand would. */
async function drawSignature(page: Page): Promise<void> {
  const pad = page.getByTestId('signature-pad');
  // hover waits until the dialog's opening animation is over, so the box is where the pad stays.
  await pad.hover({ position: { x: 20, y: 60 } });
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 30, { steps: 5 });
  await page.mouse.move(box.x + 220, box.y + 90, { steps: 5 });
  await page.mouse.up();
}

/** Runs `click` and keeps the file the page saves; its suggested name and where it was kept. */
async function savedDownload(page: Page, click: () => Promise<unknown>): Promise<{ name: string; path: string }> {
  const download = page.waitForEvent('download');
  await click();
  const d = await download;
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path };
}

/** A PDF's text without any whitespace: where a line wraps depends on the data (a file's hash), not on what is said. */
const pdfText = (path: string): string => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const flat = (text: string): string => text.replace(/\s+/g, '');
/** Today in China, as file names carry it (20261206). */
const chinaDay = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'field');
  dir = field.dir;
  officeToken = field.officeToken;
});

test.afterAll(() => field?.stop());

test('the on-site checks offline: meters, posted tariff, the ledger kept with the case, proposed findings; a reload loses nothing; synced when back', async ({ browser, request, browserLog }) => {
  // A whole visit, some forty steps: more than the two minutes of the shorter tests on a loaded 2-core machine.
  test.setTimeout(240_000);
  const generated = await ledgerFile('simple', { tenants: 5 });
  const ledgerPath = tempFile('field-ledger.xlsx', generated.bytes);
  const ledgerSha = createHash('sha256').update(generated.bytes).digest('hex');
  const expected = computeOvercharge(await importLedger(generated.bytes), { method: 'catalogue', tariffs: new TariffIndex(loadTariffTable(sampleJson)), key: { region: '福建', category: '一般工商业', voltage: '不满1千伏' } });
  expect(expected.totalOverchargeFen).toBeGreaterThan(0);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, HUB, await pairingCode(request, HUB, officeToken, 'wang'), '王检查的笔记本');
  const badge = page.getByTestId('sync-badge');
  await expect(badge).toContainText('已同步');
  await page.goto(`${HUB}/#/cases`);
  await expect(page.getByText('金鹰购物中心')).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await goOffline(context);
  await expect(badge).toContainText('离线');
  // The case opened from the map: its marker (no tile loads offline without a package), its popup, 打开案件.
  await page.locator('.ant-segmented').getByText('地图', { exact: true }).click();
  await page.locator('path[aria-label="金鹰购物中心"]').click();
  await page.getByTestId('map-popup').getByRole('button', { name: '打开案件' }).click();
  await expect(page.locator('.ant-card-head-title').first()).toContainText('金鹰购物中心');

  // Meters: the main meter (×80) and a tenant's sub-meter past its period with a broken seal.
  await page.getByRole('tab', { name: '计量装置' }).click();
  const addMeter = async (m: { role: string; no: string; tenant?: string; cls: string; multiplier: string; seal: string; verifiedOn: string; r1: string; r2: string }) => {
    await page.getByText(m.role, { exact: true }).click();
    await page.getByLabel('表号').fill(m.no);
    if (m.tenant) await page.getByRole('textbox', { name: '租户' }).fill(m.tenant);
    await page.getByLabel('准确度等级').click();
    await pickOption(page, m.cls);
    await page.getByLabel('倍率').fill(m.multiplier);
    await page.getByText(m.seal, { exact: true }).click();
    await page.getByLabel('检定日期').fill(m.verifiedOn);
    await page.getByLabel('上次读数').fill(m.r1);
    await page.getByLabel('抄表时间').first().fill('2026-03-01T10:00');
    await page.getByLabel('本次读数').fill(m.r2);
    await page.getByLabel('抄表时间').last().fill('2026-04-01T10:00');
    await page.getByRole('button', { name: '添加电表' }).click();
  };
  await addMeter({ role: '总表（供电企业计量）', no: 'M-01', cls: '0.2S', multiplier: '80', seal: '完好', verifiedOn: '2024-06-01', r1: '500', r2: '512.5' });
  const meters = page.getByTestId('meter-table');
  await expect(meters.getByRole('row', { name: /M-01/ })).toContainText('1000');
  // A reading with more decimals than the meter shows is refused at the field, nothing stored.
  await addMeter({ role: '分表（租户）', no: 'S-07', tenant: '二楼奶茶店', cls: '0.5S', multiplier: '1', seal: '破损或缺失', verifiedOn: '2019-05-01', r1: '0', r2: '697.305' });
  await expect(page.getByText('读数的小数位多于电表显示的 2 位')).toBeVisible();
  await expect(meters.getByRole('row')).toHaveCount(2);
  await page.getByLabel('本次读数').fill('697.3');
  await page.getByRole('button', { name: '添加电表' }).click();
  const sub = meters.getByRole('row', { name: /S-07/ });
  await expect(sub).toContainText('超过检定周期（应于 2025-05-01 前检定）');
  await expect(sub).toContainText('铅封破损');
  await expect(page.getByTestId('loss-check')).toContainText('30.27%');
  await screenshot(page, '70-field-meters');

  // The posted tariff: a peak price above the March catalogue, and a 40 % loss share.
  await page.getByRole('tab', { name: '电价公示' }).click();
  await page.getByText('已公示', { exact: true }).click();
  await page.getByLabel('公示位置').fill('物业服务中心公告栏');
  await page.getByLabel('对照月份').fill('2026-03');
  await page.getByLabel('另收损耗或公摊比例（%）').fill('40');
  await page.getByRole('button', { name: '添加一项电价' }).click();
  await page.getByLabel('用户类别').click();
  await pickOption(page, '一般工商业');
  await page.getByLabel('时段').click();
  await pickOption(page, '峰');
  await page.getByLabel('公示价（元/千瓦时）').fill('1.05');
  await page.getByRole('button', { name: '保存电价公示' }).click();
  const check = page.getByTestId('posting-check');
  await expect(check.getByRole('row', { name: /一般工商业/ })).toContainText('0.9718');
  await expect(check.getByRole('row', { name: /一般工商业/ })).toContainText('+0.0782');
  await expect(check.getByRole('row', { name: /一般工商业/ })).toContainText('高于目录电价');
  await screenshot(page, '71-field-posted-tariff');

  // The landlord's ledger, computed inside the case and kept with it (the file as evidence).
  await page.getByRole('tab', { name: '租户账单' }).click();
  await page.getByRole('button', { name: '在本案中核算台账' }).click();
  await expect(page.getByRole('combobox', { name: '转供电主体' })).toHaveValue('金鹰购物中心');
  await chooseFile(page, page.getByRole('button', { name: '选择台账 Excel…' }), ledgerPath);
  await page.getByRole('button', { name: /核\s?算/ }).click();
  await expect(page.getByTestId('oc-total')).toContainText(formatFen(expected.totalOverchargeFen));
  await page.getByRole('button', { name: '保存到本案' }).click();
  await page.getByRole('tab', { name: '租户账单' }).click();
  const kept = page.getByTestId('ledger-check');
  await expect(kept).toContainText(formatFen(expected.totalOverchargeFen));
  await expect(kept).toContainText(ledgerSha.slice(0, 16));
  const worst = [...expected.tenants].sort((a, b) => b.overchargeFen - a.overchargeFen)[0]!;
  await expect(kept.getByRole('row', { name: new RegExp(`^${worst.tenant}`) })).toContainText(formatFen(worst.overchargeFen));
  await screenshot(page, '72a-field-ledger-kept');

  // Photos: a meter's face with EXIF time and place (kept byte for byte), an empty file and a damaged one (refused, said why).
  await page.getByRole('tab', { name: '照片证据' }).click();
  const jpeg = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(64, 48);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#2a6';
    g.fillRect(0, 0, 64, 48);
    return [...new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer())];
  });
  const photoBytes = withExif(new Uint8Array(jpeg), { dateTimeOriginal: '2026:03:02 10:15:00', lat: 26.0745, lng: 119.2965 });
  const photoSha = createHash('sha256').update(photoBytes).digest('hex');
  const files = [tempFile('S-07表盘.jpg', photoBytes), tempFile('空文件.jpg', new Uint8Array()), tempFile('损坏.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]))];
  await page.getByLabel('照片内容关联到（可多选）').click();
  await pickOption(page, '电表 S-07');
  await page.keyboard.press('Escape');
  await page.getByLabel('说明', { exact: true }).fill('S-07 铅封破损');
  await chooseFile(page, page.getByRole('button', { name: '选择照片…' }), files);
  const refusedPhotos = page.getByTestId('photo-refused');
  await expect(refusedPhotos).toContainText('空文件.jpg：文件为空（0 字节）');
  await expect(refusedPhotos).toContainText('损坏.jpg：图片已损坏或格式与扩展名不符，无法读取');
  const photo = page.getByTestId('photo');
  await expect(photo).toHaveCount(1);
  await expect(photo).toContainText('S-07 铅封破损');
  await expect(photo).toContainText('2026-03-02 10:15');
  await expect(photo).toContainText('位置 26.07450, 119.29650');
  await expect(photo).toContainText('电表 S-07');
  await expect(photo.locator('img')).toHaveJSProperty('complete', true);
  await screenshot(page, '72b-field-photos');

  // Findings proposed by the checks: one taken, one declined with its reason.
  await page.getByRole('tab', { name: '发现问题' }).click();
  const proposals = page.getByTestId('proposal');
  await expect(proposals).toHaveCount(4);
  const over = overchargeOf({ schedule: expected.lines.map((l) => ({ tenant: l.tenant, month: l.month, chargedFen: l.chargedFen, lawfulFen: l.lawfulFen, overchargeFen: l.overchargeFen, lines: [l.line] })), totalOverchargeFen: expected.totalOverchargeFen });
  await expect(proposals.nth(0)).toContainText(`经核算转供电主体提供的电费台账，${over.tenants} 户租户 ${over.months} 个月的电费高于按目录电价计算的应收电费，多收电费共计 ${formatFen(expected.totalOverchargeFen)} 元。`);
  await expect(proposals.nth(1)).toContainText('现场公示的电价高于当月目录电价：一般工商业峰 公示 1.05 元/千瓦时，目录电价 0.9718 元/千瓦时。');
  await expect(proposals.nth(2)).toContainText('转供电主体按 40.00% 向租户分摊损耗，现场实测损耗率为 30.27%。');
  await expect(proposals.nth(3)).toContainText('电能表 S-07 超过检定周期（应于 2025-05-01 前检定）；电能表 S-07 铅封不完整。');
  await screenshot(page, '72-field-proposed-findings');
  await proposals.nth(0).getByRole('button', { name: /^采\s?纳$/ }).click();
  await expect(proposals).toHaveCount(3);
  // Left: the posted price, the loss share, the meters; the loss share is taken, the meters declined.
  await proposals.nth(1).getByRole('button', { name: /^采\s?纳$/ }).click();
  await expect(proposals).toHaveCount(2);
  await openDialog(proposals.nth(1).getByRole('button', { name: '不采纳' }));
  await page.getByLabel('不采纳的理由').fill('S-07 为物业自用表，不向租户计费');
  await page.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(proposals).toHaveCount(1);

  // The on-site record: composed from the checks, signed by both inspectors; the party refuses and a
  // witness signs; once signed it is frozen and a supplement adds to it.
  await page.getByRole('tab', { name: '现场笔录' }).click();
  await page.getByLabel('当事人代表').fill('赵经理');
  await page.getByLabel('职务').fill('物业经理');
  await page.getByRole('button', { name: '生成笔录' }).click();
  const onsite = page.getByTestId('onsite-record');
  await expect(onsite).toHaveCount(1);
  await expect(onsite).toContainText('分表 S-07（二楼奶茶店）：0.5S 级，倍率 1');
  await expect(onsite).toContainText('一般工商业峰：公示 1.05 元/千瓦时，2026-03 目录电价 0.9718 元/千瓦时，高于目录电价 0.0782 元/千瓦时。');
  await expect(onsite).toContainText(`多收电费，合计 ${formatFen(expected.totalOverchargeFen)} 元。`);
  await expect(onsite).toContainText('二、分摊损耗或公摊费用：转供电主体按 40.00% 向租户分摊损耗');
  await expect(onsite).toContainText(`照片 1：S-07 铅封破损，拍摄于 2026-03-02 10:15，SHA-256：${photoSha}。`);
  await expect(onsite).toContainText('待签字');
  const sign = async (button: RegExp, row: string) => {
    await openDialog(onsite.getByTestId('sign-row').filter({ hasText: row }).getByRole('button', { name: button }));
    await drawSignature(page);
    await page.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  };
  // antd spaces a two-character label: 签 名.
  await sign(/^签\s?名$/, '王检查（GL-001）');
  await sign(/^签\s?名$/, '李检查（GL-002）');
  await openDialog(onsite.getByRole('button', { name: '拒绝签字' }));
  await page.getByLabel('拒绝签字的情况（如当事人的原话）').fill('当事人称需请示总部，拒绝签字');
  await page.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await openDialog(onsite.getByRole('button', { name: '见证人签名' }));
  await page.getByLabel('签名人姓名').fill('物业保安 孙某');
  await drawSignature(page);
  await page.getByRole('dialog').getByRole('button', { name: /确\s?定|OK/ }).click();
  await expect(onsite).toContainText('签字齐全');
  await expect(onsite).toContainText('拒绝签字：当事人称需请示总部，拒绝签字');
  await expect(onsite.getByRole('button', { name: '按最新检查结果重新生成（签字前）' })).toHaveCount(0);
  await page.getByLabel('补充内容（每行一条）；已签字的笔录不再修改').fill('当事人补充提供 2026 年 3 月电网电费发票一份');
  await page.getByRole('button', { name: '制作补充笔录' }).click();
  await expect(onsite).toHaveCount(2);
  await expect(onsite.nth(1)).toContainText('补充笔录');
  await expect(onsite.nth(1)).toContainText('当事人补充提供 2026 年 3 月电网电费发票一份');
  await screenshot(page, '72c-field-onsite-record');
  // Both documents as PDF, offline: the record (text selectable, the font inside) and the schedule.
  const recordPdf = await savedDownload(page, () => onsite.first().getByRole('button', { name: '导出 PDF' }).click());
  expect(recordPdf.name).toBe(`现场检查笔录-金鹰购物中心-${chinaDay()}.pdf`);
  const recordText = pdfText(recordPdf.path);
  expect(recordText).toContain(flat('现场检查笔录'));
  expect(recordText).toContain(flat('王检查（执法证号 GL-001）'));
  expect(recordText).toContain(flat('当事人 赵经理 拒绝签字：当事人称需请示总部，拒绝签字'));
  expect(recordText).toContain(flat('见证人 物业保安 孙某'));
  expect(recordText).toContain(flat(`多收电费，合计 ${formatFen(expected.totalOverchargeFen)} 元。`));
  execFileSync('pdftoppm', ['-png', '-r', '70', recordPdf.path, join(SCREENS, '74-field-record-pdf')]);
  await page.getByRole('tab', { name: '租户账单' }).click();
  const schedule = await savedDownload(page, () => page.getByRole('button', { name: '导出明细表 PDF' }).click());
  const scheduleText = pdfText(schedule.path);
  expect(scheduleText).toContain(flat('多收电费明细表（初步）'));
  expect(scheduleText).toContain(flat(`多收电费合计： ${formatFen(expected.totalOverchargeFen)} 元`));
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', schedule.path, join(SCREENS, '75-field-schedule-pdf')]);

  // A reload in the middle, still offline: everything is there, nothing proposed twice.
  await page.reload();
  await page.getByRole('tab', { name: '发现问题' }).click();
  await expect(page.getByTestId('proposal')).toHaveCount(1);
  await page.getByRole('tab', { name: '检查记录' }).click();
  await expect(page.getByTestId('case-record')).toHaveCount(14);
  await expect(badge).toContainText('待同步 14');
  await page.getByRole('tab', { name: '照片证据' }).click();
  await expect(page.getByTestId('photo')).toHaveCount(1);
  await screenshot(page, '73-field-records-after-reload');

  // 检查案件: the case says what waits to go up; found by its address.
  await page.getByRole('menuitem', { name: '检查案件' }).click();
  await page.getByRole('searchbox', { name: '名称、统一社会信用代码、地址或检查人员' }).fill('中山路');
  await expect(page.getByTestId('cases-count')).toHaveText('显示 1 个，共 1 个');
  await expect(page.getByTestId('case-sync')).toHaveText('待上传 14');
  await screenshot(page, '73a-field-my-cases');

  await goOnline(context);
  await expect(badge).toContainText('已同步', { timeout: 30_000 });
  await expect(page.getByTestId('case-sync')).toHaveText('已同步');
  const pulled = (await (await request.get(`${HUB}/api/v1/pull?cursor=0.0&limit=2000`, { headers: { authorization: `Bearer ${officeToken}` } })).json()) as { changes: { table: string; row: { kind: string; data: Record<string, unknown> } }[] };
  const kinds = pulled.changes.filter((c) => c.table === 'records').map((c) => c.row.kind).sort();
  expect(kinds).toEqual(['finding', 'finding', 'ledgerCheck', 'meter', 'meter', 'onSiteRecord', 'onSiteRecord', 'onSiteSignature', 'onSiteSignature', 'onSiteSignature', 'onSiteSignature', 'photo', 'proposalDismissed', 'tariffPosting']);
  const findings = pulled.changes.filter((c) => c.table === 'records' && c.row.kind === 'finding').map((c) => c.row.data);
  expect(findings).toEqual(expect.arrayContaining([
    expect.objectContaining({ type: 'markup', proposal: 'overcharge', amountFen: expected.totalOverchargeFen }),
    expect.objectContaining({ type: 'loss-share', proposal: 'loss-share', basis: '《价格违法行为行政处罚规定》第九条', amountFen: null, detail: '转供电主体按 40.00% 向租户分摊损耗，现场实测损耗率为 30.27%。' }),
  ]));
  // The ledger file reached the hub byte for byte: the office downloads it by its hash.
  const blob = await request.get(`${HUB}/api/v1/blobs/${ledgerSha}`, { headers: { authorization: `Bearer ${officeToken}` } });
  expect(blob.status()).toBe(200);
  expect(createHash('sha256').update(await blob.body()).digest('hex')).toBe(ledgerSha);
  const photoBlob = await request.get(`${HUB}/api/v1/blobs/${photoSha}`, { headers: { authorization: `Bearer ${officeToken}` } });
  expect(Buffer.compare(await photoBlob.body(), Buffer.from(photoBytes))).toBe(0);
});
