import type { DrawResult } from '../../src-shared/draw/draw';

/** A draw kept on this device, with who ran it. `id` is a UUIDv7 (sortable by creation). */
export interface SavedDraw {
  id: string;
  /** UTC ISO time of the draw (the same as result.record.drawnAt). */
  drawnAt: string;
  drawnBy: string;
  result: DrawResult;
  /** 'hub' for a draw a lead or the office made on the hub (fetched whole); absent for one made here. */
  source?: 'hub';
}
