// Draws on the hub: refused over nothing, readable whole by the office and the district's lead only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drawResultSchema } from '../../../src-shared/draw/draw';
import { changeCounter } from '../../../src-main/hub/store/writeTransaction';
import { bearer } from './fixture';
import { STORES } from './stores';
import { ALL_PLAN, openWorld, replica, type World } from './syncWorld';

describe.each(STORES)('hub draws on $name', (factory) => {
  let world: World;
  beforeEach(async () => {
    world = await openWorld(factory);
  });
  afterEach(() => world.close());

  it('a lead of a district with no targets is refused with the reason; nothing is recorded or audited', async () => {
    const lead = await world.hub.enrolled('lead', 'chaoyang-lead', { district: '朝阳区' });
    const counter = await changeCounter(world.hub.store);
    const reply = await world.hub.app.inject({ method: 'POST', url: '/api/v1/draws', headers: bearer(lead.token), payload: { seed: '空', plan: ALL_PLAN } });
    expect(reply.statusCode).toBe(422);
    expect(reply.json()).toMatchObject({ error: 'draw-failed', code: 'empty-list', message: '检查对象名录中没有在册的检查对象，无法抽取（请先导入或同步名录）' });
    expect(await changeCounter(world.hub.store)).toBe(counter);
    const [draws] = await world.hub.store.query<{ n: unknown }>('SELECT count(*) AS n FROM draws');
    expect(Number(draws?.n)).toBe(1);
  });

  it('the whole draw (record, groups, selected with teams, rows left out) for the office and its lead; 404 for another district, 403 for an inspector', async () => {
    const [drawId] = [...(replica(await world.lead.pullAll()).get('draws')?.keys() ?? [])];
    expect(drawId).toBeDefined();
    const read = (token: string) => world.hub.app.inject({ method: 'GET', url: `/api/v1/draws/${drawId}`, headers: bearer(token) });
    const byLead = await read(world.lead.device.token);
    expect(byLead.statusCode).toBe(200);
    const body = byLead.json<{ by: string; district: string; result: unknown }>();
    const result = drawResultSchema.parse(body.result);
    expect(body).toMatchObject({ by: 'lead', district: '海淀区' });
    expect(result.selected.map((s) => s.uscc).sort()).toEqual(world.cases.map((c) => c.uscc).sort());
    for (const s of result.selected) expect(s.inspectors).toEqual(world.cases.find((c) => c.uscc === s.uscc)!.inspectors);
    expect(result.selected[0]).toMatchObject({ district: '海淀区', kind: 'mall', group: '海淀区' });
    expect((await read(world.office.device.token)).json()).toEqual(body);
    const other = await world.hub.enrolled('lead', 'chaoyang-lead', { district: '朝阳区' });
    expect((await read(other.token)).statusCode).toBe(404);
    expect((await read(world.inspectors[0]!.device.token)).json()).toMatchObject({ error: 'forbidden' });
  });
});
