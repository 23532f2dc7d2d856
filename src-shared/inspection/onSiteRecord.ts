// The on-site record (现场检查笔录): one per visit, composed from the case's checks, findings and
// evidence; signed on screen by every inspector present and by the party's representative (or the
// refusal noted, with a witness). Once anyone has signed it, it is frozen: later changes go into a
// supplement (补充笔录), signed in turn.
import Big from 'big.js';
import { z } from 'zod';
import { inspectionText } from '../i18n/inspection';
import { formatFen } from '../money';
import { TOU_WORDS, type TariffTable } from '../tariff/types';
import { cleanString } from '../text';
import { formatChinaTime } from '../time';
import type { Photo } from './evidence';
import type { LedgerCheck } from './ledgerCheck';
import { chinaDate, consumption, lossCheck, meterFlags, type AccuracyClass, type Meter } from './meters';
import { checkPosting, type TariffPosting } from './postedTariff';

const shortText = cleanString().trim().max(200);

export const recordSectionSchema = z.strictObject({ heading: shortText, lines: z.array(cleanString().max(5000)).max(500) });
export type RecordSection = z.infer<typeof recordSectionSchema>;

export const onSiteRecordSchema = z.strictObject({
  /** null for 现场检查笔录; the id of the record it adds to for 补充笔录. */
  supplementOf: z.uuid().nullable(),
  startedAt: z.iso.datetime(),
  place: shortText.min(1),
  party: z.strictObject({
    name: shortText.min(1),
    uscc: z.string().max(18),
    address: shortText,
    representative: shortText.min(1),
    title: shortText,
    phone: z.string().max(40),
  }),
  /** The inspectors present: each must sign. */
  inspectors: z.array(z.strictObject({ certNo: z.string().min(1).max(40), name: shortText.min(1) })).min(1).max(10),
  sections: z.array(recordSectionSchema).min(1).max(50),
  /** The case records it covers, by id (what was checked and found when it was composed). */
  covers: z.array(z.uuid()).max(5000),
});
export type OnSiteRecord = z.infer<typeof onSiteRecordSchema>;

export const SIGNER_ROLES = ['inspector', 'party', 'witness'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

export const onSiteSignatureSchema = z.strictObject({
  /** The on-site record (or supplement) signed. */
  recordId: z.uuid(),
  role: z.enum(SIGNER_ROLES),
  name: shortText.min(1),
  /** The inspector's certificate number ('' for the party and a witness). */
  certNo: z.string().max(40),
  /** The PNG of the signature (a blob); null when the party refuses to sign. */
  image: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  /** The party refused to sign (noted by the inspectors; a witness then signs). */
  refused: z.boolean(),
  note: cleanString().max(2000),
  signedAt: z.iso.datetime(),
}).refine((s) => (s.refused ? s.role === 'party' && s.image === null : s.image !== null), { message: 'a signature has an image; only a party may refuse, without one', params: { code: 'signature-image' } });
export type OnSiteSignature = z.infer<typeof onSiteSignatureSchema>;

export interface SignatureStatus {
  /** Inspectors present who have not signed yet (certificate numbers). */
  inspectorsMissing: string[];
  party: 'signed' | 'refused' | 'missing';
  /** A refusal needs a witness's signature. */
  witnessMissing: boolean;
  complete: boolean;
}

/** Who still has to sign a record, from the signatures made on it. */
export function signatureStatus(record: Pick<OnSiteRecord, 'inspectors'>, signatures: readonly OnSiteSignature[]): SignatureStatus {
  const signedCerts = new Set(signatures.filter((s) => s.role === 'inspector').map((s) => s.certNo));
  const inspectorsMissing = record.inspectors.map((i) => i.certNo).filter((c) => !signedCerts.has(c));
  const partySigs = signatures.filter((s) => s.role === 'party');
  const party = partySigs.some((s) => !s.refused) ? 'signed' : partySigs.some((s) => s.refused) ? 'refused' : 'missing';
  const witnessMissing = party === 'refused' && !signatures.some((s) => s.role === 'witness');
  return { inspectorsMissing, party, witnessMissing, complete: inspectorsMissing.length === 0 && party !== 'missing' && !witnessMissing };
}

export interface CaseChecks {
  meters: readonly { id: string; meter: Meter }[];
  posting: { id: string; posting: TariffPosting } | null;
  table: TariffTable | null;
  ledgers: readonly { id: string; check: LedgerCheck }[];
  findings: readonly { id: string; type: string | null; title: string; facts: string; basis: string; amountFen: number | null }[];
  photos: readonly { id: string; photo: Photo }[];
  /** The China date of the visit, for the meters' verification flags. */
  checkedOn: string;
  /** The office's verification periods (JJG 596 when absent). */
  years?: Readonly<Record<AccuracyClass, number>>;
}

const t = inspectionText;

/** The sections of a record composed from the case's checks (Chinese), and the records it covers. */
export function composeSections(c: CaseChecks): { sections: RecordSection[]; covers: string[] } {
  const sections: RecordSection[] = [];
  const covers: string[] = [];
  const meterLines = c.meters.map(({ id, meter: m }) => {
    covers.push(id);
    const flags = meterFlags(m, c.checkedOn, c.years).map((f) => t(`record.flag.${f.code}`, f as unknown as Record<string, string>));
    return t('record.meter', {
      role: t(`record.role.${m.role}`), no: m.meterNo, tenant: m.tenant ? `（${m.tenant}）` : '', cls: m.accuracyClass, multiplier: m.multiplier,
      readings: m.readings.map((r) => `${r.value}（${formatChinaTime(r.at, false)}）`).join(' → '), use: consumption(m) ?? '—',
      seal: t(m.sealIntact ? 'record.seal.intact' : 'record.seal.broken'), verified: m.verifiedOn ?? t('record.unknown'),
    }) + (flags.length ? t('record.flags', { flags: flags.join('；') }) : '');
  });
  if (meterLines.length > 0) {
    const loss = lossCheck(c.meters.map((m) => m.meter));
    if (loss.lossRate !== null) meterLines.push(t('record.loss', { main: loss.mainKwh, sub: loss.subKwh, rate: `${new Big(loss.lossRate).times(100).toFixed(2)}%` }));
    sections.push({ heading: t('record.heading.meters'), lines: meterLines });
  }
  if (c.posting) {
    covers.push(c.posting.id);
    const p = c.posting.posting;
    const check = checkPosting(p, c.table);
    const lines = p.posted ? [t('record.posted', { location: p.location || t('record.unknown') })] : [t('record.notPosted')];
    for (const x of check.prices) {
      lines.push(x.catalogue === null
        ? t('record.priceNoCatalogue', { category: x.category, period: TOU_WORDS[x.period], posted: x.posted })
        : t('record.price', { category: x.category, period: TOU_WORDS[x.period], posted: x.posted, month: p.month, catalogue: x.catalogue, result: t(`record.price.${x.flag}`, { difference: x.difference?.replace('-', '') ?? '' }) }));
    }
    if (p.chargedLossRate) lines.push(t('record.chargedLoss', { rate: `${new Big(p.chargedLossRate).times(100).toFixed(2)}%` }));
    sections.push({ heading: t('record.heading.posting'), lines });
  }
  if (c.ledgers.length > 0) {
    const lines = c.ledgers.map(({ id, check }) => {
      covers.push(id);
      const over = check.schedule.filter((r) => r.overchargeFen > 0);
      return t('record.ledger', { file: check.file.name, sha: check.file.sha256, lines: check.linesComputed, tenants: new Set(over.map((r) => r.tenant)).size, rows: over.length, amount: formatFen(check.totalOverchargeFen) });
    });
    sections.push({ heading: t('record.heading.ledger'), lines });
  }
  const numbers = '一二三四五六七八九十';
  sections.push({
    heading: t('record.heading.findings'),
    lines: c.findings.length === 0 ? [t('record.noFindings')] : c.findings.map((f, i) => {
      covers.push(f.id);
      const amount = f.amountFen !== null ? t('record.findingAmount', { amount: formatFen(f.amountFen) }) : '';
      return `${numbers[i] ?? String(i + 1)}、${f.title}：${f.facts}${f.basis ? t('record.findingBasis', { basis: f.basis }) : ''}${amount}`;
    }),
  });
  if (c.photos.length > 0) {
    sections.push({ heading: t('record.heading.evidence'), lines: c.photos.map(({ id, photo }, i) => {
      covers.push(id);
      return t('record.photo', { n: i + 1, caption: photo.caption || photo.name, time: photo.takenAt ? formatChinaTime(photo.takenAt, false) : t('record.unknown'), sha: photo.sha256 });
    }) });
  }
  return { sections, covers };
}

/** The visit's China date for a record started at `startedAt`. */
export const visitDate = (startedAt: string): string => chinaDate(new Date(startedAt));
