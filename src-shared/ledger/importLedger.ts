// Imports the landlord's bill ledger (租户电费台账) from an Excel workbook in the landlord's own layout.
import { z } from 'zod';
import { formatMessage } from '../i18n/format';
import { tariffMessages, tariffZh } from '../i18n/tariff';
import { HEADER_SEARCH_ROWS } from '../lists/header';
import { normalizeWord } from '../lists/normalize';
import { skipReason, type RowShape } from '../lists/rows';
import type { SkipReason } from '../lists/types';
import type { ReadBook, ReadSheet } from '../xlsxCells';
import { loadXlsx, readRow, sheetsVisibleFirst } from '../lists/workbook';
import { LEDGER_COLUMNS } from './columns';
import { applyMapping, MappingError, recogniseColumns } from './header';
import { readLine } from './line';
import { ledgerMappingSchema, type LedgerColumns, type LedgerField, type LedgerImport, type LedgerOptions } from './types';

export { mappingOf } from './header';

/** The ledger cannot be used at all: not an xlsx, empty, no header, required columns missing, or a mapping that does not fit. */
export class LedgerReadError extends Error {
  override readonly name = 'LedgerReadError';
  constructor(
    readonly code: 'unreadable' | 'empty' | 'no-header' | 'missing-columns' | 'no-charge' | 'mapping',
    message: string,
    /** What was recognised (codes 'missing-columns', 'no-charge'), for the UI to show and let the inspector complete. */
    readonly columns?: LedgerColumns,
  ) {
    super(message);
  }
}

const zh = tariffMessages['zh-CN'];
/** Rows between progress reports; also where a long import lets the UI thread breathe. */
const PROGRESS_EVERY = 2000;

/** Reads a ledger and every bill line in it; rows are numbered as Excel shows them. Throws {@link LedgerReadError}. */
export async function importLedger(data: Uint8Array, options: LedgerOptions = {}): Promise<LedgerImport> {
  return importLedgerWorkbook(loadXlsx(data, tariffZh['ledger.error.unreadable'], (message) => new LedgerReadError('unreadable', message)), options);
}

/** {@link importLedger} for a workbook already read (by readXlsx, or exceljs in tests). */
export async function importLedgerWorkbook(workbook: ReadBook, options: LedgerOptions = {}): Promise<LedgerImport> {
  const { sheet, columns } = locate(workbook, options);
  checkColumns(columns);
  const result: LedgerImport = { columns, lines: [], rejected: [], unread: [], warnings: [], skipped: [] };
  const shape = rowShape(columns);
  // One shape for every row, its texts replaced per row (skipReason keeps nothing), rather than a copy per row.
  const probe: { -readonly [K in keyof RowShape]: RowShape[K] } = { ...shape, texts: [] };
  let pendingBlank: number[] = [];
  const total = Math.max(0, sheet.rowCount - columns.headerRow);
  for (let n = columns.headerRow + 1; n <= sheet.rowCount; n++) {
    const { texts, mergedAbove } = readRow(sheet.findRow(n));
    probe.texts = texts;
    const why = skipReason(probe) ?? ledgerSkip(shape, texts);
    if (why === 'blank') pendingBlank.push(n);
    else {
      // Blank rows count only inside the table; the empty formatted rows after it are not "skipped rows".
      for (const row of pendingBlank) result.skipped.push({ row, why: 'blank' });
      pendingBlank = [];
      if (why) result.skipped.push({ row: n, why });
      else addLine(result, n, readLine(columns, { row: n, texts, mergedAbove }));
    }
    if (options.onProgress && (n - columns.headerRow) % PROGRESS_EVERY === 0) await progress(options.onProgress, n - columns.headerRow, total);
  }
  options.onProgress?.(total, total);
  return result;
}

function locate(workbook: ReadBook, options: LedgerOptions): { sheet: ReadSheet; columns: LedgerColumns } {
  const sheets = sheetsVisibleFirst(workbook);
  if (sheets.every((s) => s.actualRowCount === 0)) throw new LedgerReadError('empty', tariffZh['ledger.error.empty']);
  const mapping = options.mapping === undefined ? undefined : checkedMapping(options.mapping);
  const named = mapping?.sheet === undefined ? undefined : workbook.getWorksheet(mapping.sheet);
  if (mapping?.sheet !== undefined && !named) throw new LedgerReadError('mapping', formatMessage(zh, 'ledger.error.mapping-sheet', { sheet: mapping.sheet }));
  let best: { sheet: ReadSheet; columns: LedgerColumns } | null = null;
  for (const sheet of named ? [named] : sheets) {
    const columns = recogniseColumns(sheet);
    if (columns && score(columns) > (best ? score(best.columns) : 0)) best = { sheet, columns };
  }
  const sheet = named ?? best?.sheet ?? sheets[0];
  if (mapping && sheet) return { sheet, columns: mapped(sheet, mapping, best?.columns.headerRow ?? 1) };
  if (!best) throw new LedgerReadError('no-header', formatMessage(zh, 'ledger.error.no-header', { rows: HEADER_SEARCH_ROWS }));
  return best;
}

function checkedMapping(mapping: unknown): z.output<typeof ledgerMappingSchema> {
  const parsed = ledgerMappingSchema.safeParse(mapping);
  if (parsed.success) return parsed.data;
  throw new LedgerReadError('mapping', formatMessage(zh, 'ledger.error.mapping-json', { detail: z.prettifyError(parsed.error) }));
}

const score = (columns: LedgerColumns): number => Object.keys(columns.fields).length + columns.fees.length;

function mapped(sheet: ReadSheet, mapping: Parameters<typeof applyMapping>[1], fallbackRow: number): LedgerColumns {
  try {
    return applyMapping(sheet, mapping, fallbackRow);
  } catch (e) {
    if (e instanceof MappingError) throw new LedgerReadError('mapping', formatMessage(zh, 'ledger.error.mapping-column', { column: e.column, row: e.row }));
    throw e;
  }
}

// Tenant, month and some kWh are needed for any line; what was charged needs an energy, total or price column.
function checkColumns(columns: LedgerColumns): void {
  const { fields } = columns;
  const has = (f: LedgerField) => fields[f] !== undefined;
  const missing: LedgerField[] = (['tenant', 'month'] as const).filter((f) => !has(f));
  if (!(['kwh', 'kwhCritical', 'kwhPeak', 'kwhFlat', 'kwhValley'] as const).some(has)) missing.push('kwh');
  if (missing.length > 0) {
    const names = missing.map((f) => tariffZh[`ledger.field.${f}`]).join('、');
    if (missing.length === 3) throw new LedgerReadError('no-header', formatMessage(zh, 'ledger.error.no-header', { rows: HEADER_SEARCH_ROWS }));
    throw new LedgerReadError('missing-columns', formatMessage(zh, 'ledger.error.missing-columns', { columns: names }), columns);
  }
  if (!has('energy') && !has('total') && !has('price')) throw new LedgerReadError('no-charge', tariffZh['ledger.error.no-charge'], columns);
}

type LedgerShape = Omit<RowShape, 'texts'> & { readonly textCols: readonly number[] };

const TENANT_WORDS = new Set(LEDGER_COLUMNS.find((c) => c.field === 'tenant')!.aliases.map(normalizeWord));

function rowShape(columns: LedgerColumns): LedgerShape {
  const tenantCol = columns.fields.tenant?.col ?? -1;
  const mapped = new Set([...Object.values(columns.fields), ...columns.fees].map((c) => c.col));
  const textCols = (['tenant', 'unit', 'month'] as const).map((f) => columns.fields[f]?.col).filter((c): c is number => c !== undefined);
  return { keyCol: tenantCol, nameCol: tenantCol, mapped, textCols, isKeyHeader: (text) => TENANT_WORDS.has(normalizeWord(text)) };
}

// Signature lines under a ledger ("商户签字：", "收费员："), and subtotals labelled inside a row ("张三 小计", "1月合计").
const SIGNATURE = /^(?:商户|租户|用户|业主|客户)?(?:签字|签名|签章|签收|经办人?|收费员|抄表员|抄表人|复核人?|核对人?|确认人?|出纳|会计|主管|财务|物业(?:公司|服务中心|管理处)?(?:盖章|签章|签字)?)\s*[:：]/;
const SUBTOTAL_IN_ROW = /(?:小\s*计|合\s*计|总\s*计|共\s*计)\s*[:：]?$|^(?:本月|本页|本期|全部|累计)\s*(?:小计|合计|总计)/;

function ledgerSkip(shape: LedgerShape, texts: readonly string[]): SkipReason | null {
  const first = texts.find((t) => t !== undefined && t.trim() !== '')?.trim() ?? '';
  if (SIGNATURE.test(first)) return 'note';
  return shape.textCols.some((c) => SUBTOTAL_IN_ROW.test(texts[c]?.trim() ?? '')) ? 'subtotal' : null;
}

function addLine(result: LedgerImport, row: number, read: ReturnType<typeof readLine>): void {
  if (read.line) result.lines.push(read.line);
  else result.unread.push({ row, month: read.month });
  if (read.issues.length > 0) result.rejected.push(...read.issues);
  if (read.warnings.length > 0) result.warnings.push(...read.warnings);
}

async function progress(report: (done: number, total: number) => void, done: number, total: number): Promise<void> {
  report(done, total);
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
