import { describe, expect, it } from 'vitest';
import { formatIssue, importList } from '../../../src-shared/lists/importList';
import { messyEntityList, messyInspectorList } from '../../fixtures/listFiles';

describe('list import: a messy target list from an office', async () => {
  const file = await messyEntityList();
  const result = await importList('entities', file.bytes);

  it('finds the header on row 4, below a merged title, the issuing office and a blank row, on the second sheet', () => {
    expect(result.headerRow).toBe(4);
  });

  it('maps shuffled columns by their aliases, ignoring 序号, 所属行业, 登记日期 and 备注', () => {
    expect(result.columns).toEqual({
      name: '单位名称',
      uscc: '统一社会信用代码 （18位）',
      district: '*所属区县',
      subdistrict: '街道（乡镇）',
      kind: '主体类型',
      address: '详细地址',
      tenantCount: '租户数（户）',
      lat: '纬度',
      lng: '经度',
      contact: '负责人',
      phone: '联系电话',
      credit: '信用风险分类',
      lastInspectors: '上次检查人员执法证号',
      active: '经营状态',
    });
  });

  it('accepts every good row as the record it was written from (lower case, full width, rich text, formulas, links)', () => {
    expect(result.accepted.map(({ row, value }) => ({ row, value }))).toEqual(file.accepted);
    expect(result.accepted).toHaveLength(24);
    expect(result.accepted.every((a) => !a.updates)).toBe(true);
  });

  it('rejects the spoiled rows with exactly the written-out issues', () => {
    expect(result.rejected.map(({ row, field, code, reason }) => ({ row, field, code, reason }))).toEqual(file.rejected);
  });

  it('reports spoiled rows at the rows Excel shows', () => {
    expect(result.rejected.map((i) => formatIssue(i))).toEqual([
      '第 32 行：统一社会信用代码校验位错误',
      '第 33 行：统一社会信用代码应为 18 位，实际为 17 位',
      '第 34 行：统一社会信用代码含有非法字符“I”',
      '第 35 行：名称不能为空',
      '第 37 行：类型“超市”无法识别，应为商业综合体、产业园区、写字楼或其他',
      '第 37 行：区不能为空',
      '第 38 行：经度不是数字：“abc”',
      '第 39 行：纬度超出范围：60（应在 3 至 54 之间）',
      '第 40 行：纬度未填写（经度和纬度须同时填写或同时留空）',
      '第 41 行：租户数应为非负整数：“12.5”',
      '第 42 行：联系电话格式不正确：“87654321”',
      '第 42 行：信用等级“橙色”无法识别，应为绿、蓝、黄、红、黑或留空',
      '第 42 行：状态“吊扣”无法识别，应为正常、在册、在岗、注销或停用',
      '第 43 行：统一社会信用代码校验位错误',
      '第 43 行：经度超出范围：200（应在 73 至 136 之间）',
      '第 43 行：租户数应为非负整数：“-3”',
      '第 44 行：统一社会信用代码与第 5 行重复',
    ]);
  });

  it('skips blank rows inside the table, the total and the notes, and nothing after them', () => {
    expect(result.skipped).toEqual(file.skipped);
    expect(result.skipped).toEqual([
      { row: 12, why: 'blank' },
      { row: 20, why: 'blank' },
      { row: 28, why: 'blank' },
      { row: 36, why: 'blank' },
      { row: 45, why: 'subtotal' },
      { row: 46, why: 'blank' },
      { row: 47, why: 'note' },
      { row: 48, why: 'note' },
      { row: 49, why: 'note' },
    ]);
  });

  it('gives the same result for another seed and size', async () => {
    const other = await messyEntityList({ seed: 99, good: 60 });
    const again = await importList('entities', other.bytes);
    expect(again.accepted.map(({ row, value }) => ({ row, value }))).toEqual(other.accepted);
    expect(again.rejected.map(({ row, field, code, reason }) => ({ row, field, code, reason }))).toEqual(other.rejected);
    expect(again.skipped).toEqual(other.skipped);
  });
});

describe('list import: a messy inspector list with a two-level header', async () => {
  const file = await messyInspectorList();
  const result = await importList('inspectors', file.bytes);

  it('takes the lower row of a two-level header (merged cells above sub-headers)', () => {
    expect(result.headerRow).toBe(3);
    expect(result.columns.phone).toBe('联系电话');
    expect(result.columns.conflicts).toBe('回避对象（统一社会信用代码）');
  });

  it('accepts good rows: certificate numbers stored as numbers, full width or padded; names with odd spaces', () => {
    expect(result.accepted.map(({ row, value }) => ({ row, value }))).toEqual(file.accepted);
  });

  it('rejects spoiled rows and the duplicate certificate number', () => {
    expect(result.rejected.map((i) => formatIssue(i))).toEqual([
      '第 17 行：执法证号不能为空',
      '第 18 行：姓名不能为空',
      '第 18 行：区不能为空',
      '第 19 行：联系电话格式不正确：“0591-8765”',
      '第 19 行：回避对象中的“91350100M000100Y40”校验位错误',
      '第 20 行：状态“出差”无法识别，应为正常、在册、在岗、注销或停用',
      '第 21 行：执法证号与第 6 行重复',
    ]);
  });

  it('skips a row of spaces and the 填报说明 line', () => {
    expect(result.skipped).toEqual([
      { row: 9, why: 'blank' },
      { row: 22, why: 'note' },
    ]);
  });
});
