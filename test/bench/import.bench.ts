// List import: importList on a 3,841-row messy target list against exceljs reading the same bytes and
// touching every cell. Goal: import ≤ 1.5 × the bare read (the checking must not dominate the parsing);
// the import now reads the cells with readXlsx, so it is expected well under the bare exceljs read.
import ExcelJS from 'exceljs';
import { importList, importWorkbook } from '../../src-shared/lists/importList';
import { readXlsx } from '../../src-shared/xlsxCells';
import { messyEntityList } from '../fixtures/listFiles';
import { fmt, interleaved, time } from './stats';

const ROWS = 3841;
// messyEntityList adds 11 spoiled rows to the good ones; together they are the city's 3,841 targets.
const SPOILED = 11;
const RUNS = 9;
const WARMUP = 2;

/** What reading a workbook costs anyway: parse the zip and XML, then visit every cell and take its value. */
async function bareRead(bytes: Uint8Array): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  let cells = 0;
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value !== null) cells++;
      }),
    );
  }
  return cells;
}


export default async function (): Promise<string> {
  const file = await messyEntityList({ seed: 2024, good: ROWS - SPOILED });
  const cells = await bareRead(file.bytes);
  const check = await importList('entities', file.bytes);
  if (check.accepted.length + new Set(check.rejected.map((i) => i.row)).size !== ROWS + 1) throw new Error('bench file is not what it claims');
  const [bare, imported] = await interleaved(
    () => bareRead(file.bytes),
    () => importList('entities', file.bytes),
    RUNS,
    WARMUP,
  );
  const reading = await time(async () => readXlsx(file.bytes), RUNS, WARMUP);
  const loaded = readXlsx(file.bytes);
  const checking = await time(() => importWorkbook('entities', loaded), RUNS, WARMUP);
  const ratio = imported.median / bare.median;
  return [
    '## List import (importList)',
    '',
    `A generated, messy target list: ${ROWS.toLocaleString('en-US')} targets (${check.accepted.length} valid, ${SPOILED} spoiled) and one duplicate row, ` +
      `${(file.bytes.length / 1024).toFixed(0)} KiB, ${cells.toLocaleString('en-US')} cells, title rows, shuffled and extra columns, notes.`,
    '',
    '| | time |',
    '|---|---|',
    `| exceljs alone: \`xlsx.load\` + every cell | ${fmt(bare)} |`,
    `| \`importList('entities', …)\`: load, header, every row checked | ${fmt(imported)} |`,
    `| of which reading the cells (\`readXlsx\`, fflate and a scan of the sheet's XML) | ${fmt(reading)} |`,
    `| of which checking alone (\`importWorkbook\` on a loaded workbook) | ${fmt(checking)} |`,
    `| ratio of medians, import ÷ exceljs alone (goal ≤ 1.5) | ${ratio.toFixed(2)} ${ratio <= 1.5 ? '✓' : '✗'} |`,
    '',
  ].join('\n');
}
