// How our workbooks print: A4 landscape, every column on one page width, as many pages down as needed.
// Without it, spreadsheet programs split a wide list by column across pages.
import type { PageSetup } from 'exceljs';

export const PRINT_A4_WIDE: Partial<PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
};
