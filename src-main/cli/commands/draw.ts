// `tariffcheck draw`: the 双随机 draw from two list workbooks, written to a result file that
// `tariffcheck verify-draw` (or anyone with docs/draw-algorithm.md) can check.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CREDIT_GRADES, type CreditGrade, type Entity, type Inspector, type ListKind } from '../../../src-shared/domain';
import { DrawError, runDraw, type DrawResultFile, type Excluded } from '../../../src-shared/draw/draw';
import { defaultPlan, GROUP_DIMENSIONS, type DrawPlan, type GroupDimension } from '../../../src-shared/draw/plan';
import { drawText } from '../../../src-shared/i18n/draw';
import { importList, ListReadError, type ListImport, type RowIssue } from '../../../src-shared/lists/importList';
import { CliError, type Command } from '../command';

/** Exit code of a draw the plan or the lists make impossible (refused plan, unfillable team). */
export const EXIT_REFUSED = 3;

interface DrawArgs {
  entities: string;
  inspectors: string;
  seed: string;
  out: string;
  plan: DrawPlan;
}

const OPTIONS = {
  entities: { type: 'string' },
  inspectors: { type: 'string' },
  seed: { type: 'string' },
  ratio: { type: 'string' },
  'group-by': { type: 'string' },
  'risk-ratio': { type: 'string' },
  'team-size': { type: 'string' },
  'max-per-inspector': { type: 'string' },
  recuse: { type: 'string' },
  name: { type: 'string' },
  out: { type: 'string' },
} as const;

/** draw --entities F --inspectors F --seed TEXT --out FILE.json [plan options]: 0 drawn, 2 bad input, 3 refused. */
export const drawCommand: Command = async (argv, io) => {
  const args = parseDrawArgs(argv);
  const [entities, inspectors] = await Promise.all([readListFile('entities', args.entities), readListFile('inspectors', args.inspectors)]);
  let result;
  try {
    result = runDraw({ entities: entities.rows, inspectors: inspectors.rows, plan: args.plan, seed: args.seed });
  } catch (e) {
    if (e instanceof DrawError) throw new CliError(e.message, EXIT_REFUSED);
    throw e;
  }
  const file: DrawResultFile = {
    selected: result.selected.map(({ uscc, inspectors: team }) => ({ uscc, inspectors: team })),
    record: result.record,
    groups: result.groups,
    excluded: [...entities.rejected, ...inspectors.rejected, ...result.excluded],
  };
  await writeFileAtomic(args.out, JSON.stringify(file, null, 2) + '\n');
  const r = result.record;
  io.out(
    [
      drawText('draw.cli.summary', { entities: r.entitiesCount, groups: result.groups.length, selected: r.selectedCount, inspectors: r.inspectorsCount, teamSize: r.plan.teamSize }),
      drawText('draw.cli.seed', { seed: r.seed }),
      drawText('draw.cli.outputHash', { hash: r.outputHash }),
      ...(file.excluded!.length > 0 ? [drawText('draw.cli.excluded', { count: file.excluded!.length })] : []),
      drawText('draw.cli.written', { file: args.out }),
    ].join('\n'),
  );
  return 0;
};

function parseDrawArgs(argv: string[]): DrawArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  const v = parsed.values;
  const required = (option: 'entities' | 'inspectors' | 'seed' | 'out'): string => {
    const value = v[option];
    if (value === undefined || value === '') throw new CliError(drawText('draw.cli.missingOption', { option }));
    return value;
  };
  const plan: DrawPlan = {
    name: v.name ?? defaultPlan.name,
    ratio: v.ratio === undefined ? defaultPlan.ratio : number('ratio', v.ratio),
    groupBy: v['group-by'] === undefined ? defaultPlan.groupBy : groupBy(v['group-by']),
    riskRatios: v['risk-ratio'] === undefined ? {} : riskRatios(v['risk-ratio']),
    teamSize: v['team-size'] === undefined ? defaultPlan.teamSize : number('team-size', v['team-size']),
    maxPerInspector: v['max-per-inspector'] === undefined ? null : number('max-per-inspector', v['max-per-inspector']),
    recusal: v.recuse === undefined ? defaultPlan.recusal : recusal(v.recuse),
  };
  return { entities: required('entities'), inspectors: required('inspectors'), seed: required('seed'), out: required('out'), plan };
}

function number(option: string, value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliError(drawText('draw.cli.badNumber', { option, value }));
  return n;
}

function items(value: string): string[] {
  return value.split(/[,，]/).map((s) => s.trim()).filter((s) => s !== '');
}

function groupBy(value: string): GroupDimension[] {
  return items(value).map((item) => {
    const dim = GROUP_DIMENSIONS.find((d) => d === item);
    if (!dim) throw new CliError(drawText('draw.cli.badGroupBy', { value }));
    return dim;
  });
}

function riskRatios(value: string): Partial<Record<CreditGrade, number>> {
  const out: Partial<Record<CreditGrade, number>> = {};
  for (const item of items(value)) {
    const [name, ratio, ...rest] = item.split('=').map((s) => s.trim());
    const grade = CREDIT_GRADES.find((g) => g === name);
    if (!grade || ratio === undefined || rest.length > 0) throw new CliError(drawText('draw.cli.badRiskRatio', { value }));
    out[grade] = number('risk-ratio', ratio);
  }
  return out;
}

function recusal(value: string): DrawPlan['recusal'] {
  const rules = items(value);
  for (const rule of rules) if (!['same-subdistrict', 'last-inspector', 'none'].includes(rule)) throw new CliError(drawText('draw.cli.badRecusal', { value }));
  return { sameSubdistrict: rules.includes('same-subdistrict'), lastInspector: rules.includes('last-inspector') };
}

/** A list file read by the importer: its accepted rows, and its rejected rows as result-file exclusions. */
export interface ListFile<T> {
  rows: T[];
  rejected: Excluded[];
}

/** Reads one list workbook; a missing or unreadable file is a CliError (exit 2). */
export async function readListFile(kind: 'entities', file: string): Promise<ListFile<Entity>>;
export async function readListFile(kind: 'inspectors', file: string): Promise<ListFile<Inspector>>;
export async function readListFile(kind: ListKind, file: string): Promise<ListFile<Entity> | ListFile<Inspector>> {
  const bytes = await readBytes(file);
  try {
    return kind === 'entities' ? listFile(kind, await importList(kind, bytes)) : listFile(kind, await importList(kind, bytes));
  } catch (e) {
    if (e instanceof ListReadError) throw new CliError(drawText('draw.cli.unreadable', { file, reason: e.message }));
    throw e;
  }
}

function listFile<T>(kind: ListKind, list: ListImport<T>): ListFile<T> {
  return { rows: list.accepted.map((a) => a.value), rejected: rejectedRows(kind, list.rejected) };
}

/** One exclusion per rejected row ("entities 第 N 行"), its issues joined. */
function rejectedRows(kind: ListKind, issues: readonly RowIssue[]): Excluded[] {
  const byRow = new Map<number, string[]>();
  for (const issue of issues) {
    const reasons = byRow.get(issue.row) ?? [];
    reasons.push(issue.field + issue.reason);
    byRow.set(issue.row, reasons);
  }
  return [...byRow].map(([row, reasons]) => ({ key: drawText('draw.cli.rejectedRow', { list: kind, row }), reason: reasons.join(drawText('draw.rule.separator')) }));
}

/** The bytes of a file; a missing or unreadable file is a CliError (exit 2). */
export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new CliError(drawText('draw.cli.unreadable', { file, reason: e instanceof Error ? e.message : String(e) }));
  }
}

/** Writes beside the target and renames, so a crash never leaves half a result file under the real name. */
async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}
