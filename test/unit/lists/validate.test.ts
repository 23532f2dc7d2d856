import { describe, expect, it } from 'vitest';
import { formatIssue, importList } from '../../../src-shared/lists/importList';
import { type Cell, syntheticEntities, workbookOf } from '../../fixtures/listFiles';

const ENTITY_HEAD = ['统一社会信用代码', '名称', '类型', '区', '街镇', '地址', '经度', '纬度', '租户数', '联系人', '联系电话', '信用等级', '上次检查人员', '状态'];
const INSPECTOR_HEAD = ['执法证号', '姓名', '单位', '区', '街镇', '联系电话', '回避对象', '状态'];
const codes = syntheticEntities(80, 3).map((e) => e.uscc);

/** A valid target row with some cells replaced, by header label; each row gets its own code. */
function entityRow(i: number, cells: Record<string, Cell>): Cell[] {
  const base: Record<string, Cell> = {
    统一社会信用代码: codes[i]!,
    名称: `福州测试${i}购物中心有限公司`,
    类型: '商场',
    区: '鼓楼区',
    经度: 119.3,
    纬度: 26.08,
    租户数: 10,
    联系电话: '13800138000',
  };
  const row = { ...base, ...cells };
  return ENTITY_HEAD.map((label) => row[label] ?? null);
}

function inspectorRow(i: number, cells: Record<string, Cell>): Cell[] {
  const row: Record<string, Cell> = { 执法证号: `3501${1000 + i}`, 姓名: `检查员${i}`, 区: '鼓楼区', ...cells };
  return INSPECTOR_HEAD.map((label) => row[label] ?? null);
}

async function entityMessages(cases: Record<string, Cell>[]): Promise<string[]> {
  const bytes = await workbookOf([{ name: 'Sheet1', rows: [ENTITY_HEAD, ...cases.map((c, i) => entityRow(i, c))] }]);
  return (await importList('entities', bytes)).rejected.map((issue) => formatIssue(issue));
}

describe('list rows: every reason of a target row, with the row Excel shows', () => {
  it.each<[string, Record<string, Cell>, string[]]>([
    ['17 characters', { 统一社会信用代码: '91350100M000100Y4' }, ['第 2 行：统一社会信用代码应为 18 位，实际为 17 位']],
    ['19 characters', { 统一社会信用代码: '91350100M000100Y431' }, ['第 2 行：统一社会信用代码应为 18 位，实际为 19 位']],
    ['a letter not in the alphabet', { 统一社会信用代码: '91350100M000100O43' }, ['第 2 行：统一社会信用代码含有非法字符“O”']],
    ['a wrong check character', { 统一社会信用代码: '91350100M000100Y44' }, ['第 2 行：统一社会信用代码校验位错误']],
    // An all-digit code typed into a General cell: the number keeps only about 16 of its 18 digits.
    ['a code Excel kept as a number', { 统一社会信用代码: Number('913501001234567813') }, ['第 2 行：统一社会信用代码被 Excel 存成了数字，超出 15 位的部分已丢失，请将该列设为文本格式后重新填写']],
    ['no code', { 统一社会信用代码: null }, ['第 2 行：统一社会信用代码不能为空']],
    ['no name', { 名称: '　' }, ['第 2 行：名称不能为空']],
    ['no district', { 区: null }, ['第 2 行：区不能为空']],
    ['an unknown kind', { 类型: '超市' }, ['第 2 行：类型“超市”无法识别，应为商业综合体、产业园区、写字楼或其他']],
    ['an unknown credit grade', { 信用等级: '紫色' }, ['第 2 行：信用等级“紫色”无法识别，应为绿、蓝、黄、红、黑或留空']],
    ['an unknown status', { 状态: '暂停' }, ['第 2 行：状态“暂停”无法识别，应为正常、在册、在岗、注销或停用']],
    ['a longitude that is not a number', { 经度: '东经119度' }, ['第 2 行：经度不是数字：“东经119度”']],
    ['a longitude west of China', { 经度: 72.9 }, ['第 2 行：经度超出范围：72.9（应在 73 至 136 之间）']],
    ['a latitude north of China', { 纬度: '54.5' }, ['第 2 行：纬度超出范围：54.5（应在 3 至 54 之间）']],
    ['a longitude without latitude', { 纬度: null }, ['第 2 行：纬度未填写（经度和纬度须同时填写或同时留空）']],
    ['a latitude without longitude', { 经度: ' ' }, ['第 2 行：经度未填写（经度和纬度须同时填写或同时留空）']],
    ['a negative tenant count', { 租户数: -1 }, ['第 2 行：租户数应为非负整数：“-1”']],
    ['a fractional tenant count', { 租户数: '3.5' }, ['第 2 行：租户数应为非负整数：“3.5”']],
    ['a tenant count in words', { 租户数: '约100' }, ['第 2 行：租户数应为非负整数：“约100”']],
    ['a mobile number starting 12', { 联系电话: '12345678901' }, ['第 2 行：联系电话格式不正确：“12345678901”']],
    ['a landline too short', { 联系电话: '0591-876' }, ['第 2 行：联系电话格式不正确：“0591-876”']],
    ['one bad number among two', { 联系电话: '13800138000；12345' }, ['第 2 行：联系电话格式不正确：“12345”']],
    ['a name of 201 characters', { 名称: '商'.repeat(201) }, ['第 2 行：名称超过 200 个字符']],
  ])('%s', async (_, cells, expected) => {
    expect(await entityMessages([cells])).toEqual(expected);
  });

  it('reports every problem of a row, one per column, in column order', async () => {
    const messages = await entityMessages([{}, { 统一社会信用代码: '91350100M000100Y44', 区: '', 经度: 200, 租户数: 'x', 状态: '?' }]);
    expect(messages).toEqual([
      '第 3 行：统一社会信用代码校验位错误',
      '第 3 行：区不能为空',
      '第 3 行：经度超出范围：200（应在 73 至 136 之间）',
      '第 3 行：租户数应为非负整数：“x”',
      '第 3 行：状态“?”无法识别，应为正常、在册、在岗、注销或停用',
    ]);
  });

  it('gives each issue a stable code, its parameters and the reason that follows the label', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [ENTITY_HEAD, entityRow(0, { 统一社会信用代码: '91350100M000100Y4' })] }]);
    const { rejected } = await importList('entities', bytes);
    expect(rejected).toEqual([{ row: 2, field: '统一社会信用代码', code: 'uscc.length', params: { length: 17 }, reason: '应为 18 位，实际为 17 位' }]);
  });
});

describe('list rows: what a target row may look like and still be accepted', () => {
  it.each<[string, Record<string, Cell>, Record<string, unknown>]>([
    ['a lower-case code', { 统一社会信用代码: '91350100m000100y43' }, { uscc: '91350100M000100Y43' }],
    ['a full-width code with spaces', { 统一社会信用代码: '　９１３５ ０１００ Ｍ０００ １００Ｙ４３ ' }, { uscc: '91350100M000100Y43' }],
    ['a code with a zero-width space pasted from a web page', { 统一社会信用代码: '91350100M000\u200b100Y43' }, { uscc: '91350100M000100Y43' }],
    ['a tenant count with thousands separators', { 租户数: '12,345' }, { tenantCount: 12345 }],
    ['a tenant count in full-width digits with a unit', { 租户数: '１２０户' }, { tenantCount: 120 }],
    ['coordinates as text with a degree sign', { 经度: '119.30°', 纬度: ' 26.08 ' }, { lng: 119.3, lat: 26.08 }],
    ['no coordinates at all', { 经度: null, 纬度: null }, { lng: null, lat: null }],
    ['no tenant count', { 租户数: null }, { tenantCount: null }],
    ['kinds by their synonyms', { 类型: '购物中心' }, { kind: 'mall' }],
    ['工业园区', { 类型: '工业园区' }, { kind: 'industrial_park' }],
    ['商务楼宇', { 类型: '商务楼宇' }, { kind: 'office_building' }],
    ['a blank kind', { 类型: null }, { kind: 'other' }],
    ['a credit colour with 色', { 信用等级: '黄色' }, { credit: 'yellow' }],
    ['a one-character credit colour', { 信用等级: '黑' }, { credit: 'black' }],
    ['a blank credit grade', { 信用等级: '' }, { credit: null }],
    ['在册', { 状态: '在册' }, { active: true }],
    ['停用', { 状态: '停用' }, { active: false }],
    ['注销', { 状态: '注销' }, { active: false }],
    ['a blank status', { 状态: null }, { active: true }],
    ['a landline with a 3-digit area code', { 联系电话: '010-12345678' }, { phone: '010-12345678' }],
    ['a landline with an extension', { 联系电话: '0591-87654321-801' }, { phone: '0591-87654321-801' }],
    ['a landline in brackets', { 联系电话: '（0591）87654321' }, { phone: '(0591)87654321' }],
    ['numbers separated by 、，; and spaces', { 联系电话: '0591-87654321、13800138000，13900139000; 0591-83211234 15000150000' }, { phone: '0591-87654321、13800138000、13900139000、0591-83211234、15000150000' }],
    ['a mobile number stored as a number', { 联系电话: 13800138000 }, { phone: '13800138000' }],
    ['last inspectors by any separator', { 上次检查人员: 'fj001、FJ002，fj003;FJ004 fj001' }, { lastInspectors: ['FJ001', 'FJ002', 'FJ003', 'FJ004'] }],
    ['a district with full-width letters and spaces', { 区: '　高新区 ' }, { district: '高新区' }],
    ['a name keeps its full-width brackets', { 名称: ' 福州某某（集团）有限公司　' }, { name: '福州某某（集团）有限公司' }],
  ])('%s', async (_, cells, expected) => {
    const bytes = await workbookOf([{ name: 'S', rows: [ENTITY_HEAD, entityRow(0, cells)] }]);
    const result = await importList('entities', bytes);
    expect(result.rejected).toEqual([]);
    expect(result.accepted[0]?.value).toMatchObject(expected);
  });
});

describe('list rows: inspectors', () => {
  async function inspectorMessages(cases: Record<string, Cell>[]): Promise<string[]> {
    const bytes = await workbookOf([{ name: 'S', rows: [INSPECTOR_HEAD, ...cases.map((c, i) => inspectorRow(i, c))] }]);
    return (await importList('inspectors', bytes)).rejected.map((issue) => formatIssue(issue));
  }

  it.each<[string, Record<string, Cell>, string[]]>([
    ['no certificate number', { 执法证号: '' }, ['第 2 行：执法证号不能为空']],
    ['no name', { 姓名: null }, ['第 2 行：姓名不能为空']],
    ['no district', { 区: ' ' }, ['第 2 行：区不能为空']],
    ['a conflict code that is too short', { 回避对象: 'abc' }, ['第 2 行：回避对象中的“ABC”不是 18 位统一社会信用代码']],
    ['a conflict code with an illegal letter', { 回避对象: '91350100M000100Y43、91350100M000100O43' }, ['第 2 行：回避对象中的“91350100M000100O43”含有非法字符“O”']],
    ['a conflict code with a wrong check', { 回避对象: '91350100m000100y44' }, ['第 2 行：回避对象中的“91350100M000100Y44”校验位错误']],
    ['a bad phone', { 联系电话: '591-87654321' }, ['第 2 行：联系电话格式不正确：“591-87654321”']],
  ])('%s', async (_, cells, expected) => {
    expect(await inspectorMessages([cells])).toEqual(expected);
  });

  it('keys an inspector by the certificate number, NFKC, upper-case, without spaces', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [INSPECTOR_HEAD, inspectorRow(0, { 执法证号: ' ｆｊ 0012 ', 回避对象: '91350100m000100y43；91350100M000100Y43' })] }]);
    const { accepted } = await importList('inspectors', bytes);
    expect(accepted).toEqual([
      {
        row: 2,
        updates: false,
        value: { certNo: 'FJ0012', name: '检查员0', unit: '', district: '鼓楼区', subdistrict: '', phone: '', conflicts: ['91350100M000100Y43'], active: true },
      },
    ]);
  });
});

describe('list rows: duplicates and the stored list', () => {
  const rows = [ENTITY_HEAD, entityRow(0, {}), entityRow(1, {}), entityRow(2, { 统一社会信用代码: codes[0]!.toLowerCase() }), entityRow(3, {})];

  it('rejects the second occurrence of a code in the file, naming the first row', async () => {
    const result = await importList('entities', await workbookOf([{ name: 'S', rows }]));
    expect(result.accepted.map((a) => a.row)).toEqual([2, 3, 5]);
    expect(result.rejected.map((i) => formatIssue(i))).toEqual(['第 4 行：统一社会信用代码与第 2 行重复']);
    expect(result.rejected[0]).toMatchObject({ code: 'duplicate', params: { first: 2 } });
  });

  it('rejects a code already stored, unless asked to update', async () => {
    const bytes = await workbookOf([{ name: 'S', rows }]);
    const existing = new Set([codes[1]!, codes[3]!]);
    const rejected = await importList('entities', bytes, { existing });
    expect(rejected.accepted.map((a) => a.row)).toEqual([2]);
    expect(rejected.rejected.map((i) => formatIssue(i))).toEqual([
      '第 3 行：统一社会信用代码已在名录库中',
      '第 4 行：统一社会信用代码与第 2 行重复',
      '第 5 行：统一社会信用代码已在名录库中',
    ]);
    const updated = await importList('entities', bytes, { existing, onExisting: 'update' });
    expect(updated.accepted.map((a) => [a.row, a.updates])).toEqual([
      [2, false],
      [3, true],
      [5, true],
    ]);
    expect(updated.rejected.map((i) => formatIssue(i))).toEqual(['第 4 行：统一社会信用代码与第 2 行重复']);
  });

  it('counts a row with other problems as the first occurrence of its code', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [ENTITY_HEAD, entityRow(0, { 名称: null }), entityRow(0, {})] }]);
    const result = await importList('entities', bytes);
    expect(result.rejected.map((i) => formatIssue(i))).toEqual(['第 2 行：名称不能为空', '第 3 行：统一社会信用代码与第 2 行重复']);
  });

  it('matches stored inspectors by their canonical certificate number', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [INSPECTOR_HEAD, inspectorRow(0, { 执法证号: 'fj 001' }), inspectorRow(1, { 执法证号: 'ＦＪ００１' })] }]);
    const result = await importList('inspectors', bytes, { existing: new Set(['FJ001']) });
    expect(result.rejected.map((i) => formatIssue(i))).toEqual(['第 2 行：执法证号已在名录库中', '第 3 行：执法证号与第 2 行重复']);
  });
});
