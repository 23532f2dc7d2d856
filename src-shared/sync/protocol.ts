// Bodies of the sync endpoints (docs/sync-protocol.md), shared by the hub and every client.
import { z } from 'zod';
import { mutationSchema } from './mutators';

/** Mutations in one push; a longer outbox goes in several pushes. */
export const PUSH_MAX = 200;
/** Changes in one pull page unless the client asks for fewer. */
export const PULL_PAGE = 500;
export const PULL_MAX = 2000;
/** A device clock further off than this gets a warning (never a failed sync). */
export const CLOCK_SKEW_WARN_MS = 5 * 60_000;
/** Bytes in one blob upload request. */
export const BLOB_CHUNK = 512 * 1024;
/** Largest blob (a photo or a scanned page). */
export const BLOB_MAX = 32 * 1024 * 1024;

export const pushRequestSchema = z.strictObject({
  /** The device's clock when it sent the push (ISO instant), to warn about skew. */
  clientTime: z.iso.datetime(),
  mutations: z.array(mutationSchema).min(1).max(PUSH_MAX),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const OUTCOMES = ['applied', 'duplicate', 'rejected', 'replay-mismatch'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Why a mutation was rejected: the client shows the message and keeps the mutation in its log. */
export const REJECT_CODES = ['forbidden', 'not-found', 'frozen', 'exists', 'invalid'] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export const pushResultSchema = z.object({
  id: z.number().int(),
  outcome: z.enum(OUTCOMES),
  code: z.enum(REJECT_CODES).optional(),
  /** For logs and scripts; a person reads the translation of `code` with `params`. */
  message: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Fields of this mutation that overwrote another device's newer value (recorded as conflicts). */
  conflicts: z.number().int().optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  lastMutationId: z.number().int(),
  results: z.array(pushResultSchema),
  /** Device clock minus hub clock, when beyond CLOCK_SKEW_WARN_MS. */
  clockSkewMs: z.number().int().nullable(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const CHANGE_TABLES = ['cases', 'records', 'entities', 'inspectors', 'conflicts', 'rejected', 'draws', 'tariffs', 'ledgerMappings', 'officeSettings', 'refundOrders', 'refundEvents', 'publications', 'filings', 'creditRules', 'creditChanges'] as const;
export type ChangeTable = (typeof CHANGE_TABLES)[number];

export const changeSchema = z.object({
  /** The change counter of the write transaction that made it. */
  version: z.number().int(),
  table: z.enum(CHANGE_TABLES),
  key: z.string(),
  /** The row as it now is (records carry their `version` inside). */
  row: z.record(z.string(), z.unknown()),
});
export type Change = z.infer<typeof changeSchema>;

/** `version.seq` of the last change seen; "0.0" from scratch. */
export const cursorSchema = z.string().regex(/^\d{1,16}\.\d{1,16}$/);

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: cursorSchema,
  more: z.boolean(),
  /** The device's last applied mutation id, from the same snapshot as the changes. */
  lastMutationId: z.number().int(),
  /** Changes in scope after the cursor (this page included): for a progress bar. */
  remaining: z.number().int(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const checksumRequestSchema = z.strictObject({ caseIds: z.array(z.uuid()).min(1).max(500) });
export const checksumResponseSchema = z.object({ checksums: z.record(z.string(), z.string()) });

export const errorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  expected: z.number().optional(),
  /** Which fields a 400 refused, each with a code (`bad-text`, `too_small` …). */
  issues: z.array(z.object({ path: z.array(z.string()), code: z.string() })).optional(),
  /** A refused case file's own reason code and its parameters (i18n/caseFile.ts). */
  reason: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
