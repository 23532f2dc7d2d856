// Filings screening: readFilings + screenFilings on 3,841 landlords × 12 months against exceljs reading the same
// bytes and touching every cell. Goal (issue 15): screening within 1.5 × the bare read.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFilings } from '../../src-shared/filings/readFilings';
import { screenFilings } from '../../src-shared/filings/screen';
import { TariffIndex } from '../../src-shared/tariff/lookup';
import { loadTariffTable, type TariffTable } from '../../src-shared/tariff/types';
import { bigFilings, CITY_LANDLORDS, YEAR_MONTHS } from '../fixtures/filingFiles';
import { fmt, interleaved } from './stats';

const RUNS = 5;
const WARMUP = 1;
const REGION = '福建';

async function bareRead(bytes: Uint8Array): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  let cells = 0;
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void (cell.value !== null && cells++)));
  return cells;
}

async function screen(bytes: Uint8Array, table: TariffTable): Promise<number> {
  const result = screenFilings(await readFilings(bytes), new TariffIndex(table), { region: REGION });
  return result.landlords.length;
}

export default async function (): Promise<string> {
  const { bytes, rows } = await bigFilings();
  const table = loadTariffTable(JSON.parse(readFileSync(join(process.cwd(), 'resources/tariffs/sample-fujian.json'), 'utf8')));
  const read = await readFilings(bytes);
  const check = screenFilings(read, new TariffIndex(table), { region: REGION });
  if (check.filings.length !== rows || check.rejected.length !== 0 || check.landlords.length !== CITY_LANDLORDS) throw new Error('bench file is not what it claims');
  const cells = await bareRead(bytes);
  const [bare, full] = await interleaved(
    () => bareRead(bytes),
    () => screen(bytes, table),
    RUNS,
    WARMUP,
  );
  const t0 = performance.now();
  screenFilings(read, new TariffIndex(table), { region: REGION });
  const screenMs = performance.now() - t0;
  const flagged = check.filings.filter((f) => f.flags.length > 0).length;
  const ratio = full.median / bare.median;
  return [
    '## Monthly filings screening (readFilings + screenFilings)',
    '',
    `A generated platform export: ${CITY_LANDLORDS.toLocaleString('en-US')} landlords × ${YEAR_MONTHS.length} months = ${rows.toLocaleString('en-US')} rows ` +
      `(${flagged.toLocaleString('en-US')} flagged), ${(bytes.length / 1024).toFixed(0)} KiB, ${cells.toLocaleString('en-US')} cells; sample Fujian table.`,
    '',
    '| | time |',
    '|---|---|',
    `| exceljs alone: \`xlsx.load\` + every cell | ${fmt(bare)} |`,
    `| \`readFilings\` + \`screenFilings\` | ${fmt(full)} |`,
    `| of which screening alone (one run, filings already read) | ${screenMs.toFixed(1)} ms |`,
    `| ratio of medians, screening ÷ exceljs alone (goal ≤ 1.5) | ${ratio.toFixed(2)} ${ratio <= 1.5 ? '✓' : '✗'} |`,
    '',
  ].join('\n');
}
