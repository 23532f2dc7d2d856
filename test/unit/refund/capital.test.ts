// 大写金额 as the People's Bank of China's rules for bills and vouchers write it: the rules' own examples,
// the forms this app chose where the rules allow two, and an independent digit-by-digit writer and a reader
// as oracles over every kind of amount.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToChineseCapital } from '../../../src-shared/refund/capital';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** The oracle: scans the digits from the left, one pending 零 at a time; a run of zeros that only ends a 万/亿 group is dropped. */
function reference(fen: number): string {
  if (fen === 0) return '零元整';
  const yuan = String(Math.floor(fen / 100));
  const [jiao, cents] = [Math.floor(fen / 10) % 10, fen % 10];
  let out = '';
  if (yuan !== '0') {
    let pending = false;
    const groupsWithDigit = new Set<number>();
    for (let i = 0; i < yuan.length; i += 1) {
      const pos = yuan.length - 1 - i;
      const d = Number(yuan[i]);
      if (d !== 0) {
        if (pending) out += '零';
        out += DIGITS[d]! + ['', '拾', '佰', '仟'][pos % 4]!;
        pending = false;
        groupsWithDigit.add(Math.floor(pos / 4));
      } else if (out !== '') pending = true;
      if (pos % 4 === 0 && pos > 0) {
        const g = pos / 4;
        if (groupsWithDigit.has(g)) pending = false;
        if (g % 2 === 1 && groupsWithDigit.has(g)) out += '万';
        if (g % 2 === 0 && (groupsWithDigit.has(g) || groupsWithDigit.has(g + 1))) out += '亿';
      }
    }
    out += '元';
    if (jiao === 0 && cents === 0) return `${out}整`;
    if (jiao === 0 || yuan.endsWith('0')) out += '零';
  }
  return out + (jiao ? `${DIGITS[jiao]!}角` : '') + (cents ? `${DIGITS[cents]!}分` : '');
}

/** Reads capitals back to fen (no rule about zeros: those are the writer's and the oracle's job). */
function read(text: string): number {
  const [whole, rest = ''] = text.replace(/整$/, '').split('元');
  const units: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  let [yi, wan, section, num] = [0, 0, 0, 0];
  for (const ch of rest === '' && !text.includes('元') ? '' : whole!) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) num = d;
    else if (ch in units) [section, num] = [section + num * units[ch]!, 0];
    else if (ch === '万') [wan, section, num] = [(section + num) * 1e4, 0, 0];
    else if (ch === '亿') [yi, wan, section, num] = [(wan + section + num) * 1e8, 0, 0, 0];
    else throw new Error(`unexpected ${ch} in ${text}`);
  }
  const small = text.includes('元') ? rest : text;
  const jiao = /([壹贰叁肆伍陆柒捌玖])角/.exec(small);
  const fen = /([壹贰叁肆伍陆柒捌玖])分/.exec(small);
  return (yi + wan + section + num) * 100 + (jiao ? DIGITS.indexOf(jiao[1]!) * 10 : 0) + (fen ? DIGITS.indexOf(fen[1]!) : 0);
}

describe('fenToChineseCapital', () => {
  it.each([
    // The brief's and the rules' own examples (《正确填写票据和结算凭证的基本规定》).
    [0, '零元整'],
    [100, '壹元整'],
    [1005, '壹拾元零伍分'],
    [10_000_050, '壹拾万元零伍角'],
    [100_000_000_101, '壹拾亿零壹元零壹分'],
    [2_030_000, '贰万零叁佰元整'],
    [140_950, '壹仟肆佰零玖元伍角'],
    [600_714, '陆仟零柒元壹角肆分'],
    [168_032, '壹仟陆佰捌拾元零叁角贰分'],
    [10_700_053, '壹拾万柒仟元零伍角叁分'],
    [1_640_902, '壹万陆仟肆佰零玖元零贰分'],
    [32_504, '叁佰贰拾伍元零肆分'],
  ])('%i fen → %s (the rules’ examples)', (fen, text) => {
    expect(fenToChineseCapital(fen)).toBe(text);
  });

  it.each([
    [5, '伍分'],
    [50, '伍角'],
    [55, '伍角伍分'],
    [1000, '壹拾元整'],
    [1500, '壹拾伍元整'],
    [1510, '壹拾伍元壹角'],
    [10_000, '壹佰元整'],
    [101_000, '壹仟零壹拾元整'],
    [100_100, '壹仟零壹元整'],
    [110_000, '壹仟壹佰元整'],
    [1_000_000, '壹万元整'],
    [1_000_100, '壹万零壹元整'],
    [20_000_000, '贰拾万元整'],
    [10_070_000, '壹拾万零柒佰元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [10_000_500_000, '壹亿零伍仟元整'],
    [11_000_000_000, '壹亿壹仟万元整'],
    [10_100_000_000, '壹亿零壹佰万元整'],
    [10_010_000_000, '壹亿零壹拾万元整'],
    [1e13, '壹仟亿元整'],
    [1e14, '壹万亿元整'],
    [1_000_123_400_000_000, '壹拾万零壹拾贰亿叁仟肆佰万元整'],
    [100_010_000_000_000, '壹万零壹亿元整'],
    [1_234_567_890_123, '壹佰贰拾叁亿肆仟伍佰陆拾柒万捌仟玖佰零壹元贰角叁分'],
    [Number.MAX_SAFE_INTEGER, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('%i fen → %s', (fen, text) => {
    expect(fenToChineseCapital(fen)).toBe(text);
  });

  it('refuses what is not a whole, non-negative, safe amount of fen', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) expect(() => fenToChineseCapital(bad)).toThrow(RangeError);
  });

  // Amounts full of zeros are where the rules bite: digits drawn mostly from 0 and 1.
  const zeroRich = fc.array(fc.constantFrom(0, 0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 15 }).map((ds) => Number(ds.join('')));
  const amounts = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), zeroRich);

  it('writes once the zeros of an empty 亿 group under 万亿 (found by the property below)', () => {
    expect(fenToChineseCapital(3300001000000000)).toBe('叁拾叁万亿零壹仟万元整');
    expect(fenToChineseCapital(3300005000000012)).toBe('叁拾叁万亿零伍仟万元零壹角贰分');
    expect(fenToChineseCapital(3300000000000000)).toBe('叁拾叁万亿元整');
  });

  it('agrees with a digit-by-digit writer on every amount', () => {
    fc.assert(fc.property(amounts, (fen) => fenToChineseCapital(fen) === reference(fen)), { numRuns: 5000 });
  });

  it('reads back to the same amount, never writes 零 twice in a row nor before a unit, and ends in 整, 角 or 分', () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        const text = fenToChineseCapital(fen);
        expect(read(text)).toBe(fen);
        if (fen !== 0) expect(text).not.toMatch(/零零|零[元万亿拾佰仟角分]/);
        expect(text).toMatch(/(整|角|分)$/);
        if (text.endsWith('整')) expect(fen % 100).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });
});
