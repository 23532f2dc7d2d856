// Export of a list with the template's headers, so an exported file imports again without loss.
import { newWorkbook } from '../excel';
import type { Entity, Inspector, ListKind } from '../domain';
import { listSpec, type ListSpec } from './columns';
import { addListSheet, addRecords, workbookBytes } from './sheet';
import type { ListRecord } from './types';

/** The records as an .xlsx workbook: one sheet, header row 1, columns in canonical order. */
export function exportList(kind: 'entities', rows: readonly Entity[]): Promise<Uint8Array>;
export function exportList(kind: 'inspectors', rows: readonly Inspector[]): Promise<Uint8Array>;
export function exportList(kind: ListKind, rows: readonly Entity[] | readonly Inspector[]): Promise<Uint8Array>;
export function exportList(kind: ListKind, rows: readonly Entity[] | readonly Inspector[]): Promise<Uint8Array> {
  // The overloads pair kind and rows for callers; here the pairing is checked at run time instead.
  return kind === 'entities' ? write(listSpec('entities'), rows.filter(isEntity)) : write(listSpec('inspectors'), rows.filter(isInspector));
}

function isEntity(row: Entity | Inspector): row is Entity {
  return 'uscc' in row;
}

function isInspector(row: Entity | Inspector): row is Inspector {
  return 'certNo' in row;
}

async function write<K extends ListKind>(spec: ListSpec<K>, rows: readonly ListRecord[K][]): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'TariffCheck 电费检查通';
  addRecords(addListSheet(workbook, spec), spec, rows);
  return workbookBytes(workbook);
}
