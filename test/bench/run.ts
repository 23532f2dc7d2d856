// `npm run bench`: runs every benchmark in one process and writes docs/benchmarks.md.
// Bundled to ESM first (see package.json) so ESM-only packages such as @noble/hashes run at the
// speed they have in the app, not behind a CommonJS interop layer.
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import appBench from './app.bench';
import drawBench from './draw.bench';
import fieldCaseBench from './fieldCase.bench';
import documentsBench from './documents.bench';
import filingsBench from './filings.bench';
import importBench from './import.bench';
import ledgerBench from './ledger.bench';
import syncBench from './sync.bench';
import { isLaptopWorker, runLaptopWorker } from './laptopWorker';
import { isBenchHubWorker, runBenchHubWorker } from './syncWorld';

const benches: Record<string, () => Promise<string>> = { import: importBench, draw: drawBench, ledger: ledgerBench, sync: syncBench, app: appBench, fieldCase: fieldCaseBench, documents: documentsBench, filings: filingsBench };
benches.screens = async () => (await import('./screens.bench')).default(); // Chromium, several minutes (issue 14)
benches.statistics = async () => (await import('./statistics.bench')).default(); // Chromium (issue 15)
benches.listQuery = async () => (await import('./listQuery.bench')).default(); // Chromium, 100,000 targets (issue 14)
benches.caseList = async () => (await import('./caseList.bench')).default(); // Chromium, 100,000 cases (issue 14)

async function main() {
  const only = process.argv.slice(2);
  const sections: string[] = [];
  for (const [name, bench] of Object.entries(benches)) {
    if (only.length && !only.includes(name)) continue;
    process.stderr.write(`bench: ${name}…\n`);
    sections.push(await bench());
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const doc = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/run.ts); each figure is measured against its baseline in the same run.',
    "Median and spread (min–max) over the runs after warm-up. Goals are the issues' own.",
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${machine}`,
    '',
    ...sections,
  ].join('\n');
  console.log(doc);
  if (only.length === 0) writeFileSync(join(process.cwd(), 'docs/benchmarks.md'), doc + '\n');
}

// The same bundle runs the sync bench's hub and laptops in worker threads (syncWorld.ts, laptopWorker.ts).
if (isBenchHubWorker()) void runBenchHubWorker();
else if (isLaptopWorker()) void runLaptopWorker();
else void main();
