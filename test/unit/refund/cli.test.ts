import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/index';
import { tariffTemplate } from '../../../src-shared/tariff/template';
import { workbookOf } from '../../fixtures/listFiles';

const sample = fileURLToPath(new URL('../../../resources/tariffs/sample-fujian.json', import.meta.url));
const key = ['--region', '福建', '--category', '一般工商业', '--voltage', '不满1千伏'];

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tariffcheck overcharge', () => {
  let dir = '';
  let bills = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'overcharge-'));
    bills = join(dir, 'bills.xlsx');
    await writeFile(
      bills,
      await workbookOf([
        {
          name: '台账',
          rows: [
            ['某广场商户电费台账'],
            ['租户', '房号', '账期', '电量', '电费', '用电服务费'],
            ['甲商店', 'A-1', '2026年2月', '1,000', '900.00', '50'],
            ['甲商店', 'A-1', '2026年3月', '1000', '600.00', ''],
            ['乙商店', 'A-2', '2026-03', '-5', '10', ''],
            ['丙商店', 'A-3', '2024-12', '100', '90', ''],
            ['合计', null, null, null, '1600.00'],
          ],
        },
      ]),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints tenants and the total in fen, the rows it could not read, and what it left out', async () => {
    const { code, out, err } = await run('overcharge', '--bills', bills, '--tariffs', sample, ...key, '--json');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const report = JSON.parse(out);
    // 甲, 2026-02: 900.00 + 50.00 − 1000 × 0.6177 = 332.30; 2026-03: 600.00 < 609.30, nothing
    expect(report.tenants.map((t: { tenant: string; overchargeFen: number }) => ({ tenant: t.tenant, overchargeFen: t.overchargeFen }))).toEqual([{ tenant: '甲商店', overchargeFen: 33230 }]);
    expect(report.totalOverchargeFen).toBe(33230);
    expect(report.unreadable).toEqual([{ row: 5, field: '电量', reason: '为负数：-5' }]);
    expect(report.leftOut).toEqual([{ line: 6, tenant: '丙商店', month: '2024-12', reasons: ['账期：2024-12 没有执行中的不分时目录电价（福建，一般工商业，不满1千伏）'] }]);
    expect(report.fees).toContainEqual({ fee: '用电服务费', billedFen: 5000, overchargeFen: 5000, lines: [3] });
  });

  it('reads a tariff table from Excel and shares grid bills', async () => {
    const tariffs = join(dir, 'tariffs.xlsx');
    await writeFile(tariffs, await tariffTemplate());
    const byTable = await run('overcharge', '--bills', bills, '--tariffs', tariffs, ...key, '--json');
    expect(JSON.parse(byTable.out).totalOverchargeFen).toBe(90000 + 5000 - 60930 + 0);
    const byGrid = await run('overcharge', '--bills', bills, '--method', 'grid-bill', '--grid-bill', '2026-02=600', '--grid-bill', '2026年3月=610.5', '--grid-bill', '2025-01=1', '--json');
    const report = JSON.parse(byGrid.out);
    expect(byGrid.code).toBe(0);
    // 2026-03 has an unread row (乙), so it is not shared; 2026-02: 950.00 − 600.00
    expect(report.totalOverchargeFen).toBe(35000);
    expect(report.inputIssues.map((i: { reason: string }) => i.reason)).toEqual(['电网电费账单的月份 2025-01 在台账中没有任何账单行']);
  });

  it('exits 2 for a ledger without a header and 3 for a table without the tariff asked for', async () => {
    const noHeader = join(dir, 'no-header.xlsx');
    await writeFile(noHeader, await workbookOf([{ name: 'S', rows: [['abc', 'def'], ['1', '2']] }]));
    const a = await run('overcharge', '--bills', noHeader, '--tariffs', sample, ...key);
    expect(a.code).toBe(2);
    expect(a.err).toContain('找不到台账表头');
    const b = await run('overcharge', '--bills', bills, '--tariffs', sample, '--region', '广东', '--category', '一般工商业', '--voltage', '不满1千伏');
    expect(b).toMatchObject({ code: 3, err: expect.stringContaining('电价表中没有 广东、一般工商业、不满1千伏 的电价') });
  });

  it('applies a column mapping file, and refuses one that does not fit the ledger', async () => {
    const mapping = join(dir, 'mapping.json');
    await writeFile(mapping, JSON.stringify({ fields: { tenant: '房号', month: 3, kwh: '电量', energy: '电费' } }));
    const mapped = await run('overcharge', '--bills', bills, '--tariffs', sample, ...key, '--mapping', mapping, '--json');
    const report = JSON.parse(mapped.out);
    // without the fee column mapped, 甲's February is 900.00 − 617.70, and the tenant is the unit
    expect(report.tenants.map((t: { tenant: string }) => t.tenant)).toEqual(['A-1']);
    expect(report.totalOverchargeFen).toBe(28230);
    await writeFile(mapping, JSON.stringify({ fields: { tenant: '商户名称' } }));
    const bad = await run('overcharge', '--bills', bills, '--tariffs', sample, ...key, '--mapping', mapping);
    expect(bad).toMatchObject({ code: 3, err: expect.stringContaining('列映射中的“商户名称”在第') });
  });
});
