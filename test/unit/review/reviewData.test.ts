// The reviewer's overview reads: each proposal of the checks with the team's choice (taken, declined with its
// reason, still open — and a choice kept when the checks no longer propose it), and the schedule per tenant
// with its months and the ledger's Excel rows.
import { describe, expect, it } from 'vitest';
import { proposalDecisions, scheduleByTenant } from '../../../src-renderer/components/review/reviewData';
import type { LocalRecord } from '../../../src-renderer/db/cases';
import type { ProposedFinding } from '../../../src-shared/inspection/findings';

const record = (id: string, kind: string, data: Record<string, unknown>) => ({ id, kind, data }) as unknown as LocalRecord;
const proposal = (key: string, type: ProposedFinding['type']): ProposedFinding => ({ key, type, facts: `${key} facts`, basis: '', amountFen: null });

describe('review overview', () => {
  it('says how the team decided each proposal', () => {
    const records = [
      record('f1', 'finding', { title: '加价收费', proposal: 'overcharge' }),
      record('d1', 'proposalDismissed', { proposal: 'metering', reason: '铅封为供电公司更换，已核实' }),
      record('d2', 'proposalDismissed', { proposal: 'not-posted', reason: '公示在物业服务中心' }),
      record('f2', 'finding', { title: '其他' }),
    ];
    const decisions = proposalDecisions(records, [proposal('overcharge', 'markup'), proposal('metering', 'metering'), proposal('loss-share', 'loss-share')]);
    expect(decisions.map((d) => [d.key, d.state, d.findingTitle ?? d.reason ?? null, d.proposal?.facts ?? null])).toEqual([
      ['overcharge', 'taken', '加价收费', 'overcharge facts'],
      ['metering', 'declined', '铅封为供电公司更换，已核实', 'metering facts'],
      ['loss-share', 'open', null, 'loss-share facts'],
      ['not-posted', 'declined', '公示在物业服务中心', null],
    ]);
  });

  it('groups the schedule per tenant (names as the ledger wrote them) with the months and their rows', () => {
    const schedule = [
      { tenant: '奶茶店', month: '2026-01', chargedFen: 50000, lawfulFen: 41234, overchargeFen: 8766, lines: [3] },
      { tenant: '书店', month: '2026-01', chargedFen: 30000, lawfulFen: 30000, overchargeFen: 0, lines: [4] },
      { tenant: '奶茶店 ', month: '2026-02', chargedFen: 40000, lawfulFen: 39000, overchargeFen: 1000, lines: [7, 8] },
    ];
    expect(scheduleByTenant({ schedule }).map((t) => [t.tenant, t.chargedFen, t.lawfulFen, t.overchargeFen, t.months.map((m) => `${m.month}:${m.lines.join('、')}`)])).toEqual([
      ['奶茶店', 90000, 80234, 9766, ['2026-01:3', '2026-02:7、8']],
      ['书店', 30000, 30000, 0, ['2026-01:4']],
    ]);
  });
});
