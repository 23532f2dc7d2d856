// The columns of a filings sheet: Chinese label (the template's header), the headers landlords and platforms
// write instead, and the parser of each cell. Codes, names and 户数 take the target list's words and parsers.
import type { Month } from '../billingMonth';
import { filingsZh } from '../i18n/filings';
import { isBlank, parseMonth } from '../ledger/cells';
import { LEDGER_COLUMNS } from '../ledger/columns';
import { listSpec } from '../lists/columns';
import { parseCount, parseText, parseUscc, type Parsed } from '../lists/fields';
import { headerIndex, matchHeader, type HeaderWords } from '../lists/header';
import { cleanSpaces, decimalText, normalizeText } from '../lists/normalize';
import { exceedsWhole, fenOfYuan, KWH_DECIMALS, parseDecimal, YUAN_DECIMALS, type Fen } from '../money';
import type { FilingField } from './types';

export interface FilingColumn extends HeaderWords {
  readonly field: FilingField;
  /** Needed in the header for the file to be read at all. */
  readonly required: boolean;
  /** Template column width, in characters. */
  readonly width: number;
}

/** Above this a month's figure is taken for a typing error (a meter number, a sum over years): kWh or yuan. */
export const MAX_FIGURE = 1_000_000_000;

const entityAliases = (field: string): readonly string[] => listSpec('entities').columns.find((c) => c.field === field)?.aliases ?? [];
const ledgerAliases = (field: string): readonly string[] => LEDGER_COLUMNS.find((c) => c.field === field)?.aliases ?? [];

const ALIASES: Readonly<Record<FilingField, readonly string[]>> = {
  uscc: entityAliases('uscc'),
  name: [...entityAliases('name'), '非电网直供电主体名称', '填报单位'],
  month: [...ledgerAliases('month'), '申报月份', '填报月份', '报送月份', '所属期', '统计月份', '数据月份'],
  category: ['用电类别', '用户分类', '电价类别', '用电性质', '执行电价类别', '类别'],
  voltage: ['电压', '供电电压', '电压等级(千伏)', '受电电压'],
  purchaseKwh: ['购电量', '购入电量', '购网电量', '网购电量', '从电网购电量', '购电电量', '总表电量', '关口电量', '总表用电量', '电网结算电量'],
  purchaseYuan: ['购电电费', '购电费', '购电费用', '购电金额', '购电电费金额', '缴纳电网电费', '支付电网电费', '电网电费', '电网结算电费'],
  resoldKwh: ['转供电量', '转供电电量', '转售电量', '转供电量合计', '终端用户用电量', '分表电量合计', '转供用电量'],
  chargedYuan: ['收取电费', '收取电费金额', '向终端用户收取电费', '收取终端用户电费', '收费金额', '实收电费', '转供电收费', '转供电费', '收取金额'],
  tenants: entityAliases('tenantCount'),
};

const REQUIRED: ReadonlySet<FilingField> = new Set(['uscc', 'month', 'purchaseKwh', 'purchaseYuan', 'resoldKwh', 'chargedYuan']);
const WIDTHS: Readonly<Record<FilingField, number>> = { uscc: 22, name: 30, month: 10, category: 12, voltage: 12, purchaseKwh: 16, purchaseYuan: 16, resoldKwh: 16, chargedYuan: 16, tenants: 8 };

/** The filings columns in template order. */
export const FILING_COLUMNS: readonly FilingColumn[] = (Object.keys(ALIASES) as FilingField[]).map((field) => ({
  field,
  label: filingsZh[`filings.column.${field}`],
  aliases: ALIASES[field],
  required: REQUIRED.has(field),
  width: WIDTHS[field],
}));

const INDEX = headerIndex(FILING_COLUMNS);

/** The field a header text names, if any. */
export function filingFieldOf(text: string): FilingField | undefined {
  return matchHeader(INDEX, text)?.field;
}

/** The Chinese label of a field: the `field` of a row issue. */
export const labelOf = (field: FilingField): string => filingsZh[`filings.column.${field}`];

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const problem = (code: string, params?: Record<string, string | number>): Parsed<never> => (params ? { ok: false, code, params } : { ok: false, code });

/** The unified social credit code, checked (GB 32100). */
export function parseFilingUscc(text: string): Parsed<string> {
  return isBlank(text) ? problem('required') : parseUscc(text);
}

/** The month filed for. */
export function parseFilingMonth(text: string): Parsed<Month> {
  return isBlank(text) ? problem('required') : parseMonth(text);
}

/** Category or voltage: NFKC and spaces cleaned; the default when blank. */
export function parseKeyText(text: string, fallback: string): Parsed<string> {
  const value = normalizeText(text);
  return isBlank(value) ? ok(fallback) : value.length > 200 ? problem('text.tooLong', { max: 200 }) : ok(value);
}

/** kWh of a month: a decimal > 0 with at most 4 decimals; 'kWh', '千瓦时', '度' after it allowed. */
export function parseFilingKwh(text: string): Parsed<string> {
  if (isBlank(text)) return problem('required');
  const value = cleanSpaces(text);
  const parsed = figure(value.replace(/\s*(?:度|kwh|千瓦时)$/i, ''), KWH_DECIMALS, 'kwh.decimals', value);
  if (!parsed.ok) return parsed;
  if (parsed.value.startsWith('-') || parsed.value === '0') return problem('kwh.notPositive', { value });
  return parsed;
}

/** An amount of a month in fen: ≥ 0, at most 2 decimals of yuan; '¥' before or '元' after allowed. */
export function parseFilingAmount(text: string): Parsed<Fen> {
  if (isBlank(text)) return problem('required');
  const value = cleanSpaces(text);
  const parsed = figure(value.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, ''), YUAN_DECIMALS, 'amount.decimals', value);
  if (!parsed.ok) return parsed;
  if (parsed.value.startsWith('-')) return problem('amount.negative', { value });
  return ok(fenOfYuan(parsed.value));
}

// A number typed any way people do (full-width, thousands separators, Excel's 15-digit artefacts) as a
// canonical decimal, signed, within the decimals and below MAX_FIGURE.
function figure(text: string, decimals: number, decimalsCode: string, value: string): Parsed<string> {
  const plain = decimalText(text);
  if (plain === null) return problem('number.invalid', { value });
  const parsed = parseDecimal(plain, decimals, true);
  if (!parsed.ok) return problem(parsed.problem === 'decimals' ? decimalsCode : 'number.invalid', { value });
  if (exceedsWhole(parsed.value.replace(/^-/, ''), MAX_FIGURE)) return problem('absurd', { value, max: MAX_FIGURE.toLocaleString('en-US') });
  return ok(parsed.value);
}

/** 户数: a whole number ≥ 0 or blank; '户', '家', '个' after it allowed. */
export function parseTenants(text: string): Parsed<number | null> {
  return isBlank(text) ? ok(null) : parseCount(text);
}

/** The name as written, spaces cleaned. */
export function parseName(text: string): Parsed<string> {
  return parseText(isBlank(text) ? '' : text);
}
