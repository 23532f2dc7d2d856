// The mutators: every change a client may ask of the hub, by name, with the zod schema of its
// arguments. The laptop validates with the same schemas before it writes its outbox.
import { z } from 'zod';
import { drawResultSchema } from '../draw/draw';
import { commitmentSchema } from '../draw/commitment';
import { drawPlanSchema } from '../draw/plan';
import { entitySchema, inspectorSchema } from '../domain';
import { officeSettingsSchema } from '../inspection/officeSettings';
import { refundOrderSchema } from '../refund/order';
import { refundEventSchema } from '../refund/tracking';
import { publicationSchema } from '../publication/publication';
import { ledgerMappingSchema } from '../ledger/types';
import { tariffTableSchema } from '../tariff/types';
import { targetedOriginSchema } from '../targeted/origin';
import { TEAM_MAX, TEAM_MIN } from '../targeted/team';
import { storedFilingSchema } from '../filings/stored';
import { creditRuleSchema } from '../credit/rule';
import { creditChangesSchema } from '../credit/change';
import { cleanString, cleanTextCheck } from '../text';
import { addNestedIssues } from '../zodIssue';
import { recordDataSchemas, RECORD_KINDS, signatureSchema, type RecordKind } from './records';

/** Every text and key of a mutation's arguments is clean (no NUL, no lone surrogate): see text.ts. */
const clean = <S extends z.ZodType>(schema: S): S => schema.superRefine(cleanTextCheck) as S;

const addRecordArgs = z
  .strictObject({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: z.enum(RECORD_KINDS as [RecordKind, ...RecordKind[]]),
    data: z.record(z.string(), z.unknown()),
  })
  .superRefine((args, ctx) => {
    const result = recordDataSchemas[args.kind].safeParse(args.data);
    if (!result.success) addNestedIssues(ctx, ['data'], result.error);
  });

/** What a list write was, for the list history on both sides. */
export const LIST_ACTIONS = ['import', 'create', 'edit', 'deactivate', 'activate'] as const;
export type ListAction = (typeof LIST_ACTIONS)[number];
/** Rows of one list mutation at most (a 3,841-row import is eight mutations). */
export const LIST_ROWS_MAX = 500;
/** The most targets one recorded draw may select (a 100,000-target list at 100% is within it). */
export const DRAW_SELECTED_MAX = 200_000;

function listArgs<R extends z.ZodType>(row: R) {
  return z
    .strictObject({
      rows: z.array(row).min(1).max(LIST_ROWS_MAX),
      action: z.enum(LIST_ACTIONS).default('import'),
      baseVersions: z.array(z.number().int().nonnegative()).max(LIST_ROWS_MAX).optional(),
    })
    .refine((a) => a.baseVersions === undefined || a.baseVersions.length === a.rows.length, { path: ['baseVersions'], message: 'one base version per row' })
    .refine((a) => new Set(a.rows.map(listRowKey)).size === a.rows.length, { path: ['rows'], message: 'duplicate-key', params: { code: 'duplicate-key' } });
}

/** The key of a row of either list: its USCC or its certificate number. */
export function listRowKey(row: unknown): string {
  const r = row as { uscc?: unknown; certNo?: unknown };
  return String(r.uscc ?? r.certNo);
}

export const mutatorArgs = {
  /** A new meter reading, posted tariff, finding or refund order. */
  addRecord: clean(addRecordArgs),
  /** Changes some fields of a record; `baseVersion` is the record version the device last pulled (0: never). */
  editRecord: clean(z.strictObject({
    id: z.uuid(),
    caseId: z.uuid(),
    baseVersion: z.number().int().nonnegative(),
    changes: z.record(z.string().min(1).max(64), z.unknown()).refine((c) => Object.keys(c).length > 0, 'no changes'),
  })),
  /** The on-site signature: the record is frozen from then on. */
  signRecord: clean(z.strictObject({ id: z.uuid(), caseId: z.uuid(), signature: signatureSchema })),
  /** The inspector hands the case in for review. */
  submitCase: clean(z.strictObject({ caseId: z.uuid() })),
  /** A lead or the office approves (freezing the case) or returns it. */
  reviewCase: clean(z.strictObject({ caseId: z.uuid(), decision: z.enum(['approved', 'returned']), note: z.string().max(2000) })),
  /** The office settles a conflict; `value` becomes the field's value. */
  resolveConflict: clean(z.strictObject({ conflictId: z.uuid(), value: z.unknown() })),
  /**
   * The office adds or replaces rows of the two lists (at most 500 a mutation). `action` names the
   * change for the list history; `baseVersions[i]` is the hub version of row i the device edited from
   * (0: a new row, or never pulled): a row changed meanwhile by another device is kept as a conflict.
   */
  putEntities: clean(listArgs(entitySchema.strict())),
  putInspectors: clean(listArgs(inspectorSchema.strict())),
  /** The office's catalogue tariff table: replaces the one in force on every device (the hub keeps each version). */
  putTariffTable: clean(z.strictObject({ table: tariffTableSchema.extend({ entries: tariffTableSchema.shape.entries.max(20_000) }), source: cleanString().max(200) })),
  /**
   * The office's inspection settings (检查设置: finding types, legal bases, verification periods, the map's
   * tile source), replaced whole on every device; the hub keeps each version.
   */
  putOfficeSettings: clean(z.strictObject({ settings: officeSettingsSchema })),
  /**
   * A refund order (责令退还多收电费) for an approved case, from the ledger kept with it; the hub gives its
   * document number (`docNo` is sent empty) in the office's numbering.
   */
  issueRefundOrder: clean(z.strictObject({ order: refundOrderSchema })),
  /** A refund paid (with its proof), verified by the office, or a tenant who cannot be found (src-shared/refund/tracking.ts). */
  recordRefundEvent: clean(z.strictObject({ event: refundEventSchema })),
  /** The office publishes the results of a draw's closed cases (一公开, src-shared/publication/). */
  publishResults: clean(z.strictObject({ publication: publicationSchema })),
  /** The ledger column mapping confirmed for one landlord (USCC or name as typed), for every device. */
  putLedgerMapping: clean(z.strictObject({ landlord: cleanString().trim().min(1).max(200), mapping: ledgerMappingSchema })),
  /**
   * A plan committed before its seed (抽查承诺, draw-algorithm.md §4a): the hub keeps it with its own time
   * in the audit chain, so the order commitment → seed → draw can be shown later.
   */
  commitPlan: clean(z.strictObject({ id: z.uuid(), plan: drawPlanSchema, commitment: commitmentSchema })),
  /**
   * A draw made on a device (in front of witnesses, maybe offline), whole: every device lists it in
   * 抽查记录 with verify, notice and printed record. `drawnBy` is the name shown (the hub records the user).
   */
  recordDraw: clean(z.strictObject({
    id: z.uuid(),
    drawnBy: cleanString().max(200),
    result: drawResultSchema.extend({ selected: drawResultSchema.shape.selected.max(DRAW_SELECTED_MAX) }),
  })),
  /**
   * The office opens a case outside the draw, on a tenant's complaint or a screening flag (src-shared/targeted/):
   * `id` is the new case's; a team of two or more (certificate numbers, `lead` one of them). A target already
   * in an open case gets the complaint attached to that case instead (no second case).
   */
  openTargetedCase: clean(z.strictObject({
    id: z.uuid(),
    uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/),
    origin: targetedOriginSchema,
    inspectors: z.array(cleanString().trim().min(1).max(200)).min(TEAM_MIN).max(TEAM_MAX),
    lead: cleanString().trim().min(1).max(200).optional(),
  }).refine((a) => new Set(a.inspectors).size === a.inspectors.length, { path: ['inspectors'], message: 'duplicate-key', params: { code: 'duplicate-key' } })
    .refine((a) => a.lead === undefined || a.inspectors.includes(a.lead), { path: ['lead'], message: 'the lead is one of the team' })),
  /**
   * Screened monthly filings of landlords (src-shared/filings/stored.ts), at most 500 a mutation; each replaces
   * the landlord's month if stored. `source`: the file (or re-screening) they came from. Office only.
   */
  putFilings: clean(z.strictObject({
    rows: z.array(storedFilingSchema).min(1).max(LIST_ROWS_MAX)
      .refine((rows) => new Set(rows.map((r) => r.key)).size === rows.length, { message: 'duplicate-key', params: { code: 'duplicate-key' } }),
    source: cleanString().max(200),
  })),
  /** The office's credit rule (src-shared/credit/rule.ts), a new version in force on every office device; a senseless rule is refused. */
  putCreditRule: clean(z.strictObject({ rule: creditRuleSchema })),
  /** Grade changes the office applies (by rule or by hand), each with its reason: the list row's credit and the target's grade history. */
  setCreditGrades: clean(z.strictObject({ changes: creditChangesSchema })),
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
  name: cleanString().min(1).max(64),
  args: z.unknown(),
  /** Hybrid logical clock of the device when it was written (display and history only). */
  hlc: cleanString().min(1).max(64),
});
export type Mutation = z.infer<typeof mutationSchema>;
