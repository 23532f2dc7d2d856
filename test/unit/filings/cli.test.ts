import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/index';
import { tariffTemplate } from '../../../src-shared/tariff/template';
import { filingsFile } from '../../fixtures/filingFiles';

const SAMPLE = fileURLToPath(new URL('../../../resources/tariffs/sample-fujian.json', import.meta.url));
const A = '91350100M000100Y43';
const B = '91350102MA2Y0K3L0A';
const C = '91350104MA8N7P6Q13';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let dir = '';
let filings = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'screen-filings-'));
  filings = join(dir, 'filings.xlsx');
  await writeFile(
    filings,
    await filingsFile(
      [
        [A, '万象商业', '2026年1月', '', '', '100,000', '62,000.00', 95000, 76000, 120], // row 3
        [A, '万象商业', '2026-03', '', '', 10000, 6093, 9500, 5788.35, 120], // row 4: at the catalogue price
        [B, '金山园区', '202601', '大工业', '1-10千伏', 20000, 10642, 18000, 9577.8, 30], // row 5: no 不分时 price; 10 % loss
        [C, '东街写字楼', '2026/2', '', '', 1000, 617.7, 1000.5, 700, 12], // row 6: resold more than bought
        [A, '万象商业', '2026-01', '', '', 1, 1, 1, 1, 120], // row 7: duplicate of row 3
        ['91350100M000100Y44', '坏码', '2026-01', '', '', 1, 1, 1, 1, 1], // row 8
        [A, '万象商业', '2024-06', '', '', 1, 1, 1, 1, 120], // row 9: no catalogue price
      ],
      { above: [['2026年转供电主体月度报表']] },
    ),
  );
  await writeFile(join(dir, 'tariffs.xlsx'), await tariffTemplate());
  await writeFile(join(dir, 'not.xlsx'), 'this is not a workbook');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('tariffcheck screen-filings', () => {
  it('prints the exact JSON of a small file', async () => {
    const r = await run('screen-filings', '--filings', filings, '--tariffs', SAMPLE, '--region', '福建', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      filings: [
        { row: 3, uscc: A, month: '2026-01', purchaseAvgPrice: '0.6200', chargedAvgPrice: '0.8000', markupPerKwh: '0.1800', lossRate: '0.0500', catalogueReference: '0.6177', estimatedExcessFen: 1731850, flags: ['markup', 'above-catalogue'] },
        { row: 4, uscc: A, month: '2026-03', purchaseAvgPrice: '0.6093', chargedAvgPrice: '0.6093', markupPerKwh: '0.0000', lossRate: '0.0500', catalogueReference: '0.6093', estimatedExcessFen: 0, flags: [] },
        { row: 5, uscc: B, month: '2026-01', purchaseAvgPrice: '0.5321', chargedAvgPrice: '0.5321', markupPerKwh: '0.0000', lossRate: '0.1000', catalogueReference: '1.0218', estimatedExcessFen: 0, flags: ['loss'] },
        { row: 6, uscc: C, month: '2026-02', purchaseAvgPrice: '0.6177', chargedAvgPrice: '0.6997', markupPerKwh: '0.0820', lossRate: '-0.0005', catalogueReference: '0.6177', estimatedExcessFen: 8199, flags: ['markup', 'above-catalogue', 'inverted'] },
      ],
      rejected: [
        { row: 7, field: '月份', reason: '重复：该主体该月份已在第 3 行填报' },
        { row: 8, field: '统一社会信用代码', reason: '校验位错误' },
        { row: 9, field: '月份', reason: '没有该月的目录电价（福建、一般工商业、不满1千伏，2024-06）' },
      ],
      landlords: [
        { uscc: A, flaggedMonths: 1, estimatedExcessFen: 1731850 },
        { uscc: C, flaggedMonths: 1, estimatedExcessFen: 8199 },
        { uscc: B, flaggedMonths: 1, estimatedExcessFen: 0 },
      ],
    });
  });

  it('applies --tolerance and --loss-threshold', async () => {
    const r = await run('screen-filings', '--filings', filings, '--tariffs', SAMPLE, '--region', '福建', '--tolerance', '0.1800', '--loss-threshold', '0.10', '--json');
    const report = JSON.parse(r.out) as { filings: { row: number; flags: string[] }[] };
    expect(report.filings.map((f) => [f.row, f.flags])).toEqual([
      [3, ['above-catalogue']],
      [4, []],
      [5, []],
      [6, ['above-catalogue', 'inverted']],
    ]);
  });

  it('reads a tariff workbook (.xlsx) as well as JSON', async () => {
    const r = await run('screen-filings', '--filings', filings, '--tariffs', join(dir, 'tariffs.xlsx'), '--region', '福建', '--json');
    const report = JSON.parse(r.out) as { filings: { row: number; catalogueReference: string }[]; rejected: { row: number }[] };
    // The template's example table: 0.6177 through 2025, 0.6093 from 2026 on; no 大工业 prices.
    expect(report.filings.map((f) => [f.row, f.catalogueReference])).toEqual([
      [3, '0.6093'],
      [4, '0.6093'],
      [6, '0.6093'],
    ]);
    expect(report.rejected.map((i) => i.row)).toEqual([5, 7, 8, 9]);
  });

  it('prints a readable Chinese summary without --json', async () => {
    const r = await run('screen-filings', '--filings', filings, '--tariffs', SAMPLE, '--region', '福建');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('转供电主体月度报表筛查：filings.xlsx（表头在第 2 行）');
    expect(lines[1]).toBe('加价容差 0 元/千瓦时，损耗率阈值 0.07');
    expect(lines[2]).toBe('已筛查 4 行、3 个主体，其中 3 行有标记，估算多收电费合计 17,400.49 元；拒收 3 行');
    expect(r.out).toContain(`   1  ${A}  万象商业   1       17,318.50`);
    expect(r.out).toContain('  第 6 行  91350104MA8N7P6Q13  2026-02  购电均价 0.6177  收费均价 0.6997  目录电价 0.6177  损耗率 -0.0005  估算多收 81.99 元  加价、高于目录电价、转供电量大于购电量');
    expect(r.out).toContain('  第 7 行：月份重复：该主体该月份已在第 3 行填报');
  });

  it('exits 2 with the reason when the filings file cannot be read', async () => {
    const bad = await run('screen-filings', '--filings', join(dir, 'not.xlsx'), '--tariffs', SAMPLE, '--region', '福建', '--json');
    expect(bad).toEqual({ code: 2, out: '', err: `tariffcheck screen-filings: ${join(dir, 'not.xlsx')}：无法读取该文件，请确认是 Excel 工作簿（.xlsx）` });
    const missing = await run('screen-filings', '--filings', join(dir, 'nope.xlsx'), '--tariffs', SAMPLE, '--region', '福建');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`无法打开文件 ${join(dir, 'nope.xlsx')}`);
  });

  it('exits 2 for bad arguments and 3 for a region the tariff table does not price', async () => {
    expect((await run('screen-filings', '--filings', filings, '--tariffs', SAMPLE)).err).toContain('--region');
    expect((await run('screen-filings', '--filings', filings, '--tariffs', SAMPLE, '--region', '福建', '--tolerance', '-1')).code).toBe(2);
    expect((await run('screen-filings', '--filings', filings, '--tariffs', SAMPLE, '--region', '福建', '--loss-threshold', '1.5')).code).toBe(2);
    const r = await run('screen-filings', '--filings', filings, '--tariffs', SAMPLE, '--region', '上海');
    expect(r).toMatchObject({ code: 3, err: `tariffcheck screen-filings: ${SAMPLE}：电价表中没有地区“上海”的电价` });
  });

  it('is listed in the usage', async () => {
    expect((await run('--help')).out).toContain('  screen-filings --filings FILE.xlsx --tariffs FILE.xlsx|FILE.json --region R [--tolerance 0.0000] [--loss-threshold 0.07] [--json]');
  });
});
