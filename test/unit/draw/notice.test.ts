import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runDraw } from '../../../src-shared/draw/draw';
import { buildNoticeWorkbook, chinaTime } from '../../../src-shared/draw/notice';
import { vectorEntities, vectorInspectors, vectorPlan, vectorSeed } from './vector';

const result = runDraw({ entities: vectorEntities, inspectors: vectorInspectors, plan: vectorPlan, seed: vectorSeed, drawnAt: '2025-03-01T17:30:05.000Z' });

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

function rows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push(Array.isArray(row.values) ? row.values.slice(1) : []));
  return out;
}

describe('public notice workbook', () => {
  it('prints every sheet on A4 landscape, one page wide', async () => {
    const workbook = await load(await buildNoticeWorkbook(result, result.record.plan, vectorInspectors));
    expect(workbook.worksheets.map((s) => [s.pageSetup.paperSize, s.pageSetup.orientation, s.pageSetup.fitToPage, s.pageSetup.fitToWidth, s.pageSetup.fitToHeight])).toEqual([
      [9, 'landscape', true, 1, 0],
      [9, 'landscape', true, 1, 0],
    ]);
  });

  it('shows UTC times in China Standard Time', () => {
    expect(chinaTime('2025-03-01T17:30:05.000Z')).toBe('2025-03-02 01:30:05');
  });

  it('has the plan sheet with every part of the record', async () => {
    const workbook = await load(await buildNoticeWorkbook(result, result.record.plan, vectorInspectors));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['抽查计划', '抽查名单']);
    const plan = workbook.getWorksheet('抽查计划')!;
    const byLabel = new Map(rows(plan).map(([k, v]) => [k, v]));
    expect(byLabel.get('抽查计划名称')).toBe('示例计划');
    expect(byLabel.get('抽查比例')).toBe('50%');
    expect(byLabel.get('抽查范围')).toBe('全部区县');
    expect(byLabel.get('分组方式')).toBe('区');
    expect(byLabel.get('检查组人数')).toBe('2');
    expect(byLabel.get('每名执法人员最多检查户数')).toBe('不设上限');
    expect(byLabel.get('回避规则')).toBe('申报利害关系（始终适用）、同街镇、上次检查人员');
    expect(byLabel.get('随机种子')).toBe(vectorSeed);
    expect(byLabel.get('抽取时间（北京时间）')).toBe('2025-03-02 01:30:05');
    expect(byLabel.get('检查对象名录哈希（SHA-256）')).toBe(result.record.entitiesHash);
    expect(byLabel.get('执法人员名录哈希（SHA-256）')).toBe(result.record.inspectorsHash);
    expect(byLabel.get('抽查计划哈希（SHA-256）')).toBe(result.record.planHash);
    expect(byLabel.get('抽取算法')).toBe('tariffcheck-draw/3');
    expect(byLabel.get('抽取结果哈希（SHA-256）')).toBe(result.record.outputHash);
    expect(byLabel.get('分组')).toBe('鼓楼区：共 3 户，比例 50%，抽中 2 户');
    expect(plan.getRow(1).font?.bold).toBe(true);
    expect(plan.getColumn(2).width).toBeGreaterThanOrEqual(64);
  });

  it('lists the selected targets with their teams by name and certificate number', async () => {
    const workbook = await load(await buildNoticeWorkbook(result, result.record.plan, vectorInspectors));
    const list = workbook.getWorksheet('抽查名单')!;
    expect(rows(list)).toEqual([
      ['序号', '统一社会信用代码', '名称', '区', '街镇', '类型', '检查人员'],
      [1, '91110000600037341L', '温泉产业园', '鼓楼区', '温泉街道', '产业园区', '刘洋（35010004）、李娜（35010002）'],
      [2, '91310115MA1K3BTP2B', '五凤写字楼', '鼓楼区', '五凤街道', '写字楼', '王伟（35010001）、刘洋（35010004）'],
    ]);
    expect(list.getRow(1).font?.bold).toBe(true);
    expect(list.getColumn(2).width).toBeGreaterThanOrEqual(20);
  });

  it('falls back to certificate numbers without the inspector list', async () => {
    const workbook = await load(await buildNoticeWorkbook(result, result.record.plan));
    expect(workbook.getWorksheet('抽查名单')!.getRow(2).getCell(7).value).toBe('35010004、35010002');
  });
});
