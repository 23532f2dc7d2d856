// Findings (违法事实) proposed from the checks: an overcharge found, a price posted above the catalogue,
// no notice posted, a metering problem, a loss share above the measured loss. The inspector confirms
// (it becomes a finding record) or discards each; nothing is recorded without that choice.
import Big from 'big.js';
import { formatFen, type Fen } from '../money';
import { inspectionText } from '../i18n/inspection';
import { TOU_WORDS } from '../tariff/types';
import { meterFlags, type AccuracyClass, type LossCheck, type Meter } from './meters';
import { basisOfType, defaultOfficeSettings, verificationYearsOf, type OfficeSettings } from './officeSettings';
import type { PostingCheck } from './postedTariff';

/** The types the checks propose (codes of the built-in list; the office may relabel them or add others). */
export const FINDING_TYPES = ['markup', 'not-posted', 'loss-share', 'extra-fee', 'price-cut', 'metering', 'other'] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

export interface ProposedFinding {
  /** Stable while the checks say the same: a confirmed or discarded proposal is not offered again. */
  key: string;
  type: FindingType;
  facts: string;
  basis: string;
  amountFen: Fen | null;
}

export interface CheckResults {
  /** The overcharge kept with the case: total fen, tenants and months concerned. */
  overcharge?: { totalFen: Fen; tenants: number; months: number } | null;
  posting?: PostingCheck | null;
  meters?: readonly Meter[];
  checkedOn: string;
  years?: Readonly<Record<AccuracyClass, number>>;
  loss?: LossCheck | null;
  /** The office's lists (the bases a type cites); the defaults when absent. */
  settings?: OfficeSettings;
  /** The loss share the landlord charges, as a rate ('0.08'), when it charges one. */
  chargedLossRate?: string | null;
}

const percent = (rate: string) => `${new Big(rate).times(100).toFixed(2)}%`;

/** What the checks propose, in a fixed order (overcharge, posting, loss, meters). */
export function proposeFindings(c: CheckResults): ProposedFinding[] {
  const out: ProposedFinding[] = [];
  const sep = inspectionText('finding.separator');
  const settings = c.settings ?? defaultOfficeSettings();
  const propose = (key: string, type: FindingType, facts: string, amountFen: Fen | null = null) => out.push({ key, type, facts, basis: basisOfType(settings, type), amountFen });
  if (c.overcharge && c.overcharge.totalFen > 0) {
    const { totalFen, tenants, months } = c.overcharge;
    propose('overcharge', 'markup', inspectionText('finding.facts.overcharge', { tenants, months, amount: formatFen(totalFen) }), totalFen);
  }
  if (c.posting?.notPosted) propose('not-posted', 'not-posted', inspectionText('finding.facts.notPosted'));
  const above = (c.posting?.prices ?? []).filter((p) => p.flag === 'above');
  if (above.length > 0) {
    const items = above.map((p) => inspectionText('finding.item.postedAbove', { category: p.category, period: TOU_WORDS[p.period], posted: p.posted, catalogue: p.catalogue ?? '' }));
    propose('posted-above', 'markup', inspectionText('finding.facts.postedAbove', { items: items.join(sep) }));
  }
  const real = c.loss?.lossRate;
  if (c.chargedLossRate && real !== null && real !== undefined && new Big(c.chargedLossRate).gt(real)) {
    propose('loss-share', 'loss-share', inspectionText('finding.facts.loss', { charged: percent(c.chargedLossRate), real: percent(real) }));
  }
  const meterItems = (c.meters ?? []).flatMap((m) => meterFlags(m, c.checkedOn, c.years ?? verificationYearsOf(settings)).map((f) => {
    switch (f.code) {
      case 'verification-overdue': return inspectionText('finding.item.overdue', { meterNo: m.meterNo, due: f.due });
      case 'verification-unknown': return inspectionText('finding.item.unknown', { meterNo: m.meterNo });
      case 'seal-broken': return inspectionText('finding.item.seal', { meterNo: m.meterNo });
      case 'reading-backwards': return inspectionText('finding.item.backwards', { meterNo: m.meterNo, previous: f.previous, value: f.value });
    }
  }));
  if (meterItems.length > 0) propose('metering', 'metering', inspectionText('finding.facts.meters', { items: meterItems.join(sep) }));
  return out;
}
