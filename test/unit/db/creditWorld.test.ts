// 评定 as the worker runs it (db/creditWorld.ts): every target on this device graded by the rule in force, the
// stages told in order; only the targets whose grade would change are proposed.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultCreditRule } from '../../../src-shared/credit/rule';
import type { Entity } from '../../../src-shared/domain';
import { evaluateCreditWorld, type CreditStage } from '../../../src-renderer/db/creditWorld';
import { openDb } from '../../../src-renderer/db/db';

const entity = (uscc: string, name: string, credit: Entity['credit']): Entity => ({
  uscc, name, credit, kind: 'mall', district: '鼓楼区', subdistrict: '东街街道', address: '', lng: null, lat: null, tenantCount: null,
  contact: '', phone: '', lastInspectors: [], active: true,
});

describe('evaluateCreditWorld', () => {
  it('grades every target, proposes only the changes, and tells its stages in order', async () => {
    const db = openDb(`credit-world-${Math.random()}`);
    await db.entities.bulkPut([entity('91350100M000100Y43', '福州万象城', null), entity('91110000600037341L', '软件园', 'blue'), entity('91310115MA1K3BTP2B', '世贸写字楼', 'red')]);
    const stages: CreditStage[] = [];
    const out = await evaluateCreditWorld(db, defaultCreditRule(), '2026-12-07', (s) => stages.push(s));
    expect(stages).toEqual(['read', 'grade']);
    expect(out.targets).toBe(3);
    const reason = '不符合规则「默认信用评定规则」的任何条件，按默认等级 → 蓝';
    const ruleId = defaultCreditRule().id;
    // In the list's order (the USCC); 软件园 is blue already.
    expect(out.proposals).toEqual([
      { uscc: '91310115MA1K3BTP2B', name: '世贸写字楼', from: 'red', to: 'blue', reason, ruleId },
      { uscc: '91350100M000100Y43', name: '福州万象城', from: null, to: 'blue', reason, ruleId },
    ]);
  });
});
