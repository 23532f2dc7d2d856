// The mutators: every change a client may ask of the hub, by name, with the zod schema of its
// arguments. The laptop validates with the same schemas before it writes its outbox.
import { z } from 'zod';
import { entitySchema, inspectorSchema } from '../domain';
import { recordDataSchemas, RECORD_KINDS, signatureSchema, type RecordKind } from './records';

const addRecordArgs = z
  .strictObject({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: z.enum(RECORD_KINDS as [RecordKind, ...RecordKind[]]),
    data: z.record(z.string(), z.unknown()),
  })
  .superRefine((args, ctx) => {
    const result = recordDataSchemas[args.kind].safeParse(args.data);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: ['data', ...issue.path.map(String)], message: issue.message });
  });

export const mutatorArgs = {
  /** A new meter reading, posted tariff, finding or refund order. */
  addRecord: addRecordArgs,
  /** Changes some fields of a record; `baseVersion` is the record version the device last pulled (0: never). */
  editRecord: z.strictObject({
    id: z.uuid(),
    caseId: z.uuid(),
    baseVersion: z.number().int().nonnegative(),
    changes: z.record(z.string().min(1).max(64), z.unknown()).refine((c) => Object.keys(c).length > 0, 'no changes'),
  }),
  /** The on-site signature: the record is frozen from then on. */
  signRecord: z.strictObject({ id: z.uuid(), caseId: z.uuid(), signature: signatureSchema }),
  /** The inspector hands the case in for review. */
  submitCase: z.strictObject({ caseId: z.uuid() }),
  /** A lead or the office approves (freezing the case) or returns it. */
  reviewCase: z.strictObject({ caseId: z.uuid(), decision: z.enum(['approved', 'returned']), note: z.string().max(2000) }),
  /** The office settles a conflict; `value` becomes the field's value. */
  resolveConflict: z.strictObject({ conflictId: z.uuid(), value: z.unknown() }),
  /** The office adds or replaces rows of the two lists (at most 500 a mutation). */
  putEntities: z.strictObject({ rows: z.array(entitySchema.strict()).min(1).max(500) }),
  putInspectors: z.strictObject({ rows: z.array(inspectorSchema.strict()).min(1).max(500) }),
} as const;

export type MutatorName = keyof typeof mutatorArgs;
export const MUTATOR_NAMES = Object.keys(mutatorArgs) as MutatorName[];
export type MutatorArgs<N extends MutatorName> = z.infer<(typeof mutatorArgs)[N]>;

export function isMutatorName(name: string): name is MutatorName {
  return Object.hasOwn(mutatorArgs, name);
}

/** One outbox row as it travels: per-device id (1, 2, 3 …), the mutator, its arguments, the device clock. */
export const mutationSchema = z.strictObject({
  id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  /** Hybrid logical clock of the device when it was written (display and history only). */
  hlc: z.string().min(1).max(64),
});
export type Mutation = z.infer<typeof mutationSchema>;
