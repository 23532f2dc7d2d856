// What an import of a list (检查对象名录库 / 执法检查人员名录库) gives back to the UI and the CLI.
import type { Entity, Inspector, ListKind } from '../domain';

/** One problem with one field of one row. `row` is the row number Excel shows (1-based). */
export interface RowIssue {
  row: number;
  /** The Chinese column label, e.g. 统一社会信用代码. */
  field: string;
  /** Stable machine code, e.g. 'uscc.check'; the message key is `issue.<code>`. */
  code: string;
  params?: Record<string, string | number>;
  /** Chinese text that follows the label, so `field + reason` reads e.g. 统一社会信用代码校验位错误. */
  reason: string;
}

export type SkipReason = 'blank' | 'note' | 'subtotal';

export interface ListImport<T> {
  accepted: { row: number; value: T; updates: boolean }[];
  rejected: RowIssue[];
  /** Worksheet row number of the header row. */
  headerRow: number;
  /** field → header text found in the file. */
  columns: Record<string, string>;
  skipped: { row: number; why: SkipReason }[];
}

export interface ImportOptions {
  /** Keys already stored: canonical USCCs for entities, certificate numbers for inspectors. */
  existing?: ReadonlySet<string>;
  /** What to do with a row whose key is in `existing`; default 'reject'. */
  onExisting?: 'reject' | 'update';
  /** Rows processed so far out of the data rows below the header. */
  onProgress?: (done: number, total: number) => void;
}

/** The record type of each list kind. */
export interface ListRecord {
  entities: Entity;
  inspectors: Inspector;
}

export type { ListKind };
