// `tariffcheck check-list`: checks a list workbook the way the app's import does, without storing anything.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { ListKind } from '../../../src-shared/domain';
import { formatMessage } from '../../../src-shared/i18n/format';
import { listZh, type ListMessageKey } from '../../../src-shared/i18n/lists';
import { formatIssue, importList, ListReadError, type ListImport } from '../../../src-shared/lists/importList';
import { CliError, type Command } from '../command';

interface Args {
  kind: ListKind;
  file: string;
  json: boolean;
}

/** check-list --kind entities|inspectors FILE.xlsx [--json]: exit 0 when the file was read, 2 when it cannot be. */
export const checkListCommand: Command = async (argv, io) => {
  const args = parse(argv);
  const result = await check(args);
  io.out(args.json ? jsonReport(result) : humanReport(args, result));
  return 0;
};

function parse(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { kind: { type: 'string' }, json: { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  const { kind, json } = parsed.values;
  if (kind !== 'entities' && kind !== 'inspectors') throw new CliError('--kind 须为 entities（检查对象）或 inspectors（执法检查人员）');
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) throw new CliError('请给出一个 .xlsx 文件');
  return { kind, file, json: json === true };
}

async function check({ kind, file }: Args): Promise<ListImport<unknown>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new CliError(`无法打开文件 ${file}：${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return await importList(kind, bytes);
  } catch (e) {
    if (e instanceof ListReadError) throw new CliError(`${file}：${e.message}`);
    throw e;
  }
}

/** The machine report: counts and every issue with its Excel row number. */
function jsonReport(result: ListImport<unknown>): string {
  const report = {
    accepted: result.accepted.length,
    rejected: result.rejected.map(({ row, field, reason }) => ({ row, field, reason })),
    headerRow: result.headerRow,
    skipped: result.skipped.length,
  };
  return JSON.stringify(report, null, 2);
}

function humanReport({ kind, file }: Args, result: ListImport<unknown>): string {
  const t = (key: ListMessageKey, params: Record<string, string | number>) => formatMessage(listZh, key, params);
  const columns = Object.values(result.columns).join('、');
  const rows = new Set(result.rejected.map((i) => i.row)).size;
  const count = (why: string) => result.skipped.filter((s) => s.why === why).length;
  const updates = result.accepted.filter((a) => a.updates).length;
  const lines = [
    t('listReport.title', { list: listZh[`list.${kind}`], file: basename(file) }),
    t('listReport.header', { row: result.headerRow, columns }),
    t('listReport.accepted', { count: result.accepted.length }),
    ...(updates > 0 ? [t('listReport.updates', { count: updates })] : []),
    t('listReport.rejected', { rows, count: result.rejected.length }),
    ...result.rejected.map((issue) => '  ' + formatIssue(issue)),
    t('listReport.skipped', { count: result.skipped.length, blank: count('blank'), note: count('note'), subtotal: count('subtotal') }),
  ];
  return lines.join('\n');
}
