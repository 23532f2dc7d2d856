// A hub with lists, a draw and enrolled devices for every role: the stage of the sync tests.
import { randomUUID } from 'node:crypto';
import type { Entity, Inspector } from '../../../src-shared/domain';
import type { DrawPlan } from '../../../src-shared/draw/plan';
import { caseChecksum } from '../../../src-shared/sync/checksum';
import type { Mutation } from '../../../src-shared/sync/mutators';
import type { Change, PullResponse, PushResponse } from '../../../src-shared/sync/protocol';
import type { Case, CaseRecord } from '../../../src-shared/sync/records';
import { syntheticUscc } from '../../fixtures/synthetic';
import { bearer, openHub, type Device, type HubFixture } from './fixture';
import type { StoreFactory } from './stores';

export const CERTS = ['HD-001', 'HD-002', 'HD-003', 'HD-004'];

export function entity(i: number, district = '海淀区'): Entity {
  return {
    uscc: syntheticUscc(1, i), name: `目标${i}`, kind: 'mall', district, subdistrict: `街道${i}`, address: `地址${i}`, lng: null, lat: null,
    tenantCount: 10, contact: '', phone: '', credit: null, lastInspectors: [], active: true,
  };
}

export function inspector(certNo: string, district = '海淀区'): Inspector {
  return { certNo, name: `检查员${certNo}`, unit: '海淀局', district, subdistrict: '', phone: '', conflicts: [], active: true };
}

export const ALL_PLAN: DrawPlan = {
  name: '测试抽查', ratio: 1, groupBy: ['district'], riskRatios: {}, teamSize: 2, maxPerInspector: null,
  recusal: { sameSubdistrict: false, lastInspector: false },
};

/** A device that numbers its mutations like a laptop's outbox. */
export class Laptop {
  next = 1;
  constructor(
    readonly hub: HubFixture,
    public device: Device,
  ) {}

  mutation(name: string, args: unknown): Mutation {
    return { id: this.next++, name, args, hlc: `2026-03-02T01:00:00.000Z~${this.next.toString(16).padStart(4, '0')}` };
  }

  async push(mutations: Mutation[], clientTime = '2026-03-02T01:00:00.000Z') {
    return this.hub.app.inject({ method: 'POST', url: '/api/v1/push', headers: bearer(this.device.token), payload: { clientTime, mutations } });
  }

  async pushOk(mutations: Mutation[]): Promise<PushResponse> {
    const reply = await this.push(mutations);
    if (reply.statusCode !== 200) throw new Error(`push ${reply.statusCode}: ${reply.body}`);
    return reply.json<PushResponse>();
  }

  async pullPage(cursor = '0.0', limit = 500): Promise<PullResponse> {
    const reply = await this.hub.app.inject({ method: 'GET', url: `/api/v1/pull?cursor=${cursor}&limit=${limit}`, headers: bearer(this.device.token) });
    if (reply.statusCode !== 200) throw new Error(`pull ${reply.statusCode}: ${reply.body}`);
    return reply.json<PullResponse>();
  }

  /** Every change from scratch, page by page. */
  async pullAll(limit = 500): Promise<Change[]> {
    const out: Change[] = [];
    let cursor = '0.0';
    for (;;) {
      const page = await this.pullPage(cursor, limit);
      out.push(...page.changes);
      cursor = page.cursor;
      if (!page.more) return out;
    }
  }

  async checksums(caseIds: string[]): Promise<Record<string, string>> {
    const reply = await this.hub.app.inject({ method: 'POST', url: '/api/v1/checksums', headers: bearer(this.device.token), payload: { caseIds } });
    return reply.json<{ checksums: Record<string, string> }>().checksums;
  }
}

/** The latest row of every key of a pull, per table: what a client holds after applying it. */
export function replica(changes: Change[]): Map<string, Map<string, Record<string, unknown>>> {
  const tables = new Map<string, Map<string, Record<string, unknown>>>();
  for (const c of changes) {
    const t = tables.get(c.table) ?? new Map<string, Record<string, unknown>>();
    t.set(c.key, c.row);
    tables.set(c.table, t);
  }
  return tables;
}

/** Checksums a client would compute from its replica. */
export function replicaChecksums(changes: Change[]): Record<string, string> {
  const tables = replica(changes);
  const records = [...(tables.get('records')?.values() ?? [])] as unknown as CaseRecord[];
  const out: Record<string, string> = {};
  for (const c of tables.get('cases')?.values() ?? []) {
    const kase = c as unknown as Case;
    out[kase.id] = caseChecksum(kase, records.filter((r) => r.caseId === kase.id));
  }
  return out;
}

export interface World {
  hub: HubFixture;
  office: Laptop;
  lead: Laptop;
  /** One laptop per certificate in CERTS. */
  inspectors: Laptop[];
  cases: Case[];
  close(): Promise<void>;
}

export async function openWorld(factory: StoreFactory, targets = 4): Promise<World> {
  const hub = await openHub(factory);
  const office = new Laptop(hub, await hub.enrolled('office', 'office'));
  const lead = new Laptop(hub, await hub.enrolled('lead', 'lead'));
  const inspectors: Laptop[] = [];
  for (const cert of CERTS) inspectors.push(new Laptop(hub, await hub.enrolled('inspector', `insp-${cert}`, { certNo: cert })));
  await office.pushOk([
    office.mutation('putInspectors', { rows: CERTS.map((c) => inspector(c)) }),
    office.mutation('putEntities', { rows: Array.from({ length: targets }, (_, i) => entity(i + 1)) }),
  ]);
  const draw = await hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(lead.device.token), payload: { seed: '2026 第一批', plan: ALL_PLAN } });
  if (draw.statusCode !== 201) throw new Error(`draw ${draw.statusCode}: ${draw.body}`);
  const cases = [...(replica(await office.pullAll()).get('cases')?.values() ?? [])] as unknown as Case[];
  return { hub, office, lead, inspectors, cases, close: () => hub.close() };
}

/** The laptop of an inspector on `c`'s team, and one that is not. */
export function teamOf(world: World, c: Case): { member: Laptop; outsider: Laptop } {
  const member = world.inspectors.find((l) => c.inspectors.includes(CERTS[world.inspectors.indexOf(l)]!))!;
  const outsider = world.inspectors.find((l) => !c.inspectors.includes(CERTS[world.inspectors.indexOf(l)]!))!;
  return { member, outsider };
}

export function finding(caseId: string, title = '未按目录电价收费', id = randomUUID()) {
  return { id, caseId, kind: 'finding', data: { title, detail: '', severity: 'major', photos: [] } };
}
