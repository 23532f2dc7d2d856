// exceljs is about a megabyte of script: it loads with the first workbook made or read, so that a page
// offering an Excel import or export does not carry it on its first screen. Every workbook starts here.
import type ExcelJS from 'exceljs';

/** A new, empty exceljs workbook; the library is loaded on the first call (then cached by the module loader). */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: exceljs } = await import('exceljs');
  return new exceljs.Workbook();
}
