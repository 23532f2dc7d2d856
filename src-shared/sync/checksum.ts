// The per-case checksum both sides compute after a sync: equal means the laptop holds exactly the
// hub's case. SHA-256 of the canonical JSON of the case and its records (sorted by id).
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256Hex } from '../hash/sha256';
import { canonicalJson, type Json } from '../canonicalJson';
import type { Case, CaseRecord } from './records';

function caseContent(c: Case): Json {
  return {
    id: c.id, drawId: c.drawId, uscc: c.uscc, entityName: c.entityName, address: c.address, district: c.district,
    subdistrict: c.subdistrict, inspectors: c.inspectors, status: c.status, reviewNote: c.reviewNote, missingMedia: c.missingMedia,
    // Only once closed: the checksums of open cases stay what they were before closing dates were kept.
    ...(c.closedOn ? { closedOn: c.closedOn } : {}),
    // Likewise only on targeted cases and cases with complaints attached: drawn cases' checksums are unchanged.
    ...(c.origin && c.origin !== 'draw' ? { origin: c.origin, originDetail: (c.originDetail ?? null) as Json } : {}),
    ...(c.lead ? { lead: c.lead } : {}),
    ...(c.linkedComplaints && c.linkedComplaints.length > 0 ? { linkedComplaints: c.linkedComplaints as Json } : {}),
  };
}

function recordContent(r: CaseRecord): Json {
  return { id: r.id, kind: r.kind, data: r.data as Json, signature: r.signature as Json, createdBy: r.createdBy, createdAt: r.createdAt };
}

export function caseChecksum(c: Case, records: readonly CaseRecord[]): string {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const text = canonicalJson({ case: caseContent(c), records: sorted.map(recordContent) });
  return sha256Hex(utf8ToBytes(text));
}
