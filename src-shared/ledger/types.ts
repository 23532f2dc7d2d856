// The landlord's bill ledger (租户电费台账) as the importer gives it back: bill lines, the column mapping
// it used (for the UI to show and change), and every row it could not read.
import { z } from 'zod';
import type { Month } from '../billingMonth';
import type { RowIssue, SkipReason } from '../lists/types';
import type { Fen } from '../money';
import type { TouPeriod } from '../tariff/types';

/** The columns a ledger may have, apart from its extra fees (which are found by name). */
export const LEDGER_FIELDS = ['tenant', 'unit', 'month', 'kwh', 'kwhCritical', 'kwhPeak', 'kwhFlat', 'kwhValley', 'price', 'energy', 'total'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Time-of-use periods a ledger splits kWh into. */
export type KwhPeriod = Exclude<TouPeriod, 'single'>;
export const PERIOD_FIELDS: Readonly<Record<KwhPeriod, LedgerField>> = { critical: 'kwhCritical', peak: 'kwhPeak', flat: 'kwhFlat', valley: 'kwhValley' };

/** One tenant's bill for one month, as the ledger states it. Its id is its Excel row number. */
export interface BillLine {
  readonly row: number;
  /** Tenant as written in the ledger (spaces cleaned). */
  readonly tenant: string;
  readonly unit: string;
  readonly month: Month;
  /** Consumption in kWh, decimal string: the sum of `periods` when the line is split by time of use. */
  readonly kwh: string;
  /** kWh per time-of-use period, decimal strings; null when the line gives only a total. */
  readonly periods: Readonly<Partial<Record<KwhPeriod, string>>> | null;
  /** Energy charge (电费), fen. */
  readonly energyFen: Fen;
  /** Every extra fee by its column name, fen, in column order; blank cells are left out. */
  readonly fees: readonly { readonly name: string; readonly fen: Fen }[];
  /** Everything billed for electricity: energy charge + every fee, fen. */
  readonly chargedFen: Fen;
  /** The unit price the ledger states (yuan/kWh, decimal string), or null. */
  readonly price: string | null;
}

/** A column of the sheet: its number (1-based) and header text as found. */
export interface SheetColumn {
  readonly col: number;
  readonly header: string;
}

/** Which column holds what: recognised automatically or given by a mapping. */
export interface LedgerColumns {
  readonly sheet: string;
  readonly headerRow: number;
  readonly fields: Readonly<Partial<Record<LedgerField, SheetColumn>>>;
  readonly fees: readonly SheetColumn[];
  /** Header columns used for nothing, for the UI to offer. */
  readonly unmapped: readonly SheetColumn[];
}

export interface LedgerImport {
  readonly columns: LedgerColumns;
  readonly lines: BillLine[];
  /** Problems that kept a row out: one per field, with the Excel row and the column's header text. */
  readonly rejected: RowIssue[];
  /** Each row kept out by `rejected`, with its billing month when that much could be read. */
  readonly unread: { row: number; month: Month | null }[];
  /** Problems in rows that were still read (a total that is not the sum of its parts). */
  readonly warnings: RowIssue[];
  readonly skipped: { row: number; why: SkipReason }[];
}

const columnRef = z.union([z.string().min(1), z.number().int().positive()]);

/** A column mapping as the UI remembers it per landlord and the CLI reads it (--mapping FILE.json). */
export const ledgerMappingSchema = z.strictObject({
  /** Sheet name; default: the sheet whose header is recognised best. */
  sheet: z.string().min(1).optional(),
  /** Excel row number of the header; default: the row among the first 20 that names most mapped columns. */
  headerRow: z.number().int().positive().optional(),
  /** field → header text (compared without spaces, case or full-width differences) or column number (1 = A). */
  fields: z.partialRecord(z.enum(LEDGER_FIELDS), columnRef),
  /** The extra-fee columns, same forms; default none. */
  fees: z.array(columnRef).default([]),
});
export type LedgerMapping = z.input<typeof ledgerMappingSchema>;

export interface LedgerOptions {
  /** Apply this mapping instead of recognising the columns. */
  readonly mapping?: LedgerMapping;
  /** Rows processed so far out of the rows below the header. */
  readonly onProgress?: (done: number, total: number) => void;
}
