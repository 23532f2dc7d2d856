// Sums computed bill lines per tenant, per month and per fee name; every sum lists the lines (Excel rows) in it.
import type { Month } from '../billingMonth';
import { tariffZh } from '../i18n/tariff';
import type { BillLine } from '../ledger/types';
import { normalizeText } from '../lists/normalize';
import type { Fen } from '../money';
import type { LineOvercharge } from './overcharge';

export interface TenantOvercharge {
  /** As first written in the ledger; lines whose names differ only in spacing or full-width forms are one tenant. */
  readonly tenant: string;
  readonly overchargeFen: Fen;
  readonly chargedFen: Fen;
  readonly lawfulFen: Fen;
  readonly months: readonly Month[];
  readonly lines: readonly number[];
}

export interface MonthOvercharge {
  readonly month: Month;
  readonly overchargeFen: Fen;
  readonly lines: readonly number[];
}

export interface FeeOvercharge {
  /** 电费 for the energy charge, else the fee's column header. */
  readonly fee: string;
  /** Billed under this name on the computed lines (fen). */
  readonly billedFen: Fen;
  /** Part of the overcharge attributed to this name (fen). */
  readonly overchargeFen: Fen;
  readonly lines: readonly number[];
}

export interface OverchargeSummary {
  readonly tenants: readonly TenantOvercharge[];
  readonly months: readonly MonthOvercharge[];
  readonly fees: readonly FeeOvercharge[];
  readonly totalOverchargeFen: Fen;
  /** The lines with an overcharge, the ones the total is made of. */
  readonly overchargedLines: readonly number[];
}

const ENERGY = tariffZh['overcharge.energy'];

interface Sum {
  overchargeFen: Fen;
  chargedFen: Fen;
  lawfulFen: Fen;
  billedFen: Fen;
  lines: number[];
  months: Set<Month>;
}

const newSum = (): Sum => ({ overchargeFen: 0, chargedFen: 0, lawfulFen: 0, billedFen: 0, lines: [], months: new Set() });

function sumInto<K>(map: Map<K, Sum>, key: K): Sum {
  let sum = map.get(key);
  if (!sum) map.set(key, (sum = newSum()));
  return sum;
}

/** Per tenant (ledger order), per month (ascending), per fee name (电费 first, then column order), and the total. */
export function summarise(billLines: readonly BillLine[], computed: readonly LineOvercharge[]): OverchargeSummary {
  const lineOf = billLineFinder(billLines);
  const tenants = new Map<string, Sum & { name: string }>();
  const months = new Map<Month, Sum>();
  const fees = new Map<string, Sum>();
  let totalOverchargeFen = 0;
  const overchargedLines: number[] = [];
  for (const c of computed) {
    const key = normalizeText(c.tenant);
    let tenant = tenants.get(key);
    if (!tenant) tenants.set(key, (tenant = { ...newSum(), name: c.tenant }));
    add(tenant, c);
    tenant.months.add(c.month);
    add(sumInto(months, c.month), c);
    addFees(fees, lineOf(c.line), c);
    totalOverchargeFen += c.overchargeFen;
    if (c.overchargeFen > 0) overchargedLines.push(c.line);
  }
  return {
    tenants: [...tenants.values()].map((t) => ({ tenant: t.name, overchargeFen: t.overchargeFen, chargedFen: t.chargedFen, lawfulFen: t.lawfulFen, months: [...t.months].sort(), lines: t.lines })),
    months: [...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, s]) => ({ month, overchargeFen: s.overchargeFen, lines: s.lines })),
    fees: [...fees.entries()].map(([fee, s]) => ({ fee, billedFen: s.billedFen, overchargeFen: s.overchargeFen, lines: s.lines })),
    totalOverchargeFen,
    overchargedLines,
  };
}

/**
 * The bill line of an Excel row, as `new Map(billLines.map((l) => [l.row, l])).get(row)!` would give it. Computed lines
 * come in ledger order and an import numbers its lines in strictly ascending rows, so a cursor walking forward finds
 * each at once, without a map of every line; rows out of order or repeated fall back to that map.
 */
function billLineFinder(billLines: readonly BillLine[]): (row: number) => BillLine {
  let ascending = true;
  for (let i = 1; i < billLines.length && ascending; i++) ascending = billLines[i - 1]!.row < billLines[i]!.row;
  let byRow: Map<number, BillLine> | null = null;
  const mapped = (row: number) => (byRow ??= new Map(billLines.map((l) => [l.row, l]))).get(row)!;
  if (!ascending) return mapped;
  let next = 0;
  return (row) => {
    while (next < billLines.length && billLines[next]!.row < row) next++;
    const line = billLines[next];
    return line !== undefined && line.row === row ? line : mapped(row);
  };
}

function add(sum: Sum, c: LineOvercharge): void {
  sum.overchargeFen += c.overchargeFen;
  sum.chargedFen += c.chargedFen;
  sum.lawfulFen += c.lawfulFen;
  sum.lines.push(c.line);
}

// A fee name's sum lists every line that billed it or had overcharge attributed to it; two columns of one name count as one.
function addFees(fees: Map<string, Sum>, line: BillLine, c: LineOvercharge): void {
  // By name in first-seen order (电费 first, then the fees); a line has a handful, so arrays beat a Map here.
  const names: string[] = [ENERGY];
  const billed: Fen[] = [line.energyFen];
  const part: Fen[] = [0];
  for (const { name, fen } of line.fees) {
    const i = names.indexOf(name);
    if (i < 0) {
      names.push(name);
      billed.push(fen);
      part.push(0);
    } else billed[i]! += fen;
  }
  for (const { name, fen } of c.parts) {
    const i = names.indexOf(name);
    if (i < 0) throw new TypeError(`overcharge part without a billed name: ${name}`);
    part[i]! += fen;
  }
  for (let i = 0; i < names.length; i++) {
    const sum = sumInto(fees, names[i]!);
    sum.billedFen += billed[i]!;
    sum.overchargeFen += part[i]!;
    if (billed[i] !== 0 || part[i] !== 0) sum.lines.push(c.line);
  }
}
