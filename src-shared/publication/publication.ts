// A publication (一公开): the office publishes the results of a draw's closed cases on a date, through a
// channel (国家企业信用信息公示系统, the portal), each case with its result category. The same rule decides
// on the laptop (before the outbox) and on the hub (src-main/hub/publication/): only closed (approved)
// cases of that draw, each published once, never dated after today in China.
import { z } from 'zod';
import { cleanString } from '../text';
import { derivedCategory, PUBLICATION_CATEGORIES, type CaseOutcome, type DerivedCategory } from './category';

/** Where results are usually published (the office may type another). */
export const PUBLICATION_CHANNELS = ['国家企业信用信息公示系统', '门户网站'] as const;

/** Cases in one publication at most (a push carries it whole; a larger plan is published in parts). */
export const PUBLICATION_ENTRIES_MAX = 5000;

export const publicationEntrySchema = z.strictObject({
  caseId: z.uuid(),
  category: z.enum(PUBLICATION_CATEGORIES),
  /** What the notice says under 处理情况 besides any refund order; required for 'other'. */
  note: cleanString().trim().max(500),
});
export type PublicationEntry = z.infer<typeof publicationEntrySchema>;

export const publicationSchema = z
  .strictObject({
    id: z.uuid(),
    drawId: z.uuid(),
    /** The China date the results were published. */
    publishedOn: z.iso.date(),
    /** Where: 国家企业信用信息公示系统, 门户网站, … */
    channel: cleanString().trim().min(1).max(100),
    entries: z.array(publicationEntrySchema).min(1).max(PUBLICATION_ENTRIES_MAX),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.entries.forEach((e, i) => {
      if (seen.has(e.caseId)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'caseId'], params: { code: 'duplicate-key' }, message: 'the case is listed twice' });
      seen.add(e.caseId);
      if (e.category === 'other' && e.note === '') ctx.addIssue({ code: 'custom', path: ['entries', i, 'note'], params: { code: 'note-required' }, message: "'other' needs a note" });
    });
  });
export type Publication = z.infer<typeof publicationSchema>;

/** What the rule needs to know of a case listed in a publication. */
export interface PublicationCase {
  id: string;
  /** Null for a targeted case: it is in no draw, so no draw's publication lists it (wrong-draw). */
  drawId: string | null;
  status: string;
  outcome: CaseOutcome;
  /** The publication that published it already, or null. */
  publishedIn: string | null;
}

/** Why a publication is refused; each names the case (or the date) concerned. */
export type PublicationProblem =
  | { code: 'future-date'; today: string }
  | { code: 'not-found'; caseId: string }
  | { code: 'wrong-draw'; caseId: string }
  | { code: 'case-not-closed'; caseId: string; status: string }
  | { code: 'already-published'; caseId: string; publicationId: string }
  | { code: 'category'; caseId: string; derived: DerivedCategory };

/**
 * The first reason the publication may not be made, or null. `today` is the China date of whoever
 * decides (the hub's own clock there); `cases` holds every case the entries name that exists.
 */
export function publicationProblem(p: Publication, cases: ReadonlyMap<string, PublicationCase>, today: string): PublicationProblem | null {
  if (p.publishedOn > today) return { code: 'future-date', today };
  for (const e of p.entries) {
    const c = cases.get(e.caseId);
    if (!c) return { code: 'not-found', caseId: e.caseId };
    if (c.drawId !== p.drawId) return { code: 'wrong-draw', caseId: c.id };
    if (c.status !== 'approved') return { code: 'case-not-closed', caseId: c.id, status: c.status };
    if (c.publishedIn !== null) return { code: 'already-published', caseId: c.id, publicationId: c.publishedIn };
    // A category the case's own record contradicts (未发现问题 for a case with a refund order) is refused:
    // the office may say more (立案查处, 其他), never less.
    const derived = derivedCategory(c.outcome);
    if (e.category !== derived && e.category !== 'case-filed' && e.category !== 'other') return { code: 'category', caseId: c.id, derived };
  }
  return null;
}
