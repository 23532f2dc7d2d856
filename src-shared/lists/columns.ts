// The columns of the two lists: label in templates and exports, the headers found in real files, the parser.
import type { z } from 'zod';
import { entitySchema, inspectorSchema, type Entity, type Inspector, type ListKind } from '../domain';
import { listMessages } from '../i18n/lists';
import {
  parseActive,
  parseCertList,
  parseCertNo,
  parseCount,
  parseCredit,
  parseDegrees,
  parseKind,
  parsePhone,
  parsePlace,
  parseText,
  parseUscc,
  parseUsccList,
  type Parsed,
} from './fields';
import type { ListRecord } from './types';

export type CellOut = string | number | null;

/** One column of a list, with everything the importer, the template and the export need. */
export interface Column<T> {
  readonly field: keyof T & string;
  /** Chinese label: the header in templates and exports, and the `field` of a row issue. */
  readonly label: string;
  /** Headers that mean this column in files made elsewhere (compared after NFKC, without spaces or stars). */
  readonly aliases: readonly string[];
  readonly required: boolean;
  /** A code column: written as text so Excel keeps leading zeros and all 18 characters. */
  readonly code: boolean;
  /** Template column width, in characters. */
  readonly width: number;
  /** Message key of the allowed values shown in 填写说明, if the column takes a fixed vocabulary or range. */
  readonly valuesKey?: string;
  /** Choices offered by a drop-down in the template. */
  readonly choices?: readonly string[];
  parse(text: string): Parsed<unknown>;
  toCell(record: T): CellOut;
}

/** Everything that differs between the two lists. */
export interface ListSpec<K extends ListKind> {
  readonly kind: K;
  /** The field whose canonical value identifies a record (USCC, certificate number). */
  readonly key: keyof ListRecord[K] & string;
  readonly columns: readonly Column<ListRecord[K]>[];
  readonly schema: { parse(value: unknown): ListRecord[K]; safeParse(value: unknown): z.ZodSafeParseResult<ListRecord[K]> };
  /** The filled example row of the template. */
  readonly example: ListRecord[K];
}

const zh = listMessages['zh-CN'];

function text(key: string): string {
  const value = zh[key];
  if (value === undefined) throw new Error(`missing list message ${key}`);
  return value;
}

interface ColumnSpec<T, F extends keyof T & string> {
  aliases: readonly string[];
  required?: boolean;
  code?: boolean;
  width: number;
  valuesKey?: string;
  choices?: readonly string[];
  parse(text: string): Parsed<T[F]>;
  /** How the stored value is written to a cell; plain strings are written as they are. */
  format?(value: T[F]): CellOut;
}

// Ties each parser to its field's type at definition time; the assembled record is checked by zod afterwards.
function column<T, F extends keyof T & string>(kind: ListKind, field: F, spec: ColumnSpec<T, F>): Column<T> {
  const format = spec.format ?? ((value: T[F]): CellOut => (typeof value === 'string' ? value : null));
  return {
    field,
    label: text(`column.${kind}.${field}`),
    aliases: spec.aliases,
    required: spec.required ?? false,
    code: spec.code ?? false,
    width: spec.width,
    valuesKey: spec.valuesKey,
    choices: spec.choices,
    parse: spec.parse,
    toCell: (record) => format(record[field]),
  };
}

const joinList = (values: readonly string[]): string => values.join('、');
const numberOrNull = (value: number | null): CellOut => value;
const DISTRICT = ['区', '区县', '区(县)', '县区', '县(区)', '所属区', '所在区', '所属区县', '所在区县', '行政区', '行政区划', '辖区', '所属辖区', '区域'];
const SUBDISTRICT = ['街镇', '街道', '乡镇', '镇街', '街道乡镇', '街道(乡镇)', '乡镇(街道)', '镇(街道)', '所属街道', '所属街镇', '所在街道', '所在街镇', '街道办'];
const PHONE = ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '联系人电话', '电话号码', '联系号码', '负责人电话'];
const STATUS = ['状态', '经营状态', '登记状态', '存续状态', '在册状态', '是否有效', '人员状态', '在岗状态', '是否在岗'];

function entityColumns(): Column<Entity>[] {
  const col = <F extends keyof Entity & string>(field: F, spec: ColumnSpec<Entity, F>) => column<Entity, F>('entities', field, spec);
  return [
    col('uscc', {
      aliases: ['社会信用代码', '信用代码', '统一信用代码', '社会统一信用代码', '统一社会信用代码证', '统一社会信用代码号', '统一代码', '企业信用代码', 'uscc', 'credit code'],
      required: true,
      code: true,
      width: 22,
      parse: parseUscc,
    }),
    col('name', {
      aliases: ['单位名称', '企业名称', '主体名称', '检查对象名称', '检查对象', '转供电主体名称', '转供电主体', '市场主体名称', '经营者名称', '场所名称', '项目名称'],
      required: true,
      width: 32,
      parse: parseText,
    }),
    col('kind', {
      aliases: ['主体类型', '类别', '检查对象类型', '对象类型', '场所类型', '转供电主体类型', '业态'],
      width: 12,
      valuesKey: 'listValues.kind',
      choices: [text('kind.mall'), text('kind.industrial_park'), text('kind.office_building'), text('kind.other')],
      parse: parseKind,
      format: (kind) => text(`kind.${kind}`),
    }),
    col('district', { aliases: DISTRICT, required: true, width: 10, parse: parsePlace }),
    col('subdistrict', { aliases: SUBDISTRICT, width: 14, parse: parsePlace }),
    col('address', { aliases: ['详细地址', '经营地址', '住所', '经营场所', '注册地址', '所在地址', '地点'], width: 36, parse: parseText }),
    col('lng', {
      aliases: ['东经', 'lng', 'lon', 'longitude'],
      width: 12,
      valuesKey: 'listValues.coordLng',
      parse: (t) => parseDegrees(t, 73, 136),
      format: numberOrNull,
    }),
    col('lat', {
      aliases: ['北纬', 'lat', 'latitude'],
      width: 12,
      valuesKey: 'listValues.coordLat',
      parse: (t) => parseDegrees(t, 3, 54),
      format: numberOrNull,
    }),
    col('tenantCount', {
      aliases: ['租户数量', '商户数', '商户数量', '终端用户数', '终端用户数量', '转供户数', '户数'],
      width: 10,
      valuesKey: 'listValues.count',
      parse: parseCount,
      format: numberOrNull,
    }),
    col('contact', { aliases: ['联系人姓名', '负责人', '负责人姓名', '联系人员'], width: 10, parse: parseText }),
    col('phone', { aliases: PHONE, code: true, width: 18, valuesKey: 'listValues.phone', parse: parsePhone }),
    col('credit', {
      aliases: ['信用分类', '信用风险等级', '信用风险分类', '风险等级', '风险分类', '信用类别'],
      width: 10,
      valuesKey: 'listValues.credit',
      choices: [text('credit.green'), text('credit.blue'), text('credit.yellow'), text('credit.red'), text('credit.black')],
      parse: parseCredit,
      format: (grade) => (grade === null ? null : text(`credit.${grade}`)),
    }),
    col('lastInspectors', {
      aliases: ['上次检查人员执法证号', '上次检查人', '上一次检查人员', '上次执法人员', '上次检查人员证号'],
      code: true,
      width: 24,
      parse: parseCertList,
      format: joinList,
    }),
    col('active', {
      aliases: STATUS,
      width: 8,
      valuesKey: 'listValues.status',
      choices: [text('status.entities.active'), text('status.entities.inactive')],
      parse: parseActive,
      format: (active) => text(active ? 'status.entities.active' : 'status.entities.inactive'),
    }),
  ];
}

function inspectorColumns(): Column<Inspector>[] {
  const col = <F extends keyof Inspector & string>(field: F, spec: ColumnSpec<Inspector, F>) =>
    column<Inspector, F>('inspectors', field, spec);
  return [
    col('certNo', {
      aliases: ['执法证件号', '执法证件号码', '执法证编号', '执法证号码', '行政执法证号', '行政执法证件号', '执法证', '证件号', '证件号码', '证号'],
      required: true,
      code: true,
      width: 18,
      parse: parseCertNo,
    }),
    col('name', {
      aliases: ['名字', '执法人员', '执法人员姓名', '检查人员', '检查人员姓名', '人员姓名'],
      required: true,
      width: 10,
      parse: parseText,
    }),
    col('unit', { aliases: ['所在单位', '工作单位', '所属单位', '执法单位', '部门', '所在部门', '科室', '所在科室'], width: 30, parse: parseText }),
    col('district', { aliases: DISTRICT, required: true, width: 10, parse: parsePlace }),
    col('subdistrict', { aliases: [...SUBDISTRICT, '监管所', '所属监管所', '所在监管所'], width: 14, parse: parsePlace }),
    col('phone', { aliases: PHONE, code: true, width: 18, valuesKey: 'listValues.phone', parse: parsePhone }),
    col('conflicts', {
      aliases: ['回避对象统一社会信用代码', '需回避对象', '回避单位', '利害关系对象', '利害关系单位'],
      code: true,
      width: 24,
      parse: parseUsccList,
      format: joinList,
    }),
    col('active', {
      aliases: STATUS,
      width: 8,
      valuesKey: 'listValues.status',
      choices: [text('status.inspectors.active'), text('status.inspectors.inactive')],
      parse: parseActive,
      format: (active) => text(active ? 'status.inspectors.active' : 'status.inspectors.inactive'),
    }),
  ];
}

const ENTITY_EXAMPLE: Entity = {
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
};

const INSPECTOR_EXAMPLE: Inspector = {
  certNo: '35010012345',
  name: '李四',
  unit: '鼓楼区市场监督管理局价格监督检查科',
  district: '鼓楼区',
  subdistrict: '东街街道',
  phone: '13800138000',
  conflicts: ['91350100M000100Y43'],
  active: true,
};

const SPECS: { readonly [K in ListKind]: ListSpec<K> } = {
  entities: { kind: 'entities', key: 'uscc', columns: entityColumns(), schema: entitySchema, example: ENTITY_EXAMPLE },
  inspectors: { kind: 'inspectors', key: 'certNo', columns: inspectorColumns(), schema: inspectorSchema, example: INSPECTOR_EXAMPLE },
};

/** The columns, key, schema and example of one list kind. */
export function listSpec<K extends ListKind>(kind: K): ListSpec<K> {
  return SPECS[kind];
}

/** Every column label of both lists with its message key, for translating a row issue's `field`. */
export function columnLabelKey(label: string): string | undefined {
  for (const kind of ['entities', 'inspectors'] as const) {
    for (const column of SPECS[kind].columns) if (column.label === label) return `column.${kind}.${column.field}`;
  }
  return undefined;
}
