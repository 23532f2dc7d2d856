// `npm run bench`: runs every benchmark in this folder in one process and writes docs/benchmarks.md.
import { cpus, totalmem } from 'node:os';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Bench = () => Promise<string>;

async function main() {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const sections: string[] = [];
  for (const file of files) {
    process.stderr.write(`bench: ${file}…\n`);
    const mod = (await import(join(__dirname, file))) as { default: Bench };
    sections.push(await mod.default());
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const doc = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench/run.ts); each figure is measured against its baseline in the same run.',
    'Median and spread (min–max) over the runs after warm-up. Goals are the issues\' own.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${machine}`,
    '',
    ...sections,
  ].join('\n');
  console.log(doc);
  if (only.length === 0) writeFileSync(join(__dirname, '../../docs/benchmarks.md'), doc + '\n');
}

void main();
