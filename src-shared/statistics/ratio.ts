// Ratios as the office reports them: a percentage with two decimals, rounded half-up in integer arithmetic
// (no binary float between the counts and the text).

/** n ÷ d as a percentage with two decimals: (1, 3) → '33.33%', (2, 3) → '66.67%', (1, 8) → '12.50%'; '—' when d is 0. */
export function ratioText(n: number, d: number): string {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || n < 0 || d < 0) throw new RangeError(`counts expected: ${n} / ${d}`);
  if (d === 0) return '—';
  // Hundredths of a percent, half-up: floor((n × 10000 × 2 + d) / (2d)).
  const units = Math.floor((n * 20000 + d) / (2 * d));
  return `${Math.floor(units / 100)}.${String(units % 100).padStart(2, '0')}%`;
}
