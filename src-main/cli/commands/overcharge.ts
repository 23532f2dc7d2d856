// `tariffcheck overcharge`: reads a landlord's ledger and a tariff table and prints the overcharge per tenant.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseMonthText, type Month } from '../../../src-shared/billingMonth';
import { formatMessage } from '../../../src-shared/i18n/format';
import { tariffZh } from '../../../src-shared/i18n/tariff';
import { parseAmount } from '../../../src-shared/ledger/cells';
import { importLedger, LedgerReadError, mappingOf } from '../../../src-shared/ledger/importLedger';
import { ledgerMappingSchema, type LedgerImport, type LedgerMapping } from '../../../src-shared/ledger/types';
import { formatIssue } from '../../../src-shared/lists/importList';
import type { RowIssue } from '../../../src-shared/lists/types';
import { formatFen, type Fen } from '../../../src-shared/money';
import { computeOvercharge, type OverchargeMethod, type OverchargeOptions, type OverchargeResult } from '../../../src-shared/refund/overcharge';
import { TariffIndex } from '../../../src-shared/tariff/lookup';
import type { TariffKey } from '../../../src-shared/tariff/types';
import { CliError, type Command } from '../command';
import { bytesOf, readTariffFile, REFUSED, UNREADABLE } from './inputFiles';


interface Args {
  bills: string;
  tariffs: string | null;
  key: TariffKey | null;
  method: OverchargeMethod;
  gridBills: Map<Month, Fen>;
  mapping: string | null;
  toleranceFen: Fen;
  json: boolean;
}

/** overcharge --bills FILE.xlsx (--tariffs FILE --region R --category C --voltage V | --method grid-bill --grid-bill YYYY-MM=YUAN …) */
export const overchargeCommand: Command = async (argv, io) => {
  const args = parse(argv);
  const options = await methodOptions(args);
  const mapping = args.mapping === null ? undefined : await readMapping(args.mapping);
  const ledger = await readLedger(args.bills, mapping);
  if (ledger.lines.length === 0) throw new CliError(`${args.bills}：台账中没有可计算的账单行（无法读取 ${ledger.rejected.length} 处）`, REFUSED);
  const result = computeOvercharge(ledger, { ...options.options, toleranceFen: args.toleranceFen });
  io.out(args.json ? JSON.stringify(jsonReport(ledger, result, options.tariffProblems), null, 2) : humanReport(ledger, result));
  return 0;
};

function parse(argv: string[]): Args {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        bills: { type: 'string' },
        tariffs: { type: 'string' },
        region: { type: 'string' },
        category: { type: 'string' },
        voltage: { type: 'string' },
        method: { type: 'string', default: 'catalogue' },
        'grid-bill': { type: 'string', multiple: true, default: [] },
        mapping: { type: 'string' },
        'tolerance-fen': { type: 'string', default: '0' },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  if (values.bills === undefined) throw new CliError('请用 --bills 给出台账 .xlsx 文件');
  if (values.method !== 'catalogue' && values.method !== 'grid-bill') throw new CliError('--method 须为 catalogue（目录电价）或 grid-bill（电网电费分摊）');
  const { region, category, voltage } = values;
  if (values.method === 'catalogue' && (values.tariffs === undefined || !region || !category || !voltage)) {
    throw new CliError('按目录电价计算须给出 --tariffs、--region、--category 和 --voltage');
  }
  const toleranceFen = Number(values['tolerance-fen']);
  if (!Number.isSafeInteger(toleranceFen) || toleranceFen < 0) throw new CliError('--tolerance-fen 须为非负整数（分）');
  return {
    bills: values.bills,
    tariffs: values.tariffs ?? null,
    key: region && category && voltage ? { region, category, voltage } : null,
    method: values.method,
    gridBills: gridBills(values['grid-bill']),
    mapping: values.mapping ?? null,
    toleranceFen,
    json: values.json === true,
  };
}

// YYYY-MM=12,345.67 (yuan); the month in any form a ledger uses.
function gridBills(texts: readonly string[]): Map<Month, Fen> {
  const bills = new Map<Month, Fen>();
  for (const text of texts) {
    const [monthText = '', amountText = ''] = text.split('=');
    const month = parseMonthText(monthText);
    const amount = parseAmount(amountText);
    if (month === null || !amount.ok || amount.value < 0) throw new CliError(formatMessage(tariffZh, 'overcharge.issue.gridBill.invalid', { value: text }));
    bills.set(month, amount.value);
  }
  return bills;
}

async function methodOptions(args: Args): Promise<{ options: OverchargeOptions; tariffProblems: RowIssue[] | string[] }> {
  if (args.method === 'grid-bill') return { options: { method: 'grid-bill', gridBills: args.gridBills }, tariffProblems: [] };
  const { table, problems } = await readTariffFile(args.tariffs!);
  const index = new TariffIndex(table);
  const key = args.key!;
  if (index.periods(key).length === 0) throw new CliError(`${args.tariffs!}：电价表中没有 ${key.region}、${key.category}、${key.voltage} 的电价`, REFUSED);
  return { options: { method: 'catalogue', tariffs: index, key }, tariffProblems: problems };
}

async function readMapping(file: string): Promise<LedgerMapping> {
  const text = new TextDecoder().decode(await bytesOf(file));
  let detail: string;
  try {
    const parsed = ledgerMappingSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    detail = z.prettifyError(parsed.error);
  } catch (e) {
    detail = e instanceof Error ? e.message : String(e);
  }
  throw new CliError(`${file}：${formatMessage(tariffZh, 'ledger.error.mapping-json', { detail })}`, UNREADABLE);
}

async function readLedger(file: string, mapping: LedgerMapping | undefined): Promise<LedgerImport> {
  const bytes = await bytesOf(file);
  try {
    return await importLedger(bytes, mapping ? { mapping } : {});
  } catch (e) {
    if (e instanceof LedgerReadError) throw new CliError(`${file}：${e.message}`, e.code === 'mapping' ? REFUSED : UNREADABLE);
    throw e;
  }
}

const issueOut = ({ row, field, reason }: RowIssue) => ({ row, field, reason });

/** The machine report: amounts in integer fen, rows as Excel shows them. */
function jsonReport(ledger: LedgerImport, result: OverchargeResult, tariffProblems: readonly (RowIssue | string)[]) {
  return {
    method: result.method,
    toleranceFen: result.toleranceFen,
    ledger: { sheet: ledger.columns.sheet, headerRow: ledger.columns.headerRow, mapping: mappingOf(ledger.columns), lines: ledger.lines.length },
    tenants: result.tenants.map(({ tenant, overchargeFen, chargedFen, lawfulFen, months, lines }) => ({ tenant, overchargeFen, chargedFen, lawfulFen, months, lines })),
    months: result.months,
    fees: result.fees,
    totalOverchargeFen: result.totalOverchargeFen,
    lines: result.lines,
    unreadable: ledger.rejected.map(issueOut),
    warnings: ledger.warnings.map(issueOut),
    leftOut: result.leftOut.map(({ line, tenant, month, issues }) => ({ line, tenant, month, reasons: issues.map((i) => `${i.field}：${i.reason}`) })),
    inputIssues: result.inputIssues,
    tariffProblems: tariffProblems.map((p) => (typeof p === 'string' ? p : formatIssue(p))),
  };
}

function humanReport(ledger: LedgerImport, result: OverchargeResult): string {
  const t = (key: Parameters<typeof formatMessage>[1], params: Record<string, string | number> = {}) => formatMessage(tariffZh, key, params);
  return [
    t('overcharge.report.title', { method: t(`overcharge.method.${result.method}`) }),
    ...result.tenants.map((x) => '  ' + t('overcharge.report.tenant', { tenant: x.tenant, amount: formatFen(x.overchargeFen) })),
    t('overcharge.report.total', { amount: formatFen(result.totalOverchargeFen), tenants: result.tenants.length, lines: result.lines.length }),
    t('overcharge.report.rejected', { count: new Set(ledger.rejected.map((i) => i.row)).size }),
    ...ledger.rejected.map((i) => '  ' + formatIssue(i)),
    t('overcharge.report.leftOut', { count: result.leftOut.length }),
    ...result.leftOut.flatMap((l) => l.issues.map((i) => '  ' + formatIssue(i))),
    ...result.inputIssues.map((i) => '  ' + i.reason),
  ].join('\n');
}
