// Which rows under the header are records: blank rows, notes and signatures, totals are skipped, not rejected.
import type { SkipReason } from './types';

// "注：" "注1." "说明：" "制表人：" "填报日期：" … at the start of a row's first cell.
const NOTE_START =
  /^(?:注|备注|附注|说明|填报说明|填表说明|制表人|制表|制表日期|填报人|填表人|填报日期|填报单位|审核人|审核|单位负责人|负责人|日期|数据来源|来源|盖章|单位盖章)\s*\d*\s*[:：]|^(?:注|说明)\s*\d+\s*[、.．]|^(?:填报说明|填表说明)|^[(（]?(?:单位)?盖章[)）]?$/;
const TOTAL_START = /^(?:合\s*计|小\s*计|总\s*计|共\s*计)/;
// Sentence punctuation or sheer length: a remark, not a name or a code.
const PROSE = /[。；]|^.{40,}$/su;
const SERIAL = /^\d+$/;

/** What the classifier needs to know about a row: its texts and where the key and name columns are. */
export interface RowShape {
  readonly texts: readonly string[];
  readonly keyCol: number;
  readonly nameCol: number;
  readonly mapped: ReadonlySet<number>;
  /** Normalised header words of the key column, to recognise a header repeated on a later page. */
  readonly isKeyHeader: (text: string) => boolean;
}

/** Why a row is not a record, or null when it is one (valid or not). */
export function skipReason(row: RowShape): SkipReason | null {
  const cells: [number, string][] = [];
  row.texts.forEach((text, col) => {
    if (text.trim() !== '') cells.push([col, text.trim()]);
  });
  const first = cells[0];
  if (first === undefined) return 'blank';
  const keyText = row.texts[row.keyCol]?.trim() ?? '';
  if (NOTE_START.test(first[1])) return 'note';
  if (TOTAL_START.test(first[1]) || (keyText === '' && cells.some(([, t]) => TOTAL_START.test(t)))) return 'subtotal';
  if (isKeyHeaderRepeat(row, keyText)) return 'note';
  if (cells.length === 1 && isLoneRemark(row, first)) return 'note';
  // A pre-numbered 序号 column with nothing else filled in: an unused line of the form.
  if (cells.every(([col, t]) => !row.mapped.has(col) && SERIAL.test(t))) return 'blank';
  return null;
}

function isKeyHeaderRepeat(row: RowShape, keyText: string): boolean {
  return keyText !== '' && row.isKeyHeader(keyText);
}

// A single filled cell that is prose; a lone short text in the name column is a record missing its code.
function isLoneRemark(row: RowShape, [col, text]: [number, string]): boolean {
  if (PROSE.test(text)) return true;
  if (col === row.nameCol || text.length < 8) return false;
  // In the key column only text that cannot be a code (has Chinese) is a remark.
  return col !== row.keyCol || /[\u3400-\u9fff]/u.test(text);
}
