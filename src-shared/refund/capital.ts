// 大写金额: an amount written in Chinese capital numerals as the People's Bank of China rules for bills
// and vouchers want it (《支付结算办法》附一《正确填写票据和结算凭证的基本规定》), so the amount of a refund
// order cannot be altered by a stroke. The choices where the rules allow two forms:
// - a zero in the middle is written once per run of zeros (6007.14 → 陆仟零柒元壹角肆分); a run that only ends
//   a 万 or 亿 group is not written when the next group starts with a digit (107000.53 → 壹拾万柒仟元零伍角叁分);
// - when the 元 digit is 0 and 角 is not, 零 is written after 元 (1680.32 → 壹仟陆佰捌拾元零叁角贰分);
// - 角 zero and 分 not: 零 after 元 (325.04 → 叁佰贰拾伍元零肆分), as the rules require;
// - 整 after 元 only; an amount ending in 角 or 分 takes none; a leading ten is 壹拾 (10.00 → 壹拾元整);
// - under one yuan no 元 is written (0.50 → 伍角); nothing at all is 零元整.
import type { Fen } from '../money';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'] as const;

/** 1 … 9999 in capitals, zeros inside written once per run, trailing zeros dropped: 1009 → 壹仟零玖. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    out += DIGITS[digit]! + PLACES[place]!;
    zero = false;
  }
  return out;
}

/** A whole number ≥ 1 in capitals with 万 and 亿 (whole yuan of safe fen stay under 10¹⁴: at most 玖拾万…亿). */
function whole(n: number): string {
  if (n >= 1e8) {
    const high = Math.floor(n / 1e8);
    const low = n % 1e8;
    // 叁拾叁万亿零壹仟万: an empty 亿 group under 万亿 is a run of zeros inside the amount, written once.
    return joined(whole(high), '亿', low, low < 1e7 || (high >= 1e4 && high % 1e4 === 0));
  }
  if (n >= 1e4) return joined(whole(Math.floor(n / 1e4)), '万', n % 1e4, n % 1e4 < 1e3);
  return group(n);
}

/** High part, its unit, then the low part, preceded by 零 when zeros stand between them. */
function joined(high: string, unit: string, low: number, zeroBetween: boolean): string {
  if (low === 0) return high + unit;
  return high + unit + (zeroBetween ? '零' : '') + whole(low);
}

/** An amount in fen (a non-negative safe integer) in Chinese capitals: 1005 → 壹拾元零伍分, 2030000 → 贰万零叁佰元整. */
export function fenToChineseCapital(fen: Fen): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a non-negative whole amount of fen: ${fen}`);
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (yuan === 0) return (jiao ? `${DIGITS[jiao]!}角` : '') + (cents ? `${DIGITS[cents]!}分` : '');
  const head = `${whole(yuan)}元`;
  if (jiao === 0 && cents === 0) return `${head}整`;
  if (jiao === 0) return `${head}零${DIGITS[cents]!}分`;
  return `${head}${yuan % 10 === 0 ? '零' : ''}${DIGITS[jiao]!}角${cents ? `${DIGITS[cents]!}分` : ''}`;
}
