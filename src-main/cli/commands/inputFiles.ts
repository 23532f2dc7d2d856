// Input files of the CLI's checking commands (overcharge, screen-filings): read whole, and the catalogue
// tariff table from Excel or JSON, with one pair of exit codes: 2 the file cannot be read, 3 it can
// but may not be used.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import { formatMessage } from '../../../src-shared/i18n/format';
import { tariffZh } from '../../../src-shared/i18n/tariff';
import { formatIssue } from '../../../src-shared/lists/importList';
import type { RowIssue } from '../../../src-shared/lists/types';
import { checkTariffTable } from '../../../src-shared/tariff/check';
import { importTariffs, TariffReadError } from '../../../src-shared/tariff/importTariffs';
import { tariffTableSchema, type TariffTable } from '../../../src-shared/tariff/types';
import { CliError } from '../command';

/** Exit code: an input file cannot be opened or read. */
export const UNREADABLE = 2;
/** Exit code: a file was read but cannot be used (a tariff table with unreadable rows). */
export const REFUSED = 3;

export async function bytesOf(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new CliError(`无法打开文件 ${file}：${e instanceof Error ? e.message : String(e)}`, UNREADABLE);
  }
}

/** A tariff table read, with what its checks found (overlapping periods and the like) for the report. */
export interface TariffFile {
  table: TariffTable;
  problems: RowIssue[] | string[];
}

// A tariff row that cannot be read may be the very price a month needs, so such a table is refused whole.
export async function readTariffFile(file: string): Promise<TariffFile> {
  const bytes = await bytesOf(file);
  if (extname(file).toLowerCase() === '.json') return tariffsFromJson(file, bytes);
  try {
    const imported = await importTariffs(bytes, { id: file, name: file });
    if (imported.rejected.length > 0) {
      throw new CliError(`${file}：电价表有无法读取的行，请改正后再用：\n${imported.rejected.map((i) => '  ' + formatIssue(i)).join('\n')}`, REFUSED);
    }
    return { table: imported.table, problems: imported.problems };
  } catch (e) {
    if (e instanceof TariffReadError) throw new CliError(`${file}：${e.message}`, UNREADABLE);
    throw e;
  }
}

function tariffsFromJson(file: string, bytes: Uint8Array): TariffFile {
  let table: TariffTable;
  try {
    table = tariffTableSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
  } catch (e) {
    const detail = e instanceof z.ZodError ? z.prettifyError(e) : e instanceof Error ? e.message : String(e);
    throw new CliError(`${file}：${formatMessage(tariffZh, 'tariff.error.json', { detail })}`, UNREADABLE);
  }
  const problems = checkTariffTable(table).map((p) => {
    const [a, b] = p.entries.map((i) => i + 1);
    return `entries ${a} and ${b}: ${p.code} ${p.from}–${p.to ?? '…'}`;
  });
  return { table, problems };
}
