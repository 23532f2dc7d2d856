// Turns what exceljs hands back for a cell into the text a person sees in it.
import type { CellValue } from 'exceljs';

/** Text of a cell value: rich text joined, formulas by their result, hyperlinks by their text, dates as YYYY-MM-DD. */
export function cellValueText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return hyperlinkText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return formulaResultText(value.result, numFmt);
  return ''; // error values (#N/A, #REF!) carry no data
}

// exceljs types a hyperlink's text as string, but a hyperlink over mixed Chinese/Latin text is rich text.
function hyperlinkText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'object' && text !== null && 'richText' in text && Array.isArray(text.richText)) {
    return text.richText.map((run: unknown) => (typeof run === 'object' && run !== null && 'text' in run ? String(run.text) : '')).join('');
  }
  return '';
}

function formulaResultText(result: unknown, numFmt?: string): string {
  if (typeof result === 'string') return result;
  if (typeof result === 'number') return numberText(result, numFmt);
  if (typeof result === 'boolean') return result ? 'TRUE' : 'FALSE';
  if (result instanceof Date) return dateText(result);
  return '';
}

/** Excel keeps 15 significant digits: a longer integer typed into a General cell has lost its tail. */
export function isLongNumber(value: CellValue): boolean {
  const n = typeof value === 'object' && value !== null && 'result' in value ? value.result : value;
  return typeof n === 'number' && Math.abs(n) >= 1e15;
}

// A code kept as a number with a format like 000000 shows its leading zeros in Excel; keep them here too.
const ZERO_PADDING = /^0+$/;

function numberText(value: number, numFmt?: string): string {
  if (numFmt && ZERO_PADDING.test(numFmt) && Number.isInteger(value) && value >= 0) {
    return String(value).padStart(numFmt.length, '0');
  }
  // Past 15 digits String() prints the shortest round-trip form (…800); toFixed prints the stored double (…808).
  if (Number.isInteger(value) && Math.abs(value) >= 1e15 && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

// exceljs gives dates as UTC instants of the serial day, so the UTC fields are the date Excel shows.
function dateText(date: Date): string {
  const y = date.getUTCFullYear();
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
