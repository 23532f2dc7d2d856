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
  /** Whether a text names the key column: a header repeated on a later page is not a record. */
  readonly isKeyHeader: (text: string) => boolean;
}

/** Why a row is not a record, or null when it is one (valid or not). */
export function skipReason(row: RowShape): SkipReason | null {
  // One pass and no per-cell objects: most rows are records, and this runs for every row of a large list.
  let first = -1;
  let filled = 0;
  let serialsOnly = true;
  row.texts.forEach((text, col) => {
    if (text === '' || text.trim() === '') return;
    if (first < 0) first = col;
    filled++;
    if (row.mapped.has(col) || !SERIAL.test(text.trim())) serialsOnly = false;
  });
  if (first < 0) return 'blank';
  const firstText = row.texts[first]!.trim();
  const keyText = row.texts[row.keyCol]?.trim() ?? '';
  if (NOTE_START.test(firstText)) return 'note';
  if (TOTAL_START.test(firstText) || (keyText === '' && row.texts.some((t) => TOTAL_START.test(t.trim())))) return 'subtotal';
  if (keyText !== '' && row.isKeyHeader(keyText)) return 'note';
  if (filled === 1 && isLoneRemark(row, first, firstText)) return 'note';
  // A pre-numbered 序号 column with nothing else filled in: an unused line of the form.
  return serialsOnly ? 'blank' : null;
}

// A single filled cell that is prose; a lone short text in the name column is a record missing its code.
function isLoneRemark(row: RowShape, col: number, text: string): boolean {
  if (PROSE.test(text)) return true;
  if (col === row.nameCol || text.length < 8) return false;
  // In the key column only text that cannot be a code (has Chinese) is a remark.
  return col !== row.keyCol || /[\u3400-\u9fff]/u.test(text);
}
