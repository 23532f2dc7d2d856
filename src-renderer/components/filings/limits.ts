import type { FlagLimits } from '../../../src-shared/filings/indicators';
import { DEFAULT_LOSS_THRESHOLD, DEFAULT_TOLERANCE } from '../../../src-shared/filings/screen';
import { decimalText } from '../../../src-shared/lists/normalize';
import { compareDecimals, parseDecimal, PRICE_DECIMALS } from '../../../src-shared/money';

export const DEFAULT_LIMITS: FlagLimits = { tolerance: DEFAULT_TOLERANCE, lossThreshold: DEFAULT_LOSS_THRESHOLD };

// A decimal ≥ 0 typed any way (full-width, commas), exact, at most 6 decimals; null otherwise.
function decimal(text: string): string | null {
  const plain = decimalText(text);
  const parsed = plain === null ? null : parseDecimal(plain, PRICE_DECIMALS);
  return parsed?.ok ? parsed.value : null;
}

/** The limits as typed, checked as the CLI checks them (tolerance ≥ 0, threshold in [0, 1]); null when either is wrong. */
export function parseLimits(tolerance: string, lossThreshold: string): FlagLimits | null {
  const tol = decimal(tolerance);
  const loss = decimal(lossThreshold);
  if (tol === null || loss === null || compareDecimals(loss, '1') > 0) return null;
  return { tolerance: tol, lossThreshold: loss };
}
