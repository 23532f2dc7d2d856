// Reads one bill line from the texts of a ledger row: every field parsed, every problem named by the
// column's own header, nothing guessed. Amounts in fen, kWh and prices as exact decimal strings.
import { tariffMessages, tariffZh } from '../i18n/tariff';
import type { Parsed } from '../lists/fields';
import { rowIssueFrom } from '../lists/issues';
import { cleanSpaces } from '../lists/normalize';
import type { RowIssue } from '../lists/types';
import { chargeFen, compareDecimals, sumDecimals, yuanText, type Fen } from '../money';
import { isBlank, parseAmount, parseKwh, parseLedgerPrice, parseMonth } from './cells';
import { PERIOD_FIELDS, type BillLine, type KwhPeriod, type LedgerColumns, type LedgerField } from './types';

/** A row as the importer reads it: texts by column, and the columns that only repeat a cell merged from above. */
export interface LedgerRow {
  readonly row: number;
  readonly texts: readonly string[];
  readonly mergedAbove: ReadonlySet<number>;
}

export interface ReadLine {
  readonly line: BillLine | null;
  /** The billing month, when readable (also for a line kept out). */
  readonly month: string | null;
  readonly issues: RowIssue[];
  readonly warnings: RowIssue[];
}

type LineColumns = Pick<LedgerColumns, 'fields' | 'fees'>;
type Fee = BillLine['fees'][number];

const zh = tariffMessages['zh-CN'];
const PERIODS = Object.keys(PERIOD_FIELDS) as KwhPeriod[];
const KWH_FIELDS: readonly LedgerField[] = ['kwh', ...Object.values(PERIOD_FIELDS)];
// Text columns keep a merged cell's text on every row it spans; a merged amount is billed once, on its first row.
const TEXT_FIELDS: ReadonlySet<LedgerField> = new Set(['tenant', 'unit', 'month']);

/** One bill line from a ledger row, or the issues that keep it out. */
export function readLine(columns: LineColumns, row: LedgerRow): ReadLine {
  const r = new RowReader(columns, row);
  const tenant = cleanSpaces(r.text('tenant'));
  if (tenant === '') r.fail('tenant', 'required');
  const month = r.text('month').trim() === '' ? r.fail('month', 'required') : r.take('month', parseMonth(r.text('month')));
  const kwh = readKwh(r);
  const price = r.optional('price', parseLedgerPrice);
  const fees = readFees(r);
  const energyFen = readEnergy(r, kwh?.kwh ?? null, price, fees);
  if (r.issues.length > 0 || month === null || kwh === null || energyFen === null) return { line: null, month, issues: r.issues, warnings: r.warnings };
  const chargedFen = fees.reduce((sum, f) => sum + f.fen, energyFen);
  const line: BillLine = { row: row.row, tenant, unit: cleanSpaces(r.text('unit')), month, kwh: kwh.kwh, periods: kwh.periods, energyFen, fees, chargedFen, price };
  return { line, month, issues: r.issues, warnings: r.warnings };
}

/** The cells of one row by field, collecting issues named by the column's header text. */
class RowReader {
  readonly issues: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];

  constructor(
    readonly columns: LineColumns,
    readonly row: LedgerRow,
  ) {}

  label(field: LedgerField): string {
    return this.columns.fields[field]?.header ?? tariffZh[`ledger.field.${field}`];
  }

  text(field: LedgerField): string {
    const col = this.columns.fields[field]?.col;
    return col === undefined ? '' : this.cell(col, TEXT_FIELDS.has(field));
  }

  cell(col: number, keepMerged = false): string {
    return !keepMerged && this.row.mergedAbove.has(col) ? '' : (this.row.texts[col] ?? '');
  }

  take<V>(field: LedgerField, parsed: Parsed<V>): V | null {
    if (parsed.ok) return parsed.value;
    this.issues.push(rowIssueFrom(zh, 'ledger.issue.', this.row.row, this.label(field), parsed.code, parsed.params));
    return null;
  }

  fail(field: LedgerField, code: string): null {
    return this.take(field, { ok: false, code });
  }

  /** The parsed cell, or null when it is blank or bad (a bad one is reported). */
  optional<V>(field: LedgerField, parse: (text: string) => Parsed<V>): V | null {
    const text = this.text(field);
    return isBlank(text) ? null : this.take(field, parse(text));
  }

  warn(field: LedgerField, code: string, params: Record<string, string | number>): void {
    this.warnings.push(rowIssueFrom(zh, 'ledger.issue.', this.row.row, this.label(field), code, params));
  }
}

// kWh per period when any period is filled (a blank period is 0), else the total; a total that disagrees is a warning.
function readKwh(r: RowReader): Pick<BillLine, 'kwh' | 'periods'> | null {
  const periods: Partial<Record<KwhPeriod, string>> = {};
  for (const period of PERIODS) {
    const value = r.optional(PERIOD_FIELDS[period], parseKwh);
    if (value !== null) periods[period] = value;
  }
  const total = r.optional('kwh', parseKwh);
  const filled = Object.values(periods);
  if (filled.length > 0) {
    const sum = sumDecimals(filled);
    if (total !== null && compareDecimals(sum, total) !== 0) r.warn('kwh', 'kwh.mismatch', { sum, total });
    return { kwh: sum, periods };
  }
  if (total !== null) return { kwh: total, periods: null };
  if (KWH_FIELDS.every((f) => isBlank(r.text(f)))) r.fail('kwh', 'kwh.missing');
  return null;
}

function readFees(r: RowReader): Fee[] {
  const fees: Fee[] = [];
  for (const { col, header } of r.columns.fees) {
    const text = r.cell(col);
    if (isBlank(text)) continue;
    const parsed = parseAmount(text);
    if (parsed.ok) fees.push({ name: header, fen: parsed.value });
    else r.issues.push(rowIssueFrom(zh, 'ledger.issue.', r.row.row, header, parsed.code, parsed.params));
  }
  return fees;
}

// The energy charge as written; else the total less the fees; else kWh × the ledger's own price, rounded per line.
function readEnergy(r: RowReader, kwh: string | null, price: string | null, fees: readonly Fee[]): Fen | null {
  const feeFen = fees.reduce((sum, f) => sum + f.fen, 0);
  const energy = r.optional('energy', parseAmount);
  const total = r.optional('total', parseAmount);
  if (energy !== null) {
    if (total !== null && total !== energy + feeFen) r.warn('total', 'total.mismatch', { total: yuanText(total), sum: yuanText(energy + feeFen) });
    return energy;
  }
  // A bad energy, total or price cell has been reported already; deriving the charge from the others would guess.
  if (!isBlank(r.text('energy')) || (!isBlank(r.text('total')) && total === null) || (!isBlank(r.text('price')) && price === null)) return null;
  if (total !== null) return total - feeFen;
  if (price !== null && kwh !== null) return chargeFen([[kwh, price]]);
  if (kwh !== null && compareDecimals(kwh, '0') === 0) return 0;
  return r.fail(r.columns.fields.energy ? 'energy' : 'total', 'charge.missing');
}
