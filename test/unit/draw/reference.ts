// The draw written the slow, obvious way, straight from docs/draw-algorithm.md: every seat scans every
// inspector and rebuilds its pool. The fast implementation must agree with it exactly, word for word of the stream.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { CreditGrade, Entity, EntityKind, Inspector } from '../../../src-shared/domain';
import { entitiesHash, inspectorsHash, planHash } from '../../../src-shared/draw/canonical';
import { normalizePlan, ratioBasisPoints, type DrawPlan, type GroupDimension } from '../../../src-shared/draw/plan';
import { DrawStream, deriveKey } from '../../../src-shared/draw/rng';
import { blankEntityDetails, syntheticUscc } from '../../fixtures/synthetic';

export interface ReferenceLine {
  uscc: string;
  inspectors: string[];
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

function value(e: Entity, d: GroupDimension): string {
  return d === 'credit' ? (e.credit ?? '') : e[d];
}

/** The draw's selection with teams, or the target whose seat cannot be filled. */
export function referenceDraw(entities: readonly Entity[], inspectors: readonly Inspector[], planInput: DrawPlan, seed: string): ReferenceLine[] | { unfillable: Entity } {
  const plan = normalizePlan(planInput);
  const es = entities.filter((e) => e.active).sort(byKey((e) => e.uscc));
  const is = inspectors.filter((i) => i.active).sort(byKey((i) => i.certNo));
  const stream = new DrawStream(deriveKey({ seed, entitiesHash: entitiesHash(entities), inspectorsHash: inspectorsHash(inspectors), planHash: planHash(plan) }));

  const groups = new Map<string, { values: string[]; members: Entity[] }>();
  for (const e of es) {
    const values = plan.groupBy.map((d) => value(e, d));
    const k = JSON.stringify(values);
    if (!groups.has(k)) groups.set(k, { values, members: [] });
    groups.get(k)!.members.push(e);
  }
  const ordered = [...groups.values()].sort((a, b) => {
    for (let i = 0; i < a.values.length; i++) if (a.values[i] !== b.values[i]) return a.values[i]! < b.values[i]! ? -1 : 1;
    return 0;
  });

  const selected: Entity[] = [];
  for (const g of ordered) {
    const credit = plan.groupBy.includes('credit') ? g.members[0]!.credit : null;
    const ratio = (credit !== null ? plan.riskRatios[credit] : undefined) ?? plan.ratio;
    // ceil(bp × size / 10000) in exact integers, computed here independently of plan.ts.
    const k = Number((BigInt(ratioBasisPoints(ratio)) * BigInt(g.members.length) + 9999n) / 10000n);
    if (k > g.members.length) throw new Error(`reference: ${k} to select from a group of ${g.members.length}`);
    const a = g.members.slice();
    const m = Math.min(k, a.length - k);
    for (let i = 0; i < m; i++) {
      const j = i + stream.uniform(a.length - i);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    selected.push(...(m === k ? a.slice(0, k) : a.slice(m)));
  }
  selected.sort(byKey((e) => e.uscc));

  // Per district, its inspectors in one sequence kept sorted by load; a seat moves its inspector to the end
  // of its load's run of places by one swap.
  const sequence = new Map<string, Inspector[]>();
  for (const i of is) {
    const seq = sequence.get(i.district);
    if (seq) seq.push(i);
    else sequence.set(i.district, [i]);
  }
  const load = new Map<string, number>(is.map((i) => [i.certNo, 0]));
  const out: ReferenceLine[] = [];
  for (const t of selected) {
    const team: string[] = [];
    const seq = sequence.get(t.district) ?? [];
    const eligible = (i: Inspector) =>
      !team.includes(i.certNo) &&
      !(plan.recusal.sameSubdistrict && i.subdistrict !== '' && i.subdistrict === t.subdistrict) &&
      !i.conflicts.includes(t.uscc) &&
      !(plan.recusal.lastInspector && t.lastInspectors.includes(i.certNo)) &&
      (plan.maxPerInspector === null || load.get(i.certNo)! < plan.maxPerInspector);
    const take = (i: Inspector) => {
      const l = load.get(i.certNo)!;
      let end = seq.length - 1;
      while (load.get(seq[end]!.certNo) !== l) end--;
      const p = seq.indexOf(i);
      [seq[p], seq[end]] = [seq[end]!, seq[p]!];
      load.set(i.certNo, l + 1);
      team.push(i.certNo);
    };
    while (team.length < plan.teamSize) {
      const candidates = seq.filter(eligible);
      if (candidates.length === 0) return { unfillable: t };
      const least = candidates.reduce((min, i) => Math.min(min, load.get(i.certNo)!), Infinity);
      const segment = seq.filter((i) => load.get(i.certNo) === least);
      const size = segment.length;
      const eligibleCount = segment.filter(eligible).length;
      if (2 * eligibleCount < size) {
        take(segment.filter(eligible)[stream.uniform(eligibleCount)]!);
      } else if (plan.teamSize - team.length >= 2 && eligibleCount >= 2 && size <= 65536) {
        for (;;) {
          const r = stream.uniform(size * (size - 1));
          const a = segment[Math.floor(r / (size - 1))]!;
          // The segment once `a` has left it: its last member takes a's place.
          const rest = segment.map((x) => (x === a ? segment[size - 1]! : x)).slice(0, size - 1);
          const b = rest[r % (size - 1)]!;
          if (!eligible(a) || !eligible(b)) continue;
          take(a);
          take(b);
          break;
        }
      } else {
        for (;;) {
          const a = segment[stream.uniform(size)]!;
          if (!eligible(a)) continue;
          take(a);
          break;
        }
      }
    }
    out.push({ uscc: t.uscc, inspectors: team });
  }
  return out;
}

/**
 * The output hash of docs/draw-algorithm.md §10, from the spec: SHA-256 of the ASCII bytes
 * "tariffcheck-draw-output/2", then per line uint32le(target index), uint32le(team size) and
 * uint32le(inspector index) per seat, indices into the active rows sorted by key; 0xffffffff for a name
 * not in its list.
 */
export function referenceOutputHash(lines: readonly ReferenceLine[], entities: readonly Entity[], inspectors: readonly Inspector[]): string {
  const usccs = entities.filter((e) => e.active).map((e) => e.uscc).sort();
  const certNos = inspectors.filter((i) => i.active).map((i) => i.certNo).sort();
  const index = (keys: string[], key: string) => {
    const i = keys.indexOf(key);
    return i < 0 ? 0xffffffff : i;
  };
  const words: number[] = [];
  for (const line of lines) words.push(index(usccs, line.uscc), line.inspectors.length, ...line.inspectors.map((c) => index(certNos, c)));
  const body = Buffer.alloc(words.length * 4);
  words.forEach((w, i) => body.writeUInt32LE(w, i * 4));
  return createHash('sha256').update(Buffer.from('tariffcheck-draw-output/2', 'ascii')).update(body).digest('hex');
}

const DISTRICTS = ['鼓楼区', '台江区', '仓山区'];
const SUBDISTRICTS = ['东街街道', '南街街道', '温泉街道', ''];
const KINDS: EntityKind[] = ['mall', 'industrial_park', 'office_building', 'other'];
const GRADES: (CreditGrade | null)[] = ['green', 'blue', 'yellow', 'red', 'black', null];

/** Small lists with few districts, so that recusal and workload limits bite: entities, inspectors. */
export const smallLists = fc
  .record({
    entityCount: fc.integer({ min: 1, max: 30 }),
    inspectorCount: fc.integer({ min: 0, max: 30 }),
    districts: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ entityCount, inspectorCount, districts }) =>
    fc.record({
      entities: fc.array(
        fc.record({
          d: fc.integer({ min: 0, max: districts - 1 }),
          s: fc.constantFrom(...SUBDISTRICTS),
          kind: fc.constantFrom(...KINDS),
          credit: fc.constantFrom(...GRADES),
          active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
          last: fc.array(fc.integer({ min: 0, max: Math.max(0, inspectorCount - 1) }), { maxLength: 2 }),
        }),
        { minLength: entityCount, maxLength: entityCount },
      ),
      inspectors: fc.array(
        fc.record({
          d: fc.integer({ min: 0, max: districts - 1 }),
          s: fc.constantFrom(...SUBDISTRICTS),
          active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
          conflicts: fc.array(fc.integer({ min: 0, max: entityCount - 1 }), { maxLength: 2 }),
        }),
        { minLength: inspectorCount, maxLength: inspectorCount },
      ),
    }),
  )
  .map(({ entities, inspectors }) => {
    const certNo = (i: number) => `3501${String(1000 + i * 7)}`;
    const es: Entity[] = entities.map((e, i) => ({
      ...blankEntityDetails,
      uscc: syntheticUscc(e.d, i),
      name: `测试对象${i}`,
      kind: e.kind,
      district: DISTRICTS[e.d]!,
      subdistrict: e.s,
      credit: e.credit,
      lastInspectors: inspectors.length === 0 ? [] : e.last.map(certNo),
      active: e.active,
    }));
    const is: Inspector[] = inspectors.map((x, i) => ({
      certNo: certNo(i),
      name: `检查员${i}`,
      unit: '',
      district: DISTRICTS[x.d]!,
      subdistrict: x.s,
      phone: '',
      conflicts: x.conflicts.map((k) => es[k]!.uscc),
      active: x.active,
    }));
    return { entities: es, inspectors: is };
  });

/** Valid plans of every shape the schema allows. */
export const plans: fc.Arbitrary<DrawPlan> = fc
  .record({
    ratio: fc.constantFrom(0.5, 0.6, 0.7, 0.75, 0.9, 1),
    dims: fc.subarray(['subdistrict', 'kind', 'credit'] as const),
    risk: fc.subarray(['yellow', 'red', 'black'] as const),
    riskRatio: fc.constantFrom(0.8, 1),
    teamSize: fc.integer({ min: 2, max: 4 }),
    max: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
    sameSubdistrict: fc.boolean(),
    lastInspector: fc.boolean(),
  })
  .map(({ ratio, dims, risk, riskRatio, teamSize, max, sameSubdistrict, lastInspector }) => ({
    name: '属性测试',
    ratio,
    groupBy: ['district', ...dims],
    riskRatios: Object.fromEntries(risk.map((g) => [g, Math.max(ratio, riskRatio)])),
    teamSize,
    maxPerInspector: max,
    recusal: { sameSubdistrict, lastInspector },
  }));
