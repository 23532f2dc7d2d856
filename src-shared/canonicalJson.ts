// Canonical JSON for hashing: object keys sorted (jsonb does not keep their order), no spaces.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** JSON.stringify with every object's keys sorted by UTF-16 code units, at every depth. */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const keys = Object.keys(value).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(value[k] ?? null)).join(',') + '}';
}
