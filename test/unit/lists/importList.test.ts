import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../src-shared/i18n/format';
import { listMessages } from '../../../src-shared/i18n/lists';
import { exportList } from '../../../src-shared/lists/exportList';
import { formatIssue, importList, type RowIssue } from '../../../src-shared/lists/importList';
import { syntheticEntities, syntheticInspectors, workbookOf } from '../../fixtures/listFiles';

describe('importList: a cell the list schema refuses refuses its row, not the file', () => {
  it('a 480-character list of phone numbers and 201 codes of last inspectors are row refusals; the other rows are read', async () => {
    const inspectors = syntheticInspectors(3, 4);
    const [a, b, c] = syntheticEntities(3, 5);
    const bytes = await exportList('entities', [
      { ...a!, phone: Array.from({ length: 40 }, (_, i) => `139${String(i).padStart(8, '0')}`).join('、') },
      { ...b!, lastInspectors: Array.from({ length: 201 }, (_, i) => `X${i}`) },
      { ...c!, lastInspectors: [inspectors[0]!.certNo] },
    ]);
    const result = await importList('entities', bytes);
    expect(result.accepted.map((r) => r.value.uscc)).toEqual([c!.uscc]);
    expect(result.rejected.map((r) => [r.row, r.field, r.reason])).toEqual([
      [2, '联系电话', '超过 200 个字符'],
      [3, '上次检查人员', '超过 200 个字符'],
    ]);
  });

  it('a cell holding a NUL or half of an emoji (as Excel escapes them) is refused with its field', async () => {
    const [a, b] = syntheticEntities(2, 6);
    const bytes = await workbookOf([{ name: '检查对象名录', rows: [
      ['统一社会信用代码', '名称', '区'],
      [a!.uscc, '名称_x0000_', a!.district],
      [b!.uscc, '表情_xD83D_', b!.district],
    ] }]);
    const result = await importList('entities', bytes);
    expect(result.accepted).toEqual([]);
    expect(result.rejected.map((r) => [r.row, r.field, r.code])).toEqual([
      [2, '名称', 'text.invalid'],
      [3, '名称', 'text.invalid'],
    ]);
  });
});

describe('importList', () => {
  it('reports progress every 500 rows and at the end', async () => {
    const bytes = await exportList('inspectors', syntheticInspectors(1200, 1));
    const calls: [number, number][] = [];
    const result = await importList('inspectors', bytes, { onProgress: (done, total) => calls.push([done, total]) });
    expect(result.accepted).toHaveLength(1200);
    expect(calls).toEqual([
      [500, 1200],
      [1000, 1200],
      [1200, 1200],
    ]);
  });

  it('reads bytes that are a view into a larger buffer', async () => {
    const bytes = await exportList('entities', syntheticEntities(3, 2));
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    const result = await importList('entities', padded.subarray(8, 8 + bytes.length));
    expect(result.accepted).toHaveLength(3);
  });

  it('does not change the bytes it is given', async () => {
    const bytes = await exportList('entities', syntheticEntities(2, 4));
    const copy = bytes.slice();
    await importList('entities', bytes);
    expect(bytes).toEqual(copy);
  });
});

describe('formatIssue', () => {
  const issue: RowIssue = { row: 7, field: '统一社会信用代码', code: 'uscc.check', reason: '校验位错误' };

  it('reads 第 N 行：<column><reason> in Chinese', () => {
    expect(formatIssue(issue)).toBe('第 7 行：统一社会信用代码校验位错误');
    expect(formatIssue({ row: 12, field: '回避对象', code: 'duplicate', params: { first: 5 }, reason: '与第 5 行重复' })).toBe('第 12 行：回避对象与第 5 行重复');
  });

  it('translates the column and the reason into English', () => {
    expect(formatIssue(issue, 'en')).toBe('Row 7: Unified social credit code has a wrong check character');
    expect(formatIssue({ row: 3, field: '经度', code: 'coord.range', params: { value: '200', min: 73, max: 136 }, reason: '' }, 'en')).toBe(
      'Row 3: Longitude is out of range: 200 (must be from 73 to 136)',
    );
  });
});

describe('list messages', () => {
  const codes = [
    'required',
    'uscc.length',
    'uscc.character',
    'uscc.check',
    'code.number',
    'kind.unknown',
    'credit.unknown',
    'status.unknown',
    'number.invalid',
    'coord.range',
    'coord.pair',
    'count.invalid',
    'phone.invalid',
    'conflicts.uscc.length',
    'conflicts.uscc.character',
    'conflicts.uscc.check',
    'text.tooLong',
    'duplicate',
    'existing',
  ];

  it.each(codes)('has issue.%s in both languages', (code) => {
    expect(listMessages['zh-CN'][`issue.${code}`]).toBeTypeOf('string');
    expect(listMessages.en[`issue.${code}`]).toBeTypeOf('string');
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(listMessages.en).sort()).toEqual(Object.keys(listMessages['zh-CN']).sort());
  });

  it('labels kinds and credit grades', () => {
    const zh = listMessages['zh-CN'];
    expect(['mall', 'industrial_park', 'office_building', 'other'].map((k) => formatMessage(zh, `kind.${k}`))).toEqual(['商业综合体', '产业园区', '写字楼', '其他']);
    expect(['green', 'blue', 'yellow', 'red', 'black'].map((k) => formatMessage(zh, `credit.${k}`))).toEqual(['绿', '蓝', '黄', '红', '黑']);
  });
});
