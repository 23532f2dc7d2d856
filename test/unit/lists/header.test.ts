import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importList, ListReadError } from '../../../src-shared/lists/importList';
import { workbookOf } from '../../fixtures/listFiles';

const row = ['91350100M000100Y43', '福州某某购物中心', '鼓楼区'];

async function readError(promise: Promise<unknown>): Promise<ListReadError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ListReadError)) throw new Error(`expected a ListReadError, got ${String(error)}`);
  return error;
}

describe('list header', () => {
  it('is found on row 1 with the template labels', async () => {
    const result = await importList('entities', await workbookOf([{ name: 'S', rows: [['统一社会信用代码', '名称', '区'], row] }]));
    expect(result.headerRow).toBe(1);
    expect(result.accepted.map((a) => a.row)).toEqual([2]);
  });

  it('is found below titles in merged cells, with required stars, line breaks, brackets and full-width spaces', async () => {
    const bytes = await workbookOf([
      {
        name: 'S',
        rows: [['2024年检查对象名录'], ['单位：元'], [], [], ['*统一社会信用代码\n(必填)', '名　称', '所属区（县）', '联系电话/手机'], row],
        merges: ['A1:D2'],
      },
    ]);
    const result = await importList('entities', bytes);
    expect(result.headerRow).toBe(5);
    expect(result.columns).toEqual({ uscc: '*统一社会信用代码 (必填)', name: '名 称', district: '所属区（县）', phone: '联系电话/手机' });
    expect(result.accepted.map((a) => a.row)).toEqual([6]);
  });

  it('takes the first of two columns naming one field, and ignores the second', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [['统一社会信用代码', '名称', '区', '电话', '手机'], [...row, '0591-87654321', 'not a phone']] }]);
    const result = await importList('entities', bytes);
    expect(result.columns.phone).toBe('电话');
    expect(result.accepted[0]?.value.phone).toBe('0591-87654321');
  });

  it('is looked for in the first 20 rows only', async () => {
    const rows = [...Array.from({ length: 20 }, (_, i) => [`说明第 ${i + 1} 行`]), ['统一社会信用代码', '名称', '区'], row];
    const error = await readError(importList('entities', await workbookOf([{ name: 'S', rows }])));
    expect(error.code).toBe('no-header');
  });

  it('is taken from the sheet that has it, after a cover sheet', async () => {
    const bytes = await workbookOf([
      { name: '封面', rows: [['名录'], ['名称']] },
      { name: '数据', rows: [['统一社会信用代码', '名称', '区'], row] },
    ]);
    expect((await importList('entities', bytes)).accepted).toHaveLength(1);
  });

  it('ignores a hidden sheet when a visible one has a header too', async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('旧', { state: 'hidden' });
    hidden.addRows([['统一社会信用代码', '名称', '区', '街镇'], ['91350100M000100Y43', '旧名称', '台江区', '']]);
    workbook.addWorksheet('新').addRows([['统一社会信用代码', '名称', '区', '街镇'], ['91350100M000100Y43', '新名称', '鼓楼区', '']]);
    const result = await importList('entities', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(result.accepted[0]?.value.name).toBe('新名称');
  });

  it('skips a header repeated further down (a printed list with a header on every page)', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [['统一社会信用代码', '名称', '区'], row, ['统一社会信用代码', '名称', '区']] }]);
    expect((await importList('entities', bytes)).skipped).toEqual([{ row: 3, why: 'note' }]);
  });
});

describe('list header: files that cannot be used', () => {
  it('refuses bytes that are not an xlsx', async () => {
    const error = await readError(importList('entities', new TextEncoder().encode('统一社会信用代码,名称,区\n')));
    expect(error).toMatchObject({ code: 'unreadable', message: '无法读取该文件，请确认是 Excel 工作簿（.xlsx）' });
    expect((await readError(importList('inspectors', new Uint8Array(0)))).code).toBe('unreadable');
  });

  it('says why a workbook is refused whole: damaged, or reaching past Excel\'s columns', async () => {
    const parts = unzipSync(await workbookOf([{ name: 'S', rows: [['统一社会信用代码', '名称', '区'], row] }]));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!);
    const withSheet = (xml: string) => zipSync({ ...parts, 'xl/worksheets/sheet1.xml': strToU8(xml) });
    expect(sheet).toContain('<c r="C2"');
    expect(await readError(importList('entities', withSheet(sheet.slice(0, sheet.lastIndexOf('</c>')))))).toMatchObject({
      code: 'unreadable',
      message: '文件已损坏，无法读取：其中的表格数据不完整。请用 Excel 打开后另存为 .xlsx 再导入',
    });
    expect(await readError(importList('entities', withSheet(sheet.replace('<c r="C2"', '<c r="XFE2"'))))).toMatchObject({
      code: 'unreadable',
      message: '文件无法读取：位置“XFE2”超出了 Excel 的范围（1,048,576 行、16,384 列）。请用 Excel 打开后另存为 .xlsx 再导入',
    });
  });

  it('refuses a workbook with nothing in it', async () => {
    const error = await readError(importList('entities', await workbookOf([{ name: 'S', rows: [] }])));
    expect(error).toMatchObject({ code: 'empty', message: '工作簿中没有任何内容' });
  });

  it('refuses a sheet with no recognisable header', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [['日期', '金额', '摘要'], ['2024-05-01', 100, '电费']] }]);
    const error = await readError(importList('entities', bytes));
    expect(error).toMatchObject({ code: 'no-header', message: '找不到表头，请确认表头包含“统一社会信用代码”等列' });
  });

  it('names the required columns a header lacks', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [['统一社会信用代码', '名称', '地址'], row] }]);
    const error = await readError(importList('entities', bytes));
    expect(error).toMatchObject({ code: 'no-header', message: '表头缺少必填列：区', missing: ['区'] });
  });

  it('explains an inspector list opened as a target list', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [['执法证号', '姓名', '单位', '区', '街镇', '联系电话'], ['35010012345', '李四', '局', '鼓楼区', '', '']] }]);
    const error = await readError(importList('entities', bytes));
    expect(error).toMatchObject({ code: 'no-header', message: '表头缺少必填列：统一社会信用代码、名称', missing: ['统一社会信用代码', '名称'] });
  });

  it('is an Error with its name', async () => {
    const error = await readError(importList('entities', new Uint8Array([1, 2, 3])));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ListReadError');
  });
});

describe('list rows: what is not a record', () => {
  const head = ['序号', '统一社会信用代码', '名称', '区', '地址'];
  const data = (n: number, code: string) => [n, code, `福州某某购物中心${n}`, '鼓楼区', ''];

  it.each<[string, (string | number | null)[], 'blank' | 'note' | 'subtotal']>([
    ['a pre-numbered line of the form', [2], 'blank'],
    ['注：', ['注：数据来源于各区局'], 'note'],
    ['注 1.', [null, '注1. 本表按街道排序'], 'note'],
    ['说明：', ['说明：类型按四类填写'], 'note'],
    ['填报说明 without a colon', ['填报说明'], 'note'],
    ['制表人 and 审核人 across cells', ['制表人：王五', null, null, '审核人：赵六', '日期：2024-05-06'], 'note'],
    ['（单位盖章）', [null, null, '（单位盖章）'], 'note'],
    ['a lone sentence in the address column', [null, null, null, null, '以上数据截至2024年4月30日'], 'note'],
    ['a lone sentence in the key column', [null, '以上共计二十家单位'], 'note'],
    ['a lone remark ending in 。 in the name column', [null, null, '本表不含已注销单位。'], 'note'],
    ['合计 with a number', ['合计', null, null, null, 1234], 'subtotal'],
    ['小 计 in the name column', [null, null, '小 计', '鼓楼区'], 'subtotal'],
  ])('%s', async (_, cells, why) => {
    const bytes = await workbookOf([{ name: 'S', rows: [head, data(1, '91350100M000100Y43'), cells, data(3, '91350102MA2XYC01KK')] }]);
    const result = await importList('entities', bytes);
    expect(result.skipped).toEqual([{ row: 3, why }]);
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((a) => a.row)).toEqual([2, 4]);
  });

  it('rejects, not skips, a row with only a short name: a record missing its code', async () => {
    const bytes = await workbookOf([{ name: 'S', rows: [head, [null, null, '福州某某购物中心有限公司']] }]);
    const result = await importList('entities', bytes);
    expect(result.skipped).toEqual([]);
    expect(result.rejected.map((i) => `${i.row}:${i.field}${i.reason}`)).toEqual(['2:统一社会信用代码不能为空', '2:区不能为空']);
  });
});
