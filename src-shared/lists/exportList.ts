// Export of a list with the template's headers, so an exported file imports again without loss. A list can be
// a city's 100,000 targets: it is written by the lean table writer (xlsxTable.ts), row by row, telling how far.
import type { Entity, Inspector, ListKind } from '../domain';
import { listZh } from '../i18n/lists';
import { bodyOf, tableWorkbook, type TableWorkbookOptions } from '../xlsxTable';
import { listSpec, type ListSpec } from './columns';
import type { ListRecord } from './types';

type Progress = TableWorkbookOptions['onProgress'];

/** The records as an .xlsx workbook: one sheet, header row 1, columns in canonical order. */
export function exportList(kind: 'entities', rows: readonly Entity[], onProgress?: Progress): Uint8Array;
export function exportList(kind: 'inspectors', rows: readonly Inspector[], onProgress?: Progress): Uint8Array;
export function exportList(kind: ListKind, rows: readonly (Entity | Inspector)[], onProgress?: Progress): Uint8Array;
export function exportList(kind: ListKind, rows: readonly (Entity | Inspector)[], onProgress?: Progress): Uint8Array {
  // The overloads pair kind and rows for callers; here the pairing is checked at run time instead.
  return kind === 'entities' ? write(listSpec('entities'), rows.filter(isEntity), onProgress) : write(listSpec('inspectors'), rows.filter(isInspector), onProgress);
}

function isEntity(row: Entity | Inspector): row is Entity {
  return 'uscc' in row;
}

function isInspector(row: Entity | Inspector): row is Inspector {
  return 'certNo' in row;
}

function write<K extends ListKind>(spec: ListSpec<K>, rows: readonly ListRecord[K][], onProgress: Progress): Uint8Array {
  const sheet = {
    name: listZh[`listSheet.${spec.kind}`],
    // Code columns are text, so Excel keeps every character of a code typed in later too.
    columns: spec.columns.map((c) => ({ width: c.width, numFmt: c.code ? '@' : undefined })),
    head: [{ style: 'header' as const, cells: spec.columns.map((c) => c.label) }],
    body: bodyOf(rows, (record) => spec.columns.map((c) => c.toCell(record))),
    freezeHead: true,
    filter: true,
    printWide: true,
  };
  return tableWorkbook([sheet], { creator: 'TariffCheck 电费检查通', onProgress });
}
