import { describe, expect, it } from 'vitest';
import { isValidUscc, normalizeUscc, usccCheckChar, usccProblem } from '../../src-shared/uscc';

describe('uscc', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91310115MA1K3BTP2B', '91340600MA2PBP2120'])(
    'accepts the valid code %s',
    (code) => expect(usccProblem(code)).toBeNull(),
  );

  it.each([
    ['91350100M000100Y4Z', 'character'],
    ['91110000600037341N', 'check'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y44', 'check'],
  ] as const)('rejects %s as %s', (code, why) => expect(usccProblem(code)).toBe(why));

  it('computes the check character of the standard example', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a check value of 31 to 0', () => {
    expect(usccCheckChar('91340600MA2PBP212')).toBe('0');
  });

  it('folds case, full-width characters and spaces', () => {
    expect(normalizeUscc(' ９１３５０１００m０００１００y４３ ')).toBe('91350100M000100Y43');
    expect(isValidUscc('91310115ma1k3btp2b')).toBe(true);
  });
});
