// A hybrid logical clock: wall time when it moves forward, a counter when it does not, so a
// device's stamps always increase even if its clock is set back. Display and history only; the
// hub's change counter orders everything.

export interface Hlc {
  wallMs: number;
  counter: number;
}

export const HLC_ZERO: Hlc = { wallMs: 0, counter: 0 };

/** The next stamp after `last` at local time `nowMs`. */
export function tick(last: Hlc, nowMs: number): Hlc {
  return nowMs > last.wallMs ? { wallMs: nowMs, counter: 0 } : { wallMs: last.wallMs, counter: last.counter + 1 };
}

/** Fixed-width text that sorts like the clock: ISO instant, then a 4-digit hex counter. */
export function formatHlc(h: Hlc): string {
  return `${new Date(h.wallMs).toISOString()}~${h.counter.toString(16).padStart(4, '0')}`;
}

export function parseHlc(text: string): Hlc | undefined {
  const match = /^(.+Z)~([0-9a-f]{4,})$/.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const wallMs = Date.parse(match[1]);
  return Number.isNaN(wallMs) ? undefined : { wallMs, counter: parseInt(match[2], 16) };
}
