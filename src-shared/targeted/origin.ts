// Where a case comes from: the random draw (双随机), a tenant's complaint (投诉举报) or a screening flag
// (定向检查). Targeted cases are opened by the office outside the draw and never count in its ratio.
import { z } from 'zod';
import { FILING_FLAGS } from '../filings/types';
import { cleanString } from '../text';

export const CASE_ORIGINS = ['draw', 'complaint', 'screening'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];
export type TargetedKind = Exclude<CaseOrigin, 'draw'>;

/** A tenant's complaint: its 12315/12345 reference, who complained, what was alleged, the China date it was received. */
export const complaintOriginSchema = z.strictObject({
  kind: z.literal('complaint'),
  ref: cleanString().trim().min(1).max(64),
  complainant: cleanString().trim().min(1).max(200),
  allegation: cleanString().trim().min(1).max(2000),
  receivedOn: z.iso.date(),
});

/** Flags of the monthly filings screening that point at the target: the months flagged and which flags. */
export const screeningOriginSchema = z.strictObject({
  kind: z.literal('screening'),
  months: z.array(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)).min(1).max(120),
  flags: z.array(z.enum(FILING_FLAGS)).min(1).max(FILING_FLAGS.length),
});

export const targetedOriginSchema = z.discriminatedUnion('kind', [complaintOriginSchema, screeningOriginSchema]);
export type TargetedOrigin = z.infer<typeof targetedOriginSchema>;
export type ComplaintOrigin = z.infer<typeof complaintOriginSchema>;

/**
 * A complaint (or flag) about a target that already had an open case: attached to that case instead of a
 * second case. `id` is the id the office gave the case it asked for; `by` the office user's name; `at` UTC.
 */
export const linkedComplaintSchema = z.strictObject({
  id: z.uuid(),
  origin: targetedOriginSchema,
  by: cleanString().max(200),
  at: z.iso.datetime(),
});
export type LinkedComplaint = z.infer<typeof linkedComplaintSchema>;

/** The origin of a case; cases made before origins were kept are drawn ones. */
export function originOf(c: { origin?: CaseOrigin | undefined }): CaseOrigin {
  return c.origin ?? 'draw';
}

/**
 * Whether a case counts towards a draw's random ratio (targets drawn / inspected per group): drawn cases
 * only. A complaint or screening case is chosen, not drawn, so counting it would let the office reach the
 * ratio by choice (docs/decisions.md "Targeted cases and the random ratio").
 */
export function countsInRandomRatio(c: { origin?: CaseOrigin | undefined; drawId: string | null }): boolean {
  return originOf(c) === 'draw' && c.drawId !== null;
}

/** Whether a case is still open (any status but approved): a new complaint about its target joins it. */
export function isOpenCase(c: { status: string }): boolean {
  return c.status !== 'approved';
}
