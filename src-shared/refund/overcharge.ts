// The overcharge of a landlord's ledger: per bill line, charged − lawful when above the tolerance (an
// undercharged line never offsets another), then summed per tenant, month and fee name. Every figure
// names the bill lines (Excel rows) it came from; every line left out says why.
import type { Month } from '../billingMonth';
import { formatMessage } from '../i18n/format';
import { tariffMessages, tariffZh } from '../i18n/tariff';
import type { BillLine, LedgerImport } from '../ledger/types';
import type { RowIssue } from '../lists/types';
import type { Fen } from '../money';
import type { TariffIndex } from '../tariff/lookup';
import { TOU_WORDS, type TariffKey, type TouPeriod } from '../tariff/types';
import { shareByKwh } from './gridShare';
import { catalogueCharge } from './lawful';
import { summarise, type OverchargeSummary } from './summary';

export type OverchargeMethod = 'catalogue' | 'grid-bill';

export type OverchargeOptions = (
  | { method: 'catalogue'; tariffs: TariffIndex; key: TariffKey }
  | { method: 'grid-bill'; gridBills: ReadonlyMap<Month, Fen> }
) & {
  /** A line counts as overcharged only when charged − lawful exceeds this (fen); default 0. */
  toleranceFen?: Fen;
};

/** One computed bill line. */
export interface LineOvercharge {
  readonly line: number;
  readonly tenant: string;
  readonly month: Month;
  readonly chargedFen: Fen;
  readonly lawfulFen: Fen;
  /** charged − lawful when above the tolerance, else 0; never negative (fen). */
  readonly overchargeFen: Fen;
  /** The overcharge by what was billed: the energy charge (电费) first, then each fee in column order (fen). */
  readonly parts: readonly { readonly name: string; readonly fen: Fen }[];
  /** Catalogue prices used (yuan/kWh), by period; empty for the grid-bill method. */
  readonly prices: Readonly<Partial<Record<TouPeriod, string>>>;
}

/** A bill line not computed, and why. */
export interface LeftOut {
  readonly line: number;
  readonly tenant: string;
  readonly month: Month;
  readonly issues: readonly RowIssue[];
}

/** A problem with the method's input that belongs to no row (a grid bill for a month the ledger lacks). */
export interface InputIssue {
  readonly month: Month;
  readonly code: string;
  readonly reason: string;
}

export interface OverchargeResult extends OverchargeSummary {
  readonly method: OverchargeMethod;
  readonly toleranceFen: Fen;
  readonly lines: readonly LineOvercharge[];
  readonly leftOut: readonly LeftOut[];
  readonly inputIssues: readonly InputIssue[];
}

const zh = tariffMessages['zh-CN'];
/** The name of the energy charge among the parts of an overcharge. */
export const ENERGY_PART = tariffZh['overcharge.energy'];

type Lawful = { ok: true; lawfulFen: Fen; prices: Partial<Record<TouPeriod, string>> } | { ok: false; issues: RowIssue[] };

/** Computes the overcharge of every sound bill line of a ledger by the chosen method. */
export function computeOvercharge(ledger: Pick<LedgerImport, 'lines' | 'columns' | 'unread'>, options: OverchargeOptions): OverchargeResult {
  const toleranceFen = options.toleranceFen ?? 0;
  const monthField = ledger.columns.fields.month?.header ?? tariffZh['ledger.field.month'];
  const { lawful, inputIssues } =
    options.method === 'catalogue' ? { lawful: catalogueLawful(ledger.lines, options.tariffs, options.key, monthField), inputIssues: [] } : gridLawful(ledger, options.gridBills, monthField);
  const lines: LineOvercharge[] = [];
  const leftOut: LeftOut[] = [];
  ledger.lines.forEach((line, i) => {
    const l = lawful[i]!;
    if (l.ok) lines.push(lineOvercharge(line, l.lawfulFen, l.prices, toleranceFen));
    else leftOut.push({ line: line.row, tenant: line.tenant, month: line.month, issues: l.issues });
  });
  return { method: options.method, toleranceFen, lines, leftOut, inputIssues, ...summarise(ledger.lines, lines) };
}

/** Overcharge of one line with its parts: the energy markup first, then fees in column order, up to the overcharge. */
export function lineOvercharge(line: BillLine, lawfulFen: Fen, prices: Partial<Record<TouPeriod, string>>, toleranceFen = 0): LineOvercharge {
  const excess = line.chargedFen - lawfulFen;
  const overchargeFen = excess > toleranceFen ? excess : 0;
  const parts: { name: string; fen: Fen }[] = [];
  let left = overchargeFen;
  const energyPart = Math.min(left, Math.max(0, line.energyFen - lawfulFen));
  if (energyPart > 0) parts.push({ name: ENERGY_PART, fen: energyPart });
  left -= energyPart;
  for (const fee of line.fees) {
    const fen = Math.min(left, Math.max(0, fee.fen));
    if (fen > 0) parts.push({ name: fee.name, fen });
    left -= fen;
  }
  return { line: line.row, tenant: line.tenant, month: line.month, chargedFen: line.chargedFen, lawfulFen, overchargeFen, parts, prices };
}

function catalogueLawful(lines: readonly BillLine[], tariffs: TariffIndex, key: TariffKey, monthField: string): Lawful[] {
  const price = tariffs.pricer(key);
  return lines.map((line) => {
    const charge = catalogueCharge(line, price);
    if (charge.ok) return charge;
    const issues = charge.problems.map(({ period, problem }) => {
      const params = { month: line.month, period: TOU_WORDS[period], ...key };
      return { row: line.row, field: monthField, code: `tariff.${problem}`, params, reason: formatMessage(zh, `overcharge.issue.tariff.${problem}`, params) };
    });
    return { ok: false, issues };
  });
}

// Each month's grid bill shared by kWh among its lines; a month with an unread row, no bill or no kWh is left out whole.
function gridLawful(ledger: Pick<LedgerImport, 'lines' | 'unread'>, bills: ReadonlyMap<Month, Fen>, monthField: string): { lawful: Lawful[]; inputIssues: InputIssue[] } {
  const lawful: Lawful[] = new Array<Lawful>(ledger.lines.length);
  const byMonth = new Map<Month, number[]>();
  ledger.lines.forEach((line, i) => {
    const list = byMonth.get(line.month);
    if (list) list.push(i);
    else byMonth.set(line.month, [i]);
  });
  for (const [month, indexes] of byMonth) {
    const problem = monthProblem(month, indexes, ledger, bills);
    const shares = problem ? null : shareByKwh(bills.get(month)!, indexes.map((i) => ledger.lines[i]!.kwh));
    indexes.forEach((lineIndex, k) => {
      const row = ledger.lines[lineIndex]!.row;
      lawful[lineIndex] = shares ? { ok: true, lawfulFen: shares[k]!, prices: {} } : { ok: false, issues: [monthIssue(row, monthField, problem!)] };
    });
  }
  const inputIssues = [...bills.keys()]
    .filter((month) => !byMonth.has(month))
    .map((month) => ({ month, code: 'gridBill.noLines', reason: formatMessage(zh, 'overcharge.issue.gridBill.noLines', { month }) }));
  return { lawful, inputIssues };
}

type MonthProblem = { code: 'gridBill.missing' | 'gridBill.zeroKwh'; month: Month } | { code: 'gridBill.unsound'; month: Month; rows: string };

function monthProblem(month: Month, indexes: readonly number[], ledger: Pick<LedgerImport, 'lines' | 'unread'>, bills: ReadonlyMap<Month, Fen>): MonthProblem | null {
  if (!bills.has(month)) return { code: 'gridBill.missing', month };
  // An unread row of the month has unknown kWh, so every share of that month would be wrong.
  const unread = ledger.unread.filter((u) => u.month === month).map((u) => u.row);
  if (unread.length > 0) return { code: 'gridBill.unsound', month, rows: unread.join('、') };
  if (indexes.every((i) => /^0(?:\.0+)?$/.test(ledger.lines[i]!.kwh))) return { code: 'gridBill.zeroKwh', month };
  return null;
}

function monthIssue(row: number, field: string, problem: MonthProblem): RowIssue {
  const { code, ...params } = problem;
  return { row, field, code, params, reason: formatMessage(zh, `overcharge.issue.${code}`, params) };
}
