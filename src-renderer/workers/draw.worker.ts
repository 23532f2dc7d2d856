// The draw off the window's thread: reads both lists from this device's database, runs the draw,
// keeps it, and answers with its id and size, so that neither the draw nor copying 100,000 rows
// between threads ever holds the window (DESIGN.md "Nothing freezes").
import { DrawError, runDrawAsync } from '../../src-shared/draw/draw';
import type { DrawPlan } from '../../src-shared/draw/plan';
import { db } from '../db/db';

export interface DrawRequest {
  id: string;
  plan: DrawPlan;
  seed: string;
  by: string;
}

export type DrawReply =
  | { ok: true; id: string; selected: number }
  | { ok: false; error: { name: 'DrawError'; code: string; group: string; rule: string; message: string; rules: string[] } | { name: 'Error'; message: string } };

self.onmessage = async (event: MessageEvent<DrawRequest>) => {
  const { id, plan, seed, by } = event.data;
  try {
    const [entities, inspectors] = await Promise.all([db.entities.toArray(), db.inspectors.toArray()]);
    const result = await runDrawAsync({ entities, inspectors, plan, seed });
    await db.draws.add({ id, drawnAt: result.record.drawnAt, drawnBy: by, result });
    self.postMessage({ ok: true, id, selected: result.selected.length } satisfies DrawReply);
  } catch (e) {
    const error: DrawReply & { ok: false } = e instanceof DrawError
      ? { ok: false, error: { name: 'DrawError', code: e.code, group: e.group, rule: e.rule, message: e.message, rules: [...e.rules] } }
      : { ok: false, error: { name: 'Error', message: e instanceof Error ? e.message : String(e) } };
    self.postMessage(error);
  }
};
