// What the office keeps for every inspection (检查设置): the finding types and the legal bases inspectors
// choose from, the verification period per accuracy class, and the map's tile source. One document,
// replaced whole by the office (putOfficeSettings) and pulled by every device; until the office saves
// one, every device works from the defaults below (JJG 596 periods, the built-in types and bases).
import { z } from 'zod';
import { inspectionText } from '../i18n/inspection';
import { cleanString } from '../text';
import { calendarDataSchema } from '../calendar/workdays';
import { ACCURACY_CLASSES, JJG596_YEARS, type AccuracyClass } from './meters';

/** The key of the one settings document, on the hub and on every device. */
export const OFFICE_SETTINGS_KEY = 'inspection';

/** A code names a type or a basis in records; it never changes once used (labels may). */
export const settingCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
const code = settingCode;

export const findingTypeSchema = z.strictObject({
  code,
  label: cleanString().trim().min(1).max(40),
  /** The legal bases (their codes) a finding of this type cites unless the inspector changes them. */
  bases: z.array(code).max(10),
  /** A retired type stays readable in old records but is no longer offered. */
  active: z.boolean(),
});
export type FindingTypeSetting = z.infer<typeof findingTypeSchema>;

export const legalBasisSchema = z.strictObject({
  code,
  /** The citation as printed in findings and documents: 《中华人民共和国价格法》第十二条. */
  text: cleanString().trim().min(1).max(300),
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/** A tile server as Leaflet names it: https://…/{z}/{x}/{y}.png, optional {s} subdomains. */
export const tileSourceSchema = z.strictObject({
  url: cleanString().trim().max(500).regex(/^https?:\/\/[^\s]+$/).refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), { params: { code: 'tile-url' } }),
  subdomains: z.string().regex(/^[a-z0-9]{0,10}$/),
  attribution: cleanString().trim().max(200),
  minZoom: z.number().int().min(0).max(22),
  maxZoom: z.number().int().min(1).max(22),
});
export type TileSource = z.infer<typeof tileSourceSchema>;

const years = z.number().int().min(1).max(20);

/** How the office issues refund orders: its name as the issuing authority, its numbering, the deadline. */
export const refundSettingsSchema = z.strictObject({
  /** The issuing authority as printed (…市场监督管理局); '' until the office sets it (orders wait for it). */
  officeName: cleanString().trim().max(100),
  /** The numbering rule's prefix: documents are numbered {prefix}〔{year}〕{n}号 by the hub. */
  docPrefix: cleanString().trim().min(1).max(30),
  /** Working days given to refund, from the day the order is served. */
  workingDays: z.number().int().min(1).max(120),
  /** Bases cited after 《价格违法行为行政处罚规定》第十六条 (codes of the legal bases above). */
  bases: z.array(code).max(10),
});
export type RefundSettings = z.infer<typeof refundSettingsSchema>;

export const officeSettingsSchema = z
  .strictObject({
    findingTypes: z.array(findingTypeSchema).min(1).max(100),
    legalBases: z.array(legalBasisSchema).max(200),
    /** Verification period in years per accuracy class. */
    verificationYears: z.strictObject({ '0.2S': years, '0.5S': years, '1': years, '2': years, '3': years }),
    /** Where the periods come from (printed beside them). */
    verificationSource: cleanString().trim().max(200),
    /** null: no tile server; the map shows markers, the scale and tiles loaded from MBTiles files. */
    tileSource: tileSourceSchema.nullable(),
    refund: refundSettingsSchema,
    /** Years of holidays and make-up working days the office added (a new year's notice); they take the place of the app's own for the same year. */
    calendar: calendarDataSchema.nullable(),
  })
  .superRefine((s, ctx) => {
    const dup = (list: readonly { code: string }[], path: string) => {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: [path, i, 'code'], params: { code: 'duplicate' }, message: 'duplicate' });
        seen.add(item.code);
      });
    };
    dup(s.findingTypes, 'findingTypes');
    dup(s.legalBases, 'legalBases');
    const known = new Set(s.legalBases.map((b) => b.code));
    s.findingTypes.forEach((t, i) => t.bases.forEach((b, j) => {
      if (!known.has(b)) ctx.addIssue({ code: 'custom', path: ['findingTypes', i, 'bases', j], params: { code: 'unknown-basis' }, message: 'unknown basis' });
    }));
    s.refund.bases.forEach((b, j) => {
      if (!known.has(b)) ctx.addIssue({ code: 'custom', path: ['refund', 'bases', j], params: { code: 'unknown-basis' }, message: 'unknown basis' });
    });
    if (s.tileSource && s.tileSource.minZoom > s.tileSource.maxZoom) ctx.addIssue({ code: 'custom', path: ['tileSource', 'minZoom'], params: { code: 'zoom-range' }, message: 'zoom range' });
  });
export type OfficeSettings = z.infer<typeof officeSettingsSchema>;

/** The legal bases shipped with the app; the office may edit, add or remove them. */
const DEFAULT_BASES: readonly LegalBasis[] = [
  { code: 'price-law-12', text: '《中华人民共和国价格法》第十二条' },
  { code: 'price-law-13', text: '《中华人民共和国价格法》第十三条' },
  { code: 'price-law-39', text: '《中华人民共和国价格法》第三十九条' },
  { code: 'penalty-9', text: '《价格违法行为行政处罚规定》第九条' },
  { code: 'penalty-13', text: '《价格违法行为行政处罚规定》第十三条' },
  { code: 'penalty-16', text: '《价格违法行为行政处罚规定》第十六条' },
  { code: 'metrology-9', text: '《中华人民共和国计量法》第九条' },
];

const DEFAULT_TYPE_BASES = {
  'markup': ['price-law-12', 'price-law-39', 'penalty-9'],
  'not-posted': ['price-law-13', 'penalty-13'],
  'loss-share': ['penalty-9'],
  'extra-fee': ['penalty-9'],
  'price-cut': ['penalty-9'],
  'metering': ['metrology-9'],
  'other': [],
} as const satisfies Record<string, readonly string[]>;
type DefaultType = keyof typeof DEFAULT_TYPE_BASES;

/** The settings every device uses until the office saves its own. */
export function defaultOfficeSettings(): OfficeSettings {
  return {
    findingTypes: (Object.keys(DEFAULT_TYPE_BASES) as DefaultType[]).map((c) => ({ code: c, label: inspectionText(`finding.type.${c}`), bases: [...DEFAULT_TYPE_BASES[c]], active: true })),
    legalBases: DEFAULT_BASES.map((b) => ({ ...b })),
    verificationYears: { ...JJG596_YEARS },
    verificationSource: 'JJG 596-2012《电子式交流电能表检定规程》',
    tileSource: null,
    refund: { officeName: '', docPrefix: '市监价退', workingDays: 15, bases: [] },
    calendar: null,
  };
}

/** The citations of a type's default bases, in the office's order for the type. */
export function basesOfType(settings: OfficeSettings, typeCode: string): string[] {
  const type = settings.findingTypes.find((t) => t.code === typeCode);
  const byCode = new Map(settings.legalBases.map((b) => [b.code, b.text]));
  return (type?.bases ?? []).flatMap((b) => byCode.get(b) ?? []);
}

/** The citation of a type's default bases, joined as findings print them. */
export function basisOfType(settings: OfficeSettings, typeCode: string): string {
  return basesOfType(settings, typeCode).join('；');
}

/** The label of a finding type; a code no longer in the office's list shows as itself. */
export function findingTypeLabel(settings: OfficeSettings, typeCode: string): string {
  return settings.findingTypes.find((t) => t.code === typeCode)?.label ?? typeCode;
}

/** The periods as the meter rules read them. */
export function verificationYearsOf(settings: OfficeSettings): Readonly<Record<AccuracyClass, number>> {
  return Object.fromEntries(ACCURACY_CLASSES.map((c) => [c, settings.verificationYears[c]])) as Record<AccuracyClass, number>;
}

/** A fresh code for a type or basis the office adds (unique within `taken`). */
export function newCode(prefix: 'type' | 'basis', taken: readonly { code: string }[]): string {
  const used = new Set(taken.map((t) => t.code));
  for (let n = taken.length + 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** The citations of a refund order: Art. 16 first, then the office's own, each once. */
export function refundBases(settings: OfficeSettings, first: string): string[] {
  const byCode = new Map(settings.legalBases.map((b) => [b.code, b.text]));
  return [...new Set([first, ...settings.refund.bases.flatMap((b) => byCode.get(b) ?? [])])];
}
