// Ledger: importLedger + computeOvercharge on a 50,000-line ledger against exceljs reading the same bytes and
// touching every cell. Goals (issue 4): under 5 s, and ≤ 1.5 × the bare read.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importLedger } from '../../src-shared/ledger/importLedger';
import { computeOvercharge } from '../../src-shared/refund/overcharge';
import { TariffIndex } from '../../src-shared/tariff/lookup';
import { loadTariffTable } from '../../src-shared/tariff/types';
import { bigLedger } from '../fixtures/ledgerFiles';
import { fmt, interleaved } from './stats';

const LINES = 50_000;
const RUNS = 5;
const WARMUP = 1;
const key = { region: '福建', category: '一般工商业', voltage: '不满1千伏' };

async function bareRead(bytes: Uint8Array): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  let cells = 0;
  for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void (cell.value !== null && cells++)));
  return cells;
}

async function importAndCompute(bytes: Uint8Array, tariffs: TariffIndex): Promise<number> {
  const ledger = await importLedger(bytes);
  return computeOvercharge(ledger, { method: 'catalogue', tariffs, key }).totalOverchargeFen;
}


export default async function (): Promise<string> {
  const { bytes } = await bigLedger(LINES);
  const table = loadTariffTable(JSON.parse(readFileSync(join(process.cwd(), 'resources/tariffs/sample-fujian.json'), 'utf8')));
  const tariffs = new TariffIndex(table);
  const check = await importLedger(bytes);
  if (check.lines.length !== LINES || check.rejected.length !== 0) throw new Error('bench file is not what it claims');
  const cells = await bareRead(bytes);
  const [bare, full] = await interleaved(
    () => bareRead(bytes),
    () => importAndCompute(bytes, new TariffIndex(table)),
    RUNS,
    WARMUP,
  );
  const t0 = performance.now();
  const computed = computeOvercharge(check, { method: 'catalogue', tariffs, key });
  const computeMs = performance.now() - t0;
  const ratio = full.median / bare.median;
  return [
    '## Ledger import and overcharge (importLedger + computeOvercharge)',
    '',
    `A generated ledger: ${LINES.toLocaleString('en-US')} bill lines (5 months, ${computed.tenants.length.toLocaleString('en-US')} tenants, two fees), ` +
      `${(bytes.length / 1024).toFixed(0)} KiB, ${cells.toLocaleString('en-US')} cells; catalogue method on the sample Fujian table.`,
    '',
    '| | time |',
    '|---|---|',
    `| exceljs alone: \`xlsx.load\` + every cell | ${fmt(bare)} |`,
    `| \`importLedger\` + \`computeOvercharge\` (catalogue) | ${fmt(full)} |`,
    `| of which computing alone (one run, ledger already imported) | ${computeMs.toFixed(1)} ms |`,
    `| under 5 s (goal) | ${full.median < 5000 ? '✓' : '✗'} |`,
    `| ratio of medians, import + compute ÷ exceljs alone (goal ≤ 1.5) | ${ratio.toFixed(2)} ${ratio <= 1.5 ? '✓' : '✗'} |`,
    '',
  ].join('\n');
}
