// What a pull may store: every row a hub sends is parsed here before the laptop keeps it. A row that
// fails is refused and reported (table, key, field), never cast into the local tables.
import { z } from 'zod';
import { entitySchema, inspectorSchema } from '../domain';
import { OFFICE_SETTINGS_KEY, officeSettingsSchema } from '../inspection/officeSettings';
import { ledgerMappingSchema } from '../ledger/types';
import { refundOrderSchema } from '../refund/order';
import { refundEventSchema } from '../refund/tracking';
import { publicationSchema } from '../publication/publication';
import { tariffTableSchema } from '../tariff/types';
import { storedFilingSchema } from '../filings/stored';
import { pulledCreditRuleSchema } from '../credit/pulled';
import { storedCreditChangeSchema } from '../credit/change';
import { cleanString, cleanTextCheck } from '../text';
import { addNestedIssues, firstIssue } from '../zodIssue';
import type { Change, ChangeTable } from './protocol';
import { caseSchema, recordDataSchemas, RECORD_KINDS, signatureSchema, type RecordKind } from './records';

const version = z.number().int().nonnegative();

export const pulledCaseSchema = caseSchema.extend({ version }).superRefine(cleanTextCheck);

export const pulledRecordSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: z.enum(RECORD_KINDS as [RecordKind, ...RecordKind[]]),
    data: z.record(z.string(), z.unknown()),
    signature: signatureSchema.nullable(),
    createdBy: cleanString().min(1).max(200),
    createdByName: cleanString().max(200).optional(),
    createdAt: cleanString().min(1).max(64),
    version,
  })
  .superRefine((r, ctx) => {
    const data = recordDataSchemas[r.kind].safeParse(r.data);
    if (!data.success) addNestedIssues(ctx, ['data'], data.error);
  });

/** Rows shown as they are (conflicts, refusals, draws): any JSON object of clean text. */
const shownRow = z.record(z.string(), z.unknown()).superRefine(cleanTextCheck);

/** The tariff table in force, as the hub logs it (src-main/hub/sync/reference.ts). */
export const pulledTariffSchema = z.strictObject({ id: z.literal('current'), table: tariffTableSchema, source: cleanString().max(200), by: cleanString().max(200), storedAt: z.iso.datetime(), version }).superRefine(cleanTextCheck);
/** A ledger mapping confirmed for a landlord. */
export const pulledMappingSchema = z.strictObject({ landlord: cleanString().min(1).max(200), mapping: ledgerMappingSchema, savedAt: z.iso.datetime(), version }).superRefine(cleanTextCheck);

/** The office's inspection settings (src-shared/inspection/officeSettings.ts). */
export const pulledOfficeSettingsSchema = z.strictObject({ key: z.literal(OFFICE_SETTINGS_KEY), settings: officeSettingsSchema, by: cleanString().max(200), savedAt: z.iso.datetime(), version }).superRefine(cleanTextCheck);

/** A refund order as the hub holds it, with its document number and who issued it when. */
export const pulledRefundOrderSchema = z.strictObject({ id: z.uuid(), caseId: z.uuid(), order: refundOrderSchema, issuedBy: cleanString().max(200), issuedAt: z.iso.datetime(), version }).superRefine(cleanTextCheck);

/** A refund event as the hub holds it, with who recorded it when. */
export const pulledRefundEventSchema = z.strictObject({ id: z.uuid(), caseId: z.uuid(), event: refundEventSchema, by: cleanString().max(200), at: z.iso.datetime(), version }).superRefine(cleanTextCheck);

/** A publication of a draw's results as the hub holds it, with who published it and when the hub took it. */
export const pulledPublicationSchema = z.strictObject({ id: z.uuid(), drawId: z.uuid(), publication: publicationSchema, by: cleanString().max(200), at: z.iso.datetime(), version }).superRefine(cleanTextCheck);

export type PulledTariff = z.infer<typeof pulledTariffSchema>;
export type PulledMapping = z.infer<typeof pulledMappingSchema>;
export type PulledOfficeSettings = z.infer<typeof pulledOfficeSettingsSchema>;
export type PulledRefundOrder = z.infer<typeof pulledRefundOrderSchema>;
export type PulledRefundEvent = z.infer<typeof pulledRefundEventSchema>;
export type PulledPublication = z.infer<typeof pulledPublicationSchema>;

const PULLED: Record<ChangeTable, z.ZodType> = {
  tariffs: pulledTariffSchema,
  ledgerMappings: pulledMappingSchema,
  officeSettings: pulledOfficeSettingsSchema,
  refundOrders: pulledRefundOrderSchema,
  refundEvents: pulledRefundEventSchema,
  publications: pulledPublicationSchema,
  cases: pulledCaseSchema,
  records: pulledRecordSchema,
  entities: entitySchema.strict(),
  inspectors: inspectorSchema.strict(),
  conflicts: shownRow,
  rejected: shownRow,
  draws: shownRow,
  filings: storedFilingSchema,
  creditRules: pulledCreditRuleSchema,
  creditChanges: storedCreditChangeSchema,
};

/** A pulled row the laptop refused: which table, which key, which field, and the issue's code. */
export interface RefusedRow {
  table: ChangeTable;
  key: string;
  field: string;
  issue: string;
}

/** The change's row parsed for its table, or the reason it is refused. */
export function parsePulled(change: Change): { ok: true; row: unknown } | { ok: false; refused: RefusedRow } {
  const parsed = PULLED[change.table].safeParse(change.row);
  if (parsed.success) return { ok: true, row: parsed.data };
  const { path, code } = firstIssue(parsed.error);
  return { ok: false, refused: { table: change.table, key: change.key.slice(0, 100), field: path, issue: code } };
}
