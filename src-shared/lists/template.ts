// The blank list template (模板) offered for download: header, one filled example row, a sheet of instructions.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../excel';
import { listMessages, listZh } from '../i18n/lists';
import type { ListKind } from '../domain';
import { listSpec, type Column, type ListSpec } from './columns';
import { addListSheet, addRecords, workbookBytes } from './sheet';

/** Rows below the header that get the drop-down lists of allowed words. */
const DROPDOWN_ROWS = 1000;
const zh = listMessages['zh-CN'];

/** The template workbook of a list kind (.xlsx bytes). */
export function listTemplate(kind: ListKind): Promise<Uint8Array> {
  return kind === 'entities' ? build(listSpec('entities')) : build(listSpec('inspectors'));
}

async function build<K extends ListKind>(spec: ListSpec<K>): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'TariffCheck 电费检查通';
  const sheet = addListSheet(workbook, spec);
  addRecords(sheet, spec, [spec.example]);
  // Grey italics: the example is a real, importable row, so it must look like one to replace.
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };
  addDropdowns(sheet, spec.columns);
  addHelpSheet(workbook, spec);
  return workbookBytes(workbook);
}

// A drop-down of the canonical words, without an error box: synonyms (商场, 绿色…) are accepted on import too.
function addDropdowns<T>(sheet: ExcelJS.Worksheet, columns: readonly Column<T>[]): void {
  columns.forEach((column, i) => {
    if (!column.choices) return;
    const formula = `"${column.choices.join(',')}"`;
    for (let row = 2; row <= DROPDOWN_ROWS + 1; row++) {
      sheet.getCell(row, i + 1).dataValidation = { type: 'list', allowBlank: true, showErrorMessage: false, formulae: [formula] };
    }
  });
}

function addHelpSheet<K extends ListKind>(workbook: ExcelJS.Workbook, spec: ListSpec<K>): void {
  const sheet = workbook.addWorksheet(listZh['listSheet.help']);
  sheet.columns = [{ width: 18 }, { width: 10 }, { width: 60 }, { width: 48 }];
  const title = sheet.addRow([`${listZh[`list.${spec.kind}`]}${listZh['listSheet.help']}`]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, 4);
  const intro = sheet.addRow([listZh['listHelp.intro']]);
  sheet.mergeCells(2, 1, 2, 4);
  intro.alignment = { wrapText: true, vertical: 'top' };
  intro.height = 48;
  sheet.addRow([]);
  const header = sheet.addRow([listZh['listHelp.header.column'], listZh['listHelp.header.required'], listZh['listHelp.header.content'], listZh['listHelp.header.values']]);
  header.font = { bold: true };
  for (const column of spec.columns) {
    const row = sheet.addRow([
      column.label,
      listZh[column.required ? 'listHelp.required.yes' : 'listHelp.required.no'],
      zh[`listHelp.${spec.kind}.${column.field}`] ?? '',
      column.valuesKey ? (zh[column.valuesKey] ?? '') : '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

