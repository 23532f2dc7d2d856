// Workbooks written by LibreOffice (see test/fixtures/make-libreoffice-fixtures.sh): rich-text runs per script,
// numbers guessed from CSV, its own shared strings and merges.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue, importList } from '../../../src-shared/lists/importList';
import { messyInspectorList } from '../../fixtures/listFiles';

const file = (name: string) => readFile(fileURLToPath(new URL(`../../fixtures/files/${name}`, import.meta.url)));

describe('list import: a CSV opened and saved by LibreOffice', async () => {
  const result = await importList('entities', await file('entities-libreoffice-csv.xlsx'));

  it('finds the header on row 3 and keeps rows numbered as the sheet shows them', () => {
    expect(result.headerRow).toBe(3);
    expect(result.accepted.map((a) => a.row)).toEqual([4, 5, 6]);
    expect(result.skipped).toEqual([
      { row: 7, why: 'blank' },
      { row: 12, why: 'note' },
    ]);
  });

  it('reads numbers LibreOffice guessed (1,234 and phones) and text it split into rich-text runs', () => {
    expect(result.accepted.map((a) => a.value)).toEqual([
      {
        uscc: '91350100M000100Y43',
        name: '福州万象商业管理有限公司',
        kind: 'mall',
        district: '仓山区',
        subdistrict: '金山街道',
        address: '福州市仓山区浦上大道 100 号',
        lng: 119.2731,
        lat: 26.0412,
        tenantCount: 1234,
        contact: '张三',
        phone: '0591-87654321',
        credit: 'green',
        lastInspectors: ['35010012345', '35010012346'],
        active: true,
      },
      {
        uscc: '91350103MA31ABCD2R',
        name: '福州金山科技园开发有限公司',
        kind: 'industrial_park',
        district: '仓山区',
        subdistrict: '盖山镇',
        address: '福州市仓山区盖山路 8 号',
        lng: 119.3122,
        lat: 26.0301,
        tenantCount: 56,
        contact: '李四',
        phone: '13800138000',
        credit: 'blue',
        lastInspectors: [],
        active: true,
      },
      {
        uscc: '91350104MA8N7P6Q13',
        name: 'ＡＢＣ商务中心（福州）有限公司',
        kind: 'office_building',
        district: '仓山区',
        subdistrict: '城门镇',
        address: '福州市仓山区城门镇 1 号',
        lng: null,
        lat: null,
        tenantCount: 0,
        contact: '王五',
        phone: '13900139000、0591-83211234',
        credit: null,
        lastInspectors: [],
        active: true,
      },
    ]);
  });

  it('rejects the all-digit code LibreOffice turned into a 15-digit number, and the other bad rows', () => {
    expect(result.rejected.map((i) => formatIssue(i))).toEqual([
      '第 8 行：类型“物流园”无法识别，应为商业综合体、产业园区、写字楼或其他',
      '第 9 行：统一社会信用代码被 Excel 存成了数字，超出 15 位的部分已丢失，请将该列设为文本格式后重新填写',
      '第 9 行：联系电话格式不正确：“0591-8765”',
      '第 10 行：纬度未填写（经度和纬度须同时填写或同时留空）',
      '第 11 行：统一社会信用代码与第 4 行重复',
    ]);
  });
});

describe('list import: an exceljs workbook re-saved by LibreOffice', async () => {
  const result = await importList('inspectors', await file('inspectors-libreoffice-resaved.xlsx'));
  const expected = await messyInspectorList();

  it('gives what the original gives: header, records, issues, skipped rows', () => {
    expect(result.headerRow).toBe(3);
    expect(result.accepted.map(({ row, value }) => ({ row, value }))).toEqual(expected.accepted);
    expect(result.rejected.map(({ row, field, code, reason }) => ({ row, field, code, reason }))).toEqual(expected.rejected);
    expect(result.skipped).toEqual(expected.skipped);
  });
});
