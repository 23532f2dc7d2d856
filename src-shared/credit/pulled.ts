// The credit rule in force as the hub logs it (src-main/hub/credit/credit.ts) and every office device keeps it.
import { z } from 'zod';
import { cleanString } from '../text';
import { creditRuleSchema } from './rule';

/** The one key the rule in force is logged and kept under. */
export const CURRENT_CREDIT_RULE = 'current';

export const pulledCreditRuleSchema = z.strictObject({
  id: z.literal(CURRENT_CREDIT_RULE),
  rule: creditRuleSchema,
  by: cleanString().max(200),
  savedAt: z.iso.datetime(),
  version: z.number().int().nonnegative(),
});
export type PulledCreditRule = z.infer<typeof pulledCreditRuleSchema>;
