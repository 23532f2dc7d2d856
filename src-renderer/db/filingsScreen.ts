// 申报筛查's work over the stored filings, run by the screening worker (workers/screening.worker.ts) on its own
// connection: every month screened again with the page's limits, the landlords ranked, and the months whose
// flags the limits change saved. A city's year is 46,000 months: read and ranked on the window it held the
// page for 0.5-1.2 s with tasks of up to 286 ms; the window now gets the 3,841 landlords' rows only.
import type { FlagLimits } from '../../src-shared/filings/indicators';
import { rescreened, sameFlags, type StoredFiling } from '../../src-shared/filings/stored';
import { landlordRows, type LandlordRow } from '../components/filings/landlordRows';
import { putFilings } from '../sync/filingsMutators';
import type { TariffDb } from './db';

/** The ranking under some limits, and how many months those limits flag otherwise than stored. */
export interface FilingsScreen {
  rows: LandlordRow[];
  changed: number;
}

/** What a screening reads: every stored month, and the target list's codes. */
export interface ScreeningWorld {
  filings: StoredFiling[];
  listed: Set<string>;
}

/** Every stored month and the list's codes, in one read. */
export async function readScreening(database: TariffDb): Promise<ScreeningWorld> {
  const [filings, keys] = await database.transaction('r', [database.filings, database.entities], () =>
    Promise.all([database.filings.toArray(), database.entities.toCollection().primaryKeys()]));
  return { filings, listed: new Set(keys as string[]) };
}

/** Every month screened with `limits`, and those whose flags that changes. */
function rescreenAll({ filings }: ScreeningWorld, limits: FlagLimits): { screened: StoredFiling[]; changed: StoredFiling[] } {
  const screened = filings.map((f) => rescreened(f, limits));
  return { screened, changed: screened.filter((f, i) => !sameFlags(f.flags, filings[i]!.flags)) };
}

/** The landlords ranked under `limits`, marked when not on the target list. */
export function screenWorld(world: ScreeningWorld, limits: FlagLimits): FilingsScreen {
  const { screened, changed } = rescreenAll(world, limits);
  return { rows: landlordRows(screened, world.listed), changed: changed.length };
}

/** Saves the flags `limits` give (through the putFilings mutator, as an import does); how many months changed. */
export async function saveRescreened(database: TariffDb, limits: FlagLimits, origin: { importedAt: string; source: string }): Promise<number> {
  const { changed } = rescreenAll(await readScreening(database), limits);
  await putFilings(database, changed.map((f) => ({ ...f, ...origin })), origin.source);
  return changed.length;
}

/** A landlord's months screened with `limits`, oldest first. */
export async function monthsOf(database: TariffDb, uscc: string, limits: FlagLimits): Promise<StoredFiling[]> {
  return (await database.filings.where('uscc').equals(uscc).sortBy('month')).map((f) => rescreened(f, limits));
}

/** The months of these landlords screened with `limits`, landlord by landlord in their order, oldest first (an export). */
export async function monthsOfAll(database: TariffDb, usccs: readonly string[], limits: FlagLimits): Promise<StoredFiling[]> {
  const all = await database.filings.where('uscc').anyOf([...usccs]).toArray();
  const order = new Map(usccs.map((u, i) => [u, i]));
  return all.sort((a, b) => order.get(a.uscc)! - order.get(b.uscc)! || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0)).map((f) => rescreened(f, limits));
}
