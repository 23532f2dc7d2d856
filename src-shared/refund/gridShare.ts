// Shares a landlord's grid bill among the month's bill lines in proportion to their kWh, to the fen:
// each share rounded down, then the remaining fen one each by largest remainder, ties in ledger order.
import { KWH_DECIMALS, type Fen } from '../money';

/** kWh as an integer count of 1/10,000 kWh, so shares are computed with exact integers. */
function kwhUnits(kwh: string): bigint {
  const [whole = '0', fraction = ''] = kwh.split('.');
  return BigInt(whole + fraction.padEnd(KWH_DECIMALS, '0'));
}

/**
 * The shares (fen) of `billFen` for lines of the given kWh (decimal strings, ≥ 0), in the same order;
 * they add up to `billFen` exactly. Throws when the kWh add up to 0 (nothing to share by).
 */
export function shareByKwh(billFen: Fen, kwh: readonly string[]): Fen[] {
  if (!Number.isSafeInteger(billFen) || billFen < 0) throw new RangeError(`grid bill must be a non-negative integer of fen: ${billFen}`);
  const units = kwh.map(kwhUnits);
  const total = units.reduce((a, b) => a + b, 0n);
  if (total === 0n) throw new RangeError('the lines add up to 0 kWh');
  const bill = BigInt(billFen);
  const floors = units.map((u) => (bill * u) / total);
  const remainders = units.map((u) => (bill * u) % total);
  let left = Number(bill - floors.reduce((a, b) => a + b, 0n));
  // Largest remainder first; equal remainders keep ledger order (a stable sort by index).
  const order = units.map((_, i) => i).sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  const shares = floors.map(Number);
  for (const i of order) {
    if (left === 0) break;
    shares[i]! += 1;
    left--;
  }
  return shares;
}
