import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src-main/cli/index';
import { workbookOf } from '../../fixtures/listFiles';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/files/${name}`, import.meta.url));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('tariffcheck check-list', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'check-list-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the JSON report and exits 0 although rows were rejected', async () => {
    const { code, out, err } = await run('check-list', '--kind', 'entities', fixture('entities-libreoffice-csv.xlsx'), '--json');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(out)).toEqual({
      accepted: 3,
      rejected: [
        { row: 8, field: '类型', reason: '“物流园”无法识别，应为商业综合体、产业园区、写字楼或其他' },
        { row: 9, field: '统一社会信用代码', reason: '被 Excel 存成了数字，超出 15 位的部分已丢失，请将该列设为文本格式后重新填写' },
        { row: 9, field: '联系电话', reason: '格式不正确：“0591-8765”' },
        { row: 10, field: '纬度', reason: '未填写（经度和纬度须同时填写或同时留空）' },
        { row: 11, field: '统一社会信用代码', reason: '与第 4 行重复' },
      ],
      headerRow: 3,
      skipped: 2,
    });
  });

  it('checks an inspector list', async () => {
    const { code, out } = await run('check-list', '--json', '--kind', 'inspectors', fixture('inspectors-libreoffice-resaved.xlsx'));
    expect(code).toBe(0);
    const report = JSON.parse(out) as { accepted: number; rejected: unknown[]; headerRow: number; skipped: number };
    expect({ ...report, rejected: report.rejected.length }).toEqual({ accepted: 12, rejected: 7, headerRow: 3, skipped: 2 });
    expect(report.rejected[0]).toEqual({ row: 17, field: '执法证号', reason: '不能为空' });
  });

  it('prints a Chinese report without --json', async () => {
    const { code, out } = await run('check-list', '--kind', 'entities', fixture('entities-libreoffice-csv.xlsx'));
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual([
      '检查对象名录库检查结果：entities-libreoffice-csv.xlsx',
      '表头在第 3 行，识别的列：单位名称、统一社会信用代码、区、街道、类型、地址、经度、纬度、租户数、联系人、联系电话、信用等级、上次检查人员、状态',
      '可导入 3 行',
      '有问题 4 行，共 5 处',
      '  第 8 行：类型“物流园”无法识别，应为商业综合体、产业园区、写字楼或其他',
      '  第 9 行：统一社会信用代码被 Excel 存成了数字，超出 15 位的部分已丢失，请将该列设为文本格式后重新填写',
      '  第 9 行：联系电话格式不正确：“0591-8765”',
      '  第 10 行：纬度未填写（经度和纬度须同时填写或同时留空）',
      '  第 11 行：统一社会信用代码与第 4 行重复',
      '跳过 2 行（空行 1、说明 1、合计 0）',
    ]);
  });

  it('exits 2 with the reason on stderr when the file is not a workbook', async () => {
    const path = join(dir, 'notes.xlsx');
    await writeFile(path, '这不是 Excel 文件');
    const { code, out, err } = await run('check-list', '--kind', 'entities', path, '--json');
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toBe(`tariffcheck check-list: ${path}：无法读取该文件，请确认是 Excel 工作簿（.xlsx）`);
  });

  it('exits 2 when no header is recognised', async () => {
    const path = join(dir, 'other.xlsx');
    await writeFile(path, await workbookOf([{ name: 'S', rows: [['日期', '金额'], ['2024-05-01', 1]] }]));
    const { code, err } = await run('check-list', '--kind', 'inspectors', path);
    expect(code).toBe(2);
    expect(err).toBe(`tariffcheck check-list: ${path}：找不到表头，请确认表头包含“执法证号”等列`);
  });

  it.each([
    [['check-list', 'x.xlsx'], 'tariffcheck check-list: --kind 须为 entities（检查对象）或 inspectors（执法检查人员）'],
    [['check-list', '--kind', 'targets', 'x.xlsx'], 'tariffcheck check-list: --kind 须为 entities（检查对象）或 inspectors（执法检查人员）'],
    [['check-list', '--kind', 'entities'], 'tariffcheck check-list: 请给出一个 .xlsx 文件'],
    [['check-list', '--kind', 'entities', 'a.xlsx', 'b.xlsx'], 'tariffcheck check-list: 请给出一个 .xlsx 文件'],
  ])('exits 2 on bad arguments: %j', async (argv, message) => {
    const { code, err } = await run(...argv);
    expect({ code, err }).toEqual({ code: 2, err: message });
  });

  it('exits 2 on an unknown option and on a missing file', async () => {
    expect((await run('check-list', '--kind', 'entities', '--strict', 'x.xlsx')).code).toBe(2);
    const missing = await run('check-list', '--kind', 'entities', join(dir, 'missing.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^tariffcheck check-list: 无法打开文件 .*missing\.xlsx：ENOENT/);
  });
});
