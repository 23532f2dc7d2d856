// Whether a case may be approved (审核通过, after which it is frozen and a refund order can be made
// from it): every conflict about it settled, and every on-site record and supplement fully signed (each
// inspector present, the party or its refusal with a witness). The laptop says why before it queues the
// approval; the hub refuses it for the same reasons when a device that did not know pushes it anyway.
import { signatureStatus, type OnSiteRecord, type OnSiteSignature } from '../inspection/onSiteRecord';

export type ApprovalProblem =
  | { code: 'open-conflicts'; count: number }
  | { code: 'unsigned-record'; recordId: string; supplement: boolean; missing: string[]; witness: boolean };

/** The records as both sides hold them: kind and data. */
export interface RecordLike {
  id: string;
  kind: string;
  data: Record<string, unknown>;
}

export function approvalProblems(records: readonly RecordLike[], openConflicts: number): ApprovalProblem[] {
  const problems: ApprovalProblem[] = [];
  if (openConflicts > 0) problems.push({ code: 'open-conflicts', count: openConflicts });
  const signatures = records.filter((r) => r.kind === 'onSiteSignature').map((r) => r.data as unknown as OnSiteSignature);
  for (const r of records) {
    if (r.kind !== 'onSiteRecord') continue;
    const record = r.data as unknown as OnSiteRecord;
    const status = signatureStatus(record, signatures.filter((s) => s.recordId === r.id));
    if (status.complete) continue;
    const names = new Map(record.inspectors.map((i) => [i.certNo, i.name]));
    const missing = [
      ...status.inspectorsMissing.map((c) => names.get(c) ?? c),
      ...(status.party === 'missing' ? [record.party.representative || record.party.name] : []),
    ];
    problems.push({ code: 'unsigned-record', recordId: r.id, supplement: record.supplementOf !== null, missing, witness: status.witnessMissing });
  }
  return problems;
}
