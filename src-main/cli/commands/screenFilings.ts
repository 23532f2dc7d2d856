// `tariffcheck screen-filings`: screens the landlords' monthly filings against the catalogue prices (issue 15 §1).
import { basename } from 'node:path';
import { filingsMessages, filingsZh, type FilingsMessageKey } from '../../../src-shared/i18n/filings';
import { FilingsReadError, readFilings } from '../../../src-shared/filings/readFilings';
import { DEFAULT_LOSS_THRESHOLD, DEFAULT_TOLERANCE, screenFilings } from '../../../src-shared/filings/screen';
import type { FilingsRead, ScreeningResult } from '../../../src-shared/filings/types';
import { formatMessage } from '../../../src-shared/i18n/format';
import { formatIssue } from '../../../src-shared/lists/importList';
import { decimalText, normalizeText } from '../../../src-shared/lists/normalize';
import { compareDecimals, formatFen, parseDecimal, PRICE_DECIMALS } from '../../../src-shared/money';
import { TariffIndex } from '../../../src-shared/tariff/lookup';
import { CliError, type Command } from '../command';
import { bytesOf, readTariffFile, REFUSED, UNREADABLE } from './inputFiles';
import { parseOptions, required } from './args';


const zh = filingsMessages['zh-CN'];
const t = (key: FilingsMessageKey, params: Record<string, string | number> = {}) => formatMessage(zh, key, params);

interface Args {
  filings: string;
  tariffs: string;
  region: string;
  tolerance: string;
  lossThreshold: string;
  json: boolean;
}

/** screen-filings --filings F.xlsx --tariffs T.xlsx|T.json --region R [--tolerance 0.0000] [--loss-threshold 0.07] [--json] */
export const screenFilingsCommand: Command = async (argv, io) => {
  const args = parse(argv);
  // The filings first: a file that cannot be read is exit 2 whatever the tariff table holds.
  const read = await readFilingsFile(args.filings);
  const { table } = await readTariffFile(args.tariffs);
  const tariffs = new TariffIndex(table);
  if (!table.entries.some((e) => sameRegion(e.region, args.region))) throw new CliError(`${args.tariffs}：电价表中没有地区“${args.region}”的电价`, REFUSED);
  const result = screenFilings(read, tariffs, { region: args.region, tolerance: args.tolerance, lossThreshold: args.lossThreshold });
  io.out(args.json ? JSON.stringify(jsonReport(result), null, 2) : humanReport(args, read, result));
  return 0;
};

function parse(argv: string[]): Args {
  const { values } = parseOptions(argv, {
    filings: { type: 'string' },
    tariffs: { type: 'string' },
    region: { type: 'string' },
    tolerance: { type: 'string', default: DEFAULT_TOLERANCE },
    'loss-threshold': { type: 'string', default: DEFAULT_LOSS_THRESHOLD },
    json: { type: 'boolean', default: false },
  });
  const tolerance = decimalOption(values.tolerance, '--tolerance 须为不小于 0 的数（元/千瓦时，最多 6 位小数），如 0.0000');
  const lossThreshold = decimalOption(values['loss-threshold'], '--loss-threshold 须为 0 到 1 之间的数，如 0.07');
  if (compareDecimals(lossThreshold, '1') > 0) throw new CliError('--loss-threshold 须为 0 到 1 之间的数，如 0.07');
  return {
    filings: required(values.filings, '--filings'),
    tariffs: required(values.tariffs, '--tariffs'),
    region: required(values.region, '--region'),
    tolerance,
    lossThreshold,
    json: values.json === true,
  };
}

// A non-negative decimal, exact (never through a float), at most 6 decimals.
function decimalOption(text: string, message: string): string {
  const plain = decimalText(text);
  const parsed = plain === null ? null : parseDecimal(plain, PRICE_DECIMALS);
  if (!parsed?.ok) throw new CliError(message);
  return parsed.value;
}

// Compared as the tariff lookup compares them.
const sameRegion = (a: string, b: string): boolean => normalizeText(a) === normalizeText(b);

async function readFilingsFile(file: string): Promise<FilingsRead> {
  const bytes = await bytesOf(file);
  try {
    return await readFilings(bytes);
  } catch (e) {
    if (e instanceof FilingsReadError) throw new CliError(`${file}：${e.message}`, UNREADABLE);
    throw e;
  }
}

/** The machine report (a contract): prices and rates as decimal strings, fen as integers, months as YYYY-MM. */
function jsonReport(result: ScreeningResult) {
  return {
    filings: result.filings.map((f) => ({
      row: f.row,
      uscc: f.uscc,
      month: f.month,
      purchaseAvgPrice: f.purchaseAvgPrice,
      chargedAvgPrice: f.chargedAvgPrice,
      markupPerKwh: f.markupPerKwh,
      lossRate: f.lossRate,
      catalogueReference: f.catalogueReference,
      estimatedExcessFen: f.estimatedExcessFen,
      flags: f.flags,
    })),
    rejected: result.rejected.map(({ row, field, reason }) => ({ row, field, reason })),
    landlords: result.landlords.map(({ uscc, flaggedMonths, estimatedExcessFen }) => ({ uscc, flaggedMonths, estimatedExcessFen })),
  };
}

function humanReport(args: Args, read: FilingsRead, result: ScreeningResult): string {
  const flagged = result.filings.filter((f) => f.flags.length > 0);
  const ranked = result.landlords.filter((l) => l.flaggedMonths > 0 || l.estimatedExcessFen > 0);
  const total = result.landlords.reduce((sum, l) => sum + l.estimatedExcessFen, 0);
  const rank = (i: number) => String(i + 1).padStart(4);
  return [
    t('filings.report.title', { file: basename(args.filings), row: read.headerRow }),
    t('filings.report.options', { tolerance: args.tolerance, threshold: args.lossThreshold }),
    t('filings.report.summary', { rows: result.filings.length, landlords: result.landlords.length, flagged: flagged.length, amount: formatFen(total), rejected: new Set(result.rejected.map((i) => i.row)).size }),
    '',
    ...(ranked.length === 0
      ? [t('filings.report.noFlags')]
      : [
          t('filings.report.ranking'),
          t('filings.report.landlordHead'),
          ...ranked.map((l, i) => t('filings.report.landlord', { rank: rank(i), uscc: l.uscc, name: l.name || '—', months: String(l.flaggedMonths).padStart(2), amount: formatFen(l.estimatedExcessFen).padStart(14) })),
        ]),
    ...(flagged.length === 0 ? [] : ['', t('filings.report.flagged'), ...flagged.map((f) => '  ' + filingLine(f))]),
    ...(result.rejected.length === 0 ? [] : ['', t('filings.report.rejected'), ...result.rejected.map((i) => '  ' + formatIssue(i))]),
  ].join('\n');
}

function filingLine(f: ScreeningResult['filings'][number]): string {
  return t('filings.report.filing', {
    row: f.row,
    uscc: f.uscc,
    month: f.month,
    purchase: f.purchaseAvgPrice,
    charged: f.chargedAvgPrice,
    catalogue: f.catalogueReference,
    loss: f.lossRate,
    amount: formatFen(f.estimatedExcessFen),
    flags: f.flags.map((flag) => filingsZh[`filings.flag.${flag}`]).join('、'),
  });
}
