// 申报筛查 off the window's thread (db/filingsScreen.ts): the stored months screened again and ranked, and the
// flags the page's limits give saved. The worker reads and writes this device's database itself, and keeps
// what it read for the next limits while the window's version of the filings is the same (a city's year
// takes 0.7 s to read and 0.3 s to screen).
import type { FlagLimits } from '../../src-shared/filings/indicators';
import { db } from '../db/db';
import { readScreening, saveRescreened, screenWorld, type FilingsScreen, type ScreeningWorld } from '../db/filingsScreen';
import { serveTask } from './serve';

export type ScreeningRequest =
  /** `version`: the window's count of writes to the filings and the list (db/filings.ts useFilingsVersion). */
  | { type: 'screen'; limits: FlagLimits; version: number }
  | { type: 'save'; limits: FlagLimits; importedAt: string; source: string };

export type ScreeningReply = { type: 'screened'; screen: FilingsScreen } | { type: 'saved'; count: number };

let held: { version: number; world: ScreeningWorld } | null = null;

async function screen(limits: FlagLimits, version: number): Promise<FilingsScreen> {
  if (held?.version !== version) held = { version, world: await readScreening(db) };
  return screenWorld(held.world, limits);
}

serveTask<ScreeningRequest, never, ScreeningReply>(async (request) => {
  if (request.type === 'screen') return { type: 'screened', screen: await screen(request.limits, request.version) };
  held = null;
  return { type: 'saved', count: await saveRescreened(db, request.limits, { importedAt: request.importedAt, source: request.source }) };
});
