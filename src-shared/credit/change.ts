// A grade change as the office applies it (the setCreditGrades mutation) and as every device keeps it in
// the target's grade history: from → to, the reason in words, the rule that proposed it, who and when.
import { z } from 'zod';
import { CREDIT_GRADES } from '../domain';
import { cleanString } from '../text';

/** Grade changes in one mutation at most (a 3,841-target evaluation is eight). */
export const CREDIT_CHANGES_MAX = 500;

const grade = z.enum(CREDIT_GRADES).nullable();
const reason = cleanString().trim().min(1).max(2000);

/** One change asked for: the target's new grade (null clears it) and why; `ruleId` when a rule proposed it. */
export const creditGradeChangeSchema = z.strictObject({
  uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
  grade,
  reason,
  ruleId: z.uuid().optional(),
});
export type CreditGradeChange = z.infer<typeof creditGradeChangeSchema>;

export const creditChangesSchema = z
  .array(creditGradeChangeSchema)
  .min(1)
  .max(CREDIT_CHANGES_MAX)
  .refine((rows) => new Set(rows.map((r) => r.uscc)).size === rows.length, { message: 'duplicate-key', params: { code: 'duplicate-key' } });

/** A change as the hub recorded it (table credit_changes), pulled to the office's devices. */
export const storedCreditChangeSchema = z.strictObject({
  id: z.uuid(),
  uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
  from: grade,
  to: grade,
  reason,
  ruleId: z.uuid().nullable(),
  /** The user's name and username. */
  by: cleanString().max(200),
  user: cleanString().max(200),
  /** UTC ISO time the hub applied it. */
  at: z.iso.datetime(),
  version: z.number().int().nonnegative(),
});
export type StoredCreditChange = z.infer<typeof storedCreditChangeSchema>;
