// "A filings file re-saved by LibreOffice reads the same" (issue 15): the generated file is converted by soffice
// in the test; a machine without LibreOffice skips that one test and says so. The same rows written a second way
// (every number as text, a title row, another column order) must read the same too.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFilings } from '../../../src-shared/filings/readFilings';
import type { FilingsRead } from '../../../src-shared/filings/types';
import type { Cell } from '../../fixtures/filingFiles';
import { filingsFile } from '../../fixtures/filingFiles';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

const A = '91350100M000100Y43';
const B = '91350102MA2Y0K3L0A';
// Numbers, Excel dates, decimals a float would show ragged (0.1 + 0.2), full-width text and a refused row.
const ROWS: Cell[][] = [
  [A, '万象商业', '2026-01', '', '', 100000.5, 62000.31, 95000.25, 76000.07, 120],
  [A, '万象商业', new Date(Date.UTC(2026, 1, 1)), '一般工商业', '不满1千伏', 0.1 + 0.2, 0.19, 0.3, 0.25, 120],
  [B, 'ＡＢＣ园区', '2026年3月', '大工业', '1-10千伏', '１２,３４５.６７８９', '7,654.32', 12000, 9000, '８户'],
  [B, 'ＡＢＣ园区', 202604, '', '', 0, 1, 1, 1, 8],
  [A, '万象商业', '2026/1', '', '', 1, 1, 1, 1, 1],
];
const meaning = (read: FilingsRead) => ({ filings: read.filings, rejected: read.rejected, skipped: read.skipped });

let dir = '';
let original: FilingsRead;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'filings-lo-'));
  original = await readFilings(await filingsFile(ROWS, { above: [['2026年转供电主体月度报表']] }));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('filings files written by other hands', () => {
  it('reads what was meant: 0.1 + 0.2 kWh as 0.3, the refused rows refused', () => {
    expect(original.filings.map((f) => [f.row, f.month, f.purchaseKwh, f.purchaseFen, f.resoldKwh, f.chargedFen])).toEqual([
      [3, '2026-01', '100000.5', 6_200_031, '95000.25', 7_600_007],
      [4, '2026-02', '0.3', 19, '0.3', 25],
      [5, '2026-03', '12345.6789', 765_432, '12000', 900_000],
    ]);
    expect(original.rejected.map(({ row, field, reason }) => ({ row, field, reason }))).toEqual([
      { row: 6, field: '购电量（千瓦时）', reason: '应大于 0：“0”' },
      { row: 7, field: '月份', reason: '重复：该主体该月份已在第 3 行填报' },
    ]);
  });

  it.skipIf(!hasSoffice)('a filings file re-saved by LibreOffice reads the same (skipped only where soffice is not installed)', { timeout: 180_000 }, async () => {
    const input = join(dir, 'filings.xlsx');
    await writeFile(input, await filingsFile(ROWS, { above: [['2026年转供电主体月度报表']] }));
    // A private profile, so a desktop LibreOffice that is open does not take the conversion over.
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'resaved'), input], { stdio: 'ignore', timeout: 170_000 });
    const resaved = await readFile(join(dir, 'resaved', 'filings.xlsx'));
    expect(Buffer.compare(resaved, await readFile(input))).not.toBe(0);
    expect(meaning(await readFilings(resaved))).toEqual(meaning(original));
  });

  it('the same rows with every number as text, another column order and two title rows read the same', async () => {
    const order = [2, 0, 1, 5, 6, 7, 8, 3, 4, 9];
    const asText = (v: Cell, i: number): Cell => (i === 2 ? (v instanceof Date ? '2026年2月' : String(v)) : typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 4 }) : v);
    const header = ['所属期', '社会信用代码', '转供电主体名称', '购电量(kWh)', '购电费(元)', '转供电量(kWh)', '收取电费金额(元)', '用电类别', '电压等级', '终端用户数'];
    const bytes = await filingsFile(
      ROWS.map((r) => order.map((i) => asText(r[i]!, i))),
      { header, above: [['2026年转供电主体月度报表'], ['单位：千瓦时、元']] },
    );
    const again = await readFilings(bytes);
    expect(again.headerRow).toBe(3);
    const shift = (read: FilingsRead) => ({ filings: read.filings.map((f) => ({ ...f, row: f.row - 1 })), rejected: read.rejected.map((i) => ({ ...i, row: i.row - 1, params: i.code === 'duplicate' ? { first: 3 } : i.params, reason: i.reason.replace('第 4 行', '第 3 行') })) });
    expect(shift(again)).toEqual({ filings: original.filings, rejected: original.rejected });
  });
});
