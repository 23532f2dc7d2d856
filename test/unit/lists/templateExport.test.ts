import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Entity, Inspector } from '../../../src-shared/domain';
import { exportList } from '../../../src-shared/lists/exportList';
import { importList } from '../../../src-shared/lists/importList';
import { listTemplate } from '../../../src-shared/lists/template';
import { syntheticEntities, syntheticInspectors } from '../../fixtures/listFiles';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

const ENTITY_LABELS = ['统一社会信用代码', '名称', '类型', '区', '街镇', '地址', '经度', '纬度', '租户数', '联系人', '联系电话', '信用等级', '上次检查人员', '状态'];
const INSPECTOR_LABELS = ['执法证号', '姓名', '单位', '区', '街镇', '联系电话', '回避对象', '状态'];

describe('list template', () => {
  it('imports its own example row (targets)', async () => {
    const result = await importList('entities', await listTemplate('entities'));
    expect(result).toEqual({
      headerRow: 1,
      columns: Object.fromEntries(
        ['uscc', 'name', 'kind', 'district', 'subdistrict', 'address', 'lng', 'lat', 'tenantCount', 'contact', 'phone', 'credit', 'lastInspectors', 'active'].map((f, i) => [f, ENTITY_LABELS[i]]),
      ),
      accepted: [
        {
          row: 2,
          updates: false,
          value: {
            uscc: '91350100M000100Y43',
            name: '某某购物中心（示例）',
            kind: 'mall',
            district: '鼓楼区',
            subdistrict: '东街街道',
            address: '福州市鼓楼区八一七北路 100 号',
            lng: 119.2965,
            lat: 26.0745,
            tenantCount: 120,
            contact: '张三',
            phone: '0591-87654321、13800138000',
            credit: 'green',
            lastInspectors: ['35010012345', '35010012346'],
            active: true,
          },
        },
      ],
      rejected: [],
      skipped: [],
    });
  });

  it('imports its own example row (inspectors)', async () => {
    const result = await importList('inspectors', await listTemplate('inspectors'));
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toEqual([
      {
        row: 2,
        updates: false,
        value: {
          certNo: '35010012345',
          name: '李四',
          unit: '鼓楼区市场监督管理局价格监督检查科',
          district: '鼓楼区',
          subdistrict: '东街街道',
          phone: '13800138000',
          conflicts: ['91350100M000100Y43'],
          active: true,
        },
      },
    ]);
  });

  it('has a bold header in canonical order, widths, and text format on the code columns', async () => {
    const workbook = await open(await listTemplate('entities'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['检查对象名录', '填写说明']);
    const sheet = workbook.getWorksheet('检查对象名录')!;
    const header = sheet.getRow(1);
    expect(ENTITY_LABELS.map((_, i) => header.getCell(i + 1).text)).toEqual(ENTITY_LABELS);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(22);
    // The example row and the empty rows below it: Excel keeps codes typed there as text.
    expect(sheet.getCell('A2').numFmt).toBe('@');
    expect(sheet.getColumn(1).numFmt).toBe('@');
    expect(sheet.getColumn(11).numFmt).toBe('@');
    expect(sheet.getColumn(2).numFmt).toBeUndefined();
    expect(sheet.getCell('A2').value).toBe('91350100M000100Y43');
    expect(sheet.getCell('C2').value).toBe('商业综合体');
    expect(sheet.getCell('C500').dataValidation).toMatchObject({ type: 'list', formulae: ['"商业综合体,产业园区,写字楼,其他"'] });
    expect(sheet.getCell('L3').dataValidation).toMatchObject({ type: 'list', formulae: ['"绿,蓝,黄,红,黑"'] });
  });

  it('explains every column on a 填写说明 sheet', async () => {
    const help = (await open(await listTemplate('inspectors'))).getWorksheet('填写说明')!;
    expect(help.getCell('A1').text).toBe('执法检查人员名录库填写说明');
    expect([5, 6, 7, 8, 9, 10, 11, 12].map((r) => help.getCell(r, 1).text)).toEqual(INSPECTOR_LABELS);
    expect(help.getRow(4).values).toEqual([undefined, '列名', '是否必填', '填写内容', '可填写的值']);
    expect(help.getRow(5).values).toEqual([undefined, '执法证号', '必填', '行政执法证号；请将此列设为文本格式', '']);
    expect(help.getRow(12).values).toEqual([undefined, '状态', '选填', '留空按“在岗”处理', '正常、在册、在岗、注销、停用，或留空']);
  });
});

/** Records at the edges: nothing optional filled, everything filled, inactive, several phones. */
const EDGE_ENTITIES: Entity[] = [
  {
    uscc: '91350102MA2XYC01KK',
    name: '只填必填项',
    kind: 'other',
    district: '鼓楼区',
    subdistrict: '',
    address: '',
    lng: null,
    lat: null,
    tenantCount: null,
    contact: '',
    phone: '',
    credit: null,
    lastInspectors: [],
    active: true,
  },
  {
    uscc: '91350100M000100Y43',
    name: 'ABC（福州）商业管理有限公司',
    kind: 'office_building',
    district: '台江区',
    subdistrict: '茶亭街道',
    address: '福州市台江区 工业路 1 号',
    lng: 73,
    lat: 53.99999,
    tenantCount: 0,
    contact: '欧阳 娜娜',
    phone: '0591-87654321-801、13800138000、400-123-4567',
    credit: 'black',
    lastInspectors: ['FJ001', '35010012345'],
    active: false,
  },
];

describe('list export', () => {
  it('imports again without loss (targets)', async () => {
    const entities = [...EDGE_ENTITIES, ...syntheticEntities(300, 42)];
    const result = await importList('entities', await exportList('entities', entities));
    expect(result.rejected).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(result.accepted.map((a) => a.value)).toEqual(entities);
    expect(result.accepted.map((a) => a.row)).toEqual(entities.map((_, i) => i + 2));
  });

  it('imports again without loss (inspectors)', async () => {
    const inspectors: Inspector[] = [
      { certNo: 'FJ-0001', name: '李四', unit: '', district: '鼓楼区', subdistrict: '', phone: '', conflicts: [], active: false },
      ...syntheticInspectors(120, 5, syntheticEntities(30, 6)),
    ];
    const result = await importList('inspectors', await exportList('inspectors', inspectors));
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((a) => a.value)).toEqual(inspectors);
  });

  it('writes codes as text and the Chinese words for kind, grade and status', async () => {
    const sheet = (await open(await exportList('entities', EDGE_ENTITIES))).worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '91350100M000100Y43',
      'ABC（福州）商业管理有限公司',
      '写字楼',
      '台江区',
      '茶亭街道',
      '福州市台江区 工业路 1 号',
      73,
      53.99999,
      0,
      '欧阳 娜娜',
      '0591-87654321-801、13800138000、400-123-4567',
      '黑',
      'FJ001、35010012345',
      '注销',
    ]);
    expect(sheet.getCell('A3').numFmt).toBe('@');
  });

  it('re-imports as updates when every record is already stored', async () => {
    const entities = syntheticEntities(20, 8);
    const bytes = await exportList('entities', entities);
    const result = await importList('entities', bytes, { existing: new Set(entities.map((e) => e.uscc)), onExisting: 'update' });
    expect(result.accepted.every((a) => a.updates)).toBe(true);
    expect(result.accepted).toHaveLength(20);
  });

  it('writes an empty list as a header only', async () => {
    const result = await importList('inspectors', await exportList('inspectors', []));
    expect(result).toMatchObject({ headerRow: 1, accepted: [], rejected: [], skipped: [] });
  });
});
