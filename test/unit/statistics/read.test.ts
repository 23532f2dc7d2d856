// The statistics' reads from the device's database: narrowed by index (cases by district, records, orders
// and events by case, filings by month or target), they give exactly the figures of the whole world
// filtered in memory — for every filter.
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src-renderer/db/db';
import { readStatisticsInput } from '../../../src-renderer/db/statistics';
import { ALL_TIME, type Period } from '../../../src-shared/statistics/period';
import { statisticsOf } from '../../../src-shared/statistics/statistics';
import { targetPoints } from '../../../src-shared/statistics/targets';
import type { StatisticsFilter } from '../../../src-shared/statistics/types';
import { D1, statisticsWorld, statisticsWorldTables } from '../../fixtures/statisticsWorld';

const TODAY = '2026-05-01';

beforeAll(async () => {
  const tables = statisticsWorldTables();
  await db.transaction('rw', db.tables.filter((t) => t.name in tables), async () => {
    for (const t of db.tables) if (t.name in tables) await t.bulkPut(tables[t.name]!);
  });

});

const periods: Period[] = [ALL_TIME, { kind: 'month', year: 2026, month: 3 }, { kind: 'month', year: 2026, month: 4 }, { kind: 'quarter', year: 2026, quarter: 2 }, { kind: 'year', year: 2026 }];
const filters: StatisticsFilter[] = periods.flatMap((period) => [null, D1].flatMap((drawId) => [null, '鼓楼区', '台江区'].map((district) => ({ drawId, period, district }))));

describe('statistics: reading the device database', () => {
  it.each(filters.map((f) => [JSON.stringify(f), f] as const))('reads what the filter needs: %s', async (_, filter) => {
    const world = statisticsWorld();
    const read = await readStatisticsInput(filter);
    expect(statisticsOf(read, filter, TODAY)).toEqual(statisticsOf(world, filter, TODAY));
    expect(targetPoints(read, filter)).toEqual(targetPoints(world, filter));
  });

  it('keeps a ledger as its total, a finding as its type and amount, a complaint case with its origin', async () => {
    const read = await readStatisticsInput({ drawId: null, period: ALL_TIME, district: null });
    expect(read.ledgers.map((l) => l.totalOverchargeFen).sort((a, b) => a - b)).toEqual([3000, 7001, 100000, 120050]);
    expect(read.findings).toHaveLength(4);
    expect(read.cases.find((c) => c.origin === 'complaint')).toMatchObject({ drawId: null, receivedOn: '2026-04-02', closedOn: '2026-04-10' });
    expect(read.draws[0]).toMatchObject({ id: D1, groups: [{ label: '鼓楼区', size: 4 }, { label: '台江区', size: 2 }] });
  });
});
