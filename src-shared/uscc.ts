// Unified social credit code (统一社会信用代码), GB 32100-2015.

/** The 31 characters of the code alphabet, in the order of their values 0..30. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'character' | 'check';

/** Upper-cases, folds full-width characters and drops spaces, so 'ｌ' typed in a form still matches. */
export function normalizeUscc(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters, or null if one of them is not in the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET.charAt(check);
}

/** Why a (normalised) code is invalid, or null when it is valid. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return 'character';
  return usccCheckChar(code.slice(0, 17)) === code.charAt(17) ? null : 'check';
}

export function isValidUscc(code: string): boolean {
  return usccProblem(normalizeUscc(code)) === null;
}
