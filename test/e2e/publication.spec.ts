// 结果公示 (一公开) in the browser: the office sees a plan's cases with their closing dates, the deadline that
// cannot be counted while the calendar lacks a year (and can once the year is imported), publishes the closed
// ones it selects — an open case cannot be selected — and exports the public notice as Excel, read back value
// by value.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { addWorkingDays, chinaToday } from '../../src-shared/calendar/workdays';
import { workdayCalendarOf } from '../../src-shared/calendar/officeCalendar';
import { defaultOfficeSettings } from '../../src-shared/inspection/officeSettings';
import { expect, test, watchBrowser } from './fixtures';
import { pickOption, screenshot } from './helpers';
import { startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, pairingCode } from './hubSession';

const PORT = Number(process.env.E2E_PUBLICATION_PORT ?? 4292);
const TARGETS = [
  { uscc: '91350102MA2XXXX01A', name: '金鹰购物中心', address: '五四路 128 号', lng: null, lat: null },
  { uscc: '91350102MA2XXXX02B', name: '东街口百货', address: '八一七北路 88 号', lng: null, lat: null },
  { uscc: '91350102MA2XXXX03C', name: '温泉写字楼', address: '温泉支路 9 号', lng: null, lat: null },
];
let field: FieldHub | undefined;

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'publication', TARGETS);
});

test.afterAll(() => field?.stop());

/**
 * A year for the test only (the State Council's notice for it is not in the app's calendar): 元旦 off, no
 * make-up days. It lets the deadline of a case closed today be counted when today is late in the year.
 */
function testYear(year: number) {
  return { source: { title: `测试用 ${year} 年日历（非官方）`, number: '测试', issued: `${year - 1}-11-01`, url: 'https://example.org/test-calendar' }, holidays: [{ name: '元旦', dates: [`${year}-01-01`] }], workdays: [] };
}

test('the office publishes a plan\'s closed cases and exports the public notice; an open case cannot be published', async ({ browser, request, browserLog }) => {
  test.setTimeout(180_000);
  const hub = field!;
  const pulled = await request.get(`${hub.url}/api/v1/pull?cursor=0.0`, { headers: { authorization: `Bearer ${hub.officeToken}` } });
  const cases = ((await pulled.json()) as { changes: { table: string; row: { id: string; entityName: string } }[] }).changes.filter((c) => c.table === 'cases').map((c) => c.row);
  const byName = new Map(cases.map((c) => [c.entityName, c.id]));
  // Two cases closed today by the hub's clock; 温泉写字楼 still open.
  for (const name of ['金鹰购物中心', '东街口百货']) await hub.officePush(request, 'reviewCase', { caseId: byName.get(name), decision: 'approved', note: '' });
  const today = chinaToday(new Date());

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${hub.url}/#/publication`);
  await expect(page.getByRole('menuitem', { name: '结果公示' })).toBeVisible();
  const counts = page.getByTestId('publication-counts');
  await expect(counts).toContainText('案件3');
  await expect(counts).toContainText('已办结2');
  await expect(counts).toContainText('已公示0');
  const table = page.getByTestId('publication-table');
  const row = (name: string) => table.locator('tr', { hasText: name });
  await expect(row('温泉写字楼')).toContainText('未办结');
  await expect(row('温泉写字楼').getByRole('checkbox')).toBeDisabled();
  await expect(row('金鹰购物中心')).toContainText(today);

  // The deadline: counted when the calendar holds its year, else the missing year is named (never guessed).
  const year = Number(today.slice(0, 4)) + 1;
  const calendar = { title: '测试用日历', years: { [year]: testYear(year) } };
  const builtIn = workdayCalendarOf(defaultOfficeSettings());
  const counted = (cal: typeof builtIn) => {
    try {
      return addWorkingDays(cal, today, 20);
    } catch {
      return null;
    }
  };
  if (counted(builtIn) === null) {
    await expect(page.getByTestId('publication-calendar-missing')).toContainText(`工作日历缺少 ${year} 年`);
    await expect(row('金鹰购物中心')).toContainText(`日历缺 ${year} 年`);
    await screenshot(page, '95-publication-calendar-missing');
    await hub.officePush(request, 'putOfficeSettings', { settings: { ...defaultOfficeSettings(), calendar } });
    await page.goto(`${hub.url}/#/sync`);
    await page.getByRole('button', { name: '立即同步' }).click();
    await expect(page.getByTestId('sync-badge')).toContainText('已同步');
    await page.goto(`${hub.url}/#/publication`);
  }
  const deadline = counted(builtIn) ?? counted(workdayCalendarOf({ calendar }))!;
  await expect(row('金鹰购物中心')).toContainText(deadline);
  await expect(row('金鹰购物中心')).toContainText('待公示');
  await expect(row('金鹰购物中心')).toContainText('未发现问题');

  // 东街口百货 is published as 其他, which needs a note.
  await row('金鹰购物中心').getByRole('checkbox').check();
  await row('东街口百货').getByRole('checkbox').check();
  await row('东街口百货').getByLabel('检查结果 东街口百货').click();
  await pickOption(page, '其他');
  await page.getByRole('button', { name: '公示所选（2）' }).click();
  await expect(page.getByText('“东街口百货”选了“其他”，请填写处理情况备注。')).toBeVisible();
  await row('东街口百货').getByLabel('处理情况备注 东街口百货').fill('经营者已停业，转供电设施已拆除');
  await page.getByRole('button', { name: '公示所选（2）' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('将公示 2 户检查对象的检查结果');
  await expect(dialog.getByLabel('公示渠道')).toHaveValue('国家企业信用信息公示系统');
  await dialog.getByRole('button', { name: '确认公示' }).click();
  await expect(row('金鹰购物中心')).toContainText(`已公示 ${today}`);
  await expect(page.getByTestId('sync-badge')).toContainText('已同步', { timeout: 30_000 });
  await expect(row('金鹰购物中心')).not.toContainText('待同步');
  await expect(counts).toContainText('已公示2');
  await expect(counts).toContainText('逾期未公示0');
  await screenshot(page, '96-publication-published');

  // The notice of every published case as Excel, read back value by value.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出公示 Excel' }).click();
  const file = join(process.cwd(), 'test-results', 'documents', 'publication.xlsx');
  await (await download).saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('抽查结果公示')!;
  const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
  expect(sheet.getCell('A1').value).toBe('2026 年第一季度转供电检查 双随机抽查结果公示');
  expect(values(3)).toEqual(['序号', '检查对象名称', '统一社会信用代码', '地址', '检查日期/办结日期', '检查结果', '处理情况', '公示日期']);
  const body = [values(4), values(5)].sort((a, b) => String(a[2]).localeCompare(String(b[2])));
  expect(body.map((v) => v.slice(1))).toEqual([
    ['金鹰购物中心', '91350102MA2XXXX01A', '五四路 128 号', today, '未发现问题', '—', today],
    ['东街口百货', '91350102MA2XXXX02B', '八一七北路 88 号', today, '其他', '经营者已停业，转供电设施已拆除', today],
  ]);
  // And as PDF: one landscape page holding both targets.
  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出公示 PDF' }).click();
  const pdf = join(process.cwd(), 'test-results', 'documents', 'publication.pdf');
  await (await pdfDownload).saveAs(pdf);
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*Page size:\s+841\.89 x 595\.28 pts/);
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const expected of ['2026年第一季度转供电检查双随机抽查结果公示', '金鹰购物中心', '东街口百货', '经营者已停业，转供电设施已拆除']) expect(text).toContain(expected);
  await context.close();
});
