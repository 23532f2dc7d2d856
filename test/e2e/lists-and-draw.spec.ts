// The office's whole foundation flow in the web build: both lists from messy files, a draw, its
// verification and its publication.
import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Inspector } from '../../src-shared/domain';
import { runDraw } from '../../src-shared/draw/draw';
import { defaultPlan } from '../../src-shared/draw/plan';
import { exportList } from '../../src-shared/lists/exportList';
import { messyEntityList, messyInspectorList, syntheticInspectors } from '../fixtures/listFiles';
import { createProfile, importFile, screenshot, tempFile } from './helpers';

test('office imports both lists, draws, verifies and publishes the notice', async ({ page }) => {
  const entities = await messyEntityList({ good: 60 });
  const messyInspectors = await messyInspectorList();
  // A clean second inspector file so every district has enough inspectors; its own number range.
  const moreInspectors: Inspector[] = syntheticInspectors(160, 5).map((i) => ({ ...i, certNo: i.certNo.replace(/^3501/, '3599') }));
  const entitiesPath = tempFile('targets-messy.xlsx', entities.bytes);
  const inspectorsPath = tempFile('inspectors-messy.xlsx', messyInspectors.bytes);
  const morePath = tempFile('inspectors-more.xlsx', await exportList('inspectors', moreInspectors));

  await createProfile(page, '张科长', '科室');
  await expect(page.getByText('检查对象名录').first()).toBeVisible();

  // Targets: the row report comes before anything is stored.
  await importFile(page, '检查对象名录', entitiesPath);
  const issues = page.getByTestId('import-issues');
  await expect(issues).toBeVisible();
  const first = entities.rejected[0]!;
  await expect(issues.getByRole('row').nth(1)).toContainText(`第 ${first.row} 行`);
  await expect(issues.getByRole('row').nth(1)).toContainText(first.reason);
  await expect(page.getByText(`表头在第 ${entities.headerRow} 行`)).toBeVisible();
  await screenshot(page, '01-import-report-targets');
  await page.getByRole('button', { name: `导入 ${entities.accepted.length} 条有效记录` }).click();
  await expect(page.getByTestId('list-count')).toHaveText(`显示 ${entities.accepted.length} 条，共 ${entities.accepted.length} 条`);
  await screenshot(page, '02-targets');
  // The table renders the rows in view, in code order; scrolled to its end it shows the last, under its header.
  const listed = entities.accepted.map((a) => a.value.uscc).sort();
  const targets = page.getByRole('table', { name: '检查对象名录' });
  const bodyRows = targets.locator('[role="row"]:not([aria-rowindex="1"])');
  await expect(bodyRows.first()).toContainText(listed[0]!);
  expect(await bodyRows.count()).toBeLessThan(listed.length / 2);
  await targets.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(targets.getByRole('row').filter({ hasText: listed.at(-1)! })).toBeInViewport();
  await expect(targets.getByRole('row').filter({ hasText: listed[0]! })).toHaveCount(0);
  await expect(targets.getByRole('columnheader', { name: '统一社会信用代码' })).toBeInViewport();

  // Inspectors: the messy file, then a clean one.
  await page.getByRole('menuitem', { name: '执法检查人员名录' }).click();
  await importFile(page, '执法检查人员名录', inspectorsPath);
  await expect(page.getByTestId('import-issues')).toBeVisible();
  await screenshot(page, '03-import-report-inspectors');
  await page.getByRole('button', { name: `导入 ${messyInspectors.accepted.length} 条有效记录` }).click();
  await importFile(page, '执法检查人员名录', morePath);
  await page.getByRole('button', { name: `导入 ${moreInspectors.length} 条有效记录` }).click();
  const inspectorCount = messyInspectors.accepted.length + moreInspectors.length;
  await expect(page.getByTestId('list-count')).toHaveText(`显示 ${inspectorCount} 条，共 ${inspectorCount} 条`);
  await screenshot(page, '04-inspectors');

  // A ratio under 50% is refused with the reason.
  await page.getByRole('menuitem', { name: '抽查计划与抽取' }).click();
  await page.getByLabel('计划名称').fill('2026年第四季度转供电价格双随机抽查');
  await page.getByLabel('抽查比例').fill('40');
  // The seed waits for the commitment; a plan under 50% cannot be committed.
  await expect(page.getByLabel('随机种子 · 见证人 1')).toBeDisabled();
  await page.getByRole('button', { name: '生成抽查承诺' }).click();
  await expect(page.getByTestId('draw-error')).toContainText('50%');
  await screenshot(page, '05-draw-refused');

  // The draw itself; the browser's result must equal the same draw run here in Node.
  await page.getByLabel('抽查比例').fill('50');
  await page.getByRole('button', { name: '生成抽查承诺' }).click();
  const commitment = page.getByTestId('commitment');
  await expect(commitment).toBeVisible();
  await page.getByLabel('随机种子 · 见证人 1').fill('2026-11-23 见证人掷骰 3-5-1-6-2-4');
  await screenshot(page, '05b-draw-committed');
  await page.getByRole('button', { name: '开始抽取' }).click();
  const record = page.getByTestId('draw-record');
  await expect(record).toBeVisible();
  await expect(record).toContainText('承诺时间');
  const expected = runDraw({
    entities: entities.accepted.map((a) => a.value),
    inspectors: [...messyInspectors.accepted.map((a) => a.value), ...moreInspectors],
    plan: { ...defaultPlan, name: '2026年第四季度转供电价格双随机抽查', ratio: 0.5 },
    seed: '2026-11-23 见证人掷骰 3-5-1-6-2-4',
  });
  await expect(record).toContainText(expected.record.outputHash);
  await expect(record).toContainText(expected.record.entitiesHash);
  await expect(record).toContainText(expected.record.excludedHash!);
  // Deactivated rows are named as left out, by list and code.
  const inactive = entities.accepted.filter((a) => !a.value.active).map((a) => a.value.uscc);
  expect(inactive.length).toBeGreaterThan(0);
  await expect(page.getByText(`检查对象名录 ${inactive[0]}`)).toBeVisible();
  await screenshot(page, '06-draw-result');
  // The selected list is paged, numbered across its pages, in the draw's order.
  const selectedRows = page.getByTestId('selected-table').locator('tbody tr.ant-table-row');
  await expect(selectedRows).toHaveCount(20);
  await expect(selectedRows.first()).toContainText(`1${expected.selected[0]!.uscc}${expected.selected[0]!.name}`);
  // Each team by name and certificate number, read for the page shown.
  const inspectorName = new Map([...messyInspectors.accepted.map((a) => a.value), ...moreInspectors].map((i) => [i.certNo, i.name]));
  const teamOf = (n: number) => expected.selected[n]!.inspectors.map((c) => `${inspectorName.get(c)!} ${c}`).join('');
  await expect(selectedRows.first()).toContainText(teamOf(0));
  // A later page reads the whole draw (the page opened on the draw worker's head); back on the first, the same rows.
  await page.locator('.ant-card', { has: page.getByTestId('selected-table') }).getByRole('listitem', { name: '2', exact: true }).click();
  await expect(selectedRows.first()).toContainText(`21${expected.selected[20]!.uscc}${expected.selected[20]!.name}`);
  await expect(selectedRows.first()).toContainText(teamOf(20));
  await expect(selectedRows).toHaveCount(Math.min(20, expected.selected.length - 20));
  await page.locator('.ant-card', { has: page.getByTestId('selected-table') }).getByRole('listitem', { name: '1', exact: true }).click();
  await expect(selectedRows.first()).toContainText(`1${expected.selected[0]!.uscc}${expected.selected[0]!.name}`);

  await page.getByRole('button', { name: /^复\s?核$/ }).click();
  await expect(page.getByTestId('verify-result')).toContainText('复核一致');

  // The public notice as Excel.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出公示名单' }).click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file!) as unknown as ArrayBuffer);
  const list = book.worksheets.find((s) => s.name === '抽查名单');
  expect(list).toBeDefined();
  const codes: string[] = [];
  list!.eachRow((row) => {
    const text = row.getCell(2).text;
    if (/^[0-9A-Z]{18}$/.test(text)) codes.push(text);
  });
  expect(codes).toEqual(expected.selected.map((s) => s.uscc));

  // The record and the notice as PDF, set in the PDF worker from the draw kept here: title, the result's hash
  // in full, the first and the last target drawn.
  for (const [button, title] of [['下载抽查记录 PDF', '双随机抽查记录'], ['下载公示 PDF', '双随机抽查结果公示']] as const) {
    const pdf = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const text = execFileSync('pdftotext', ['-layout', (await (await pdf).path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(title);
    expect(text).toContain(expected.record.outputHash);
    expect(text).toContain(expected.selected[0]!.uscc);
    expect(text).toContain(expected.selected.at(-1)!.uscc);
  }

  // The printable record.
  await page.getByRole('button', { name: '打印抽查记录' }).click();
  await expect(page.getByRole('heading', { name: '双随机抽查记录' })).toBeVisible();
  await screenshot(page, '07-draw-record');
});
