// The audit log's hash chain: each entry's hash covers the previous entry's hash and its own content.
import { createHash } from 'node:crypto';
import { canonicalJson, type Json } from '../../../src-shared/canonicalJson';

/** The prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry says; `at` is an ISO-8601 UTC instant with milliseconds. */
export interface AuditContent {
  at: string;
  actorUser: string | null;
  actorDevice: string | null;
  action: string;
  subject: string;
  before: Json | null;
  after: Json | null;
}

/** Hex SHA-256 of UTF-8(prevHash + canonical JSON of the content). */
export function entryHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson({ ...content }))
    .digest('hex');
}
