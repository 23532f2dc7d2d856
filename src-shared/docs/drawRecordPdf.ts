// 双随机抽查记录 as a PDF: the plan, the seed, the time, every hash of the record in full and the counts per
// group on the first page, then the drawn targets with their teams as one dense table. Landscape A4:
// across 780 points a target (code, a name of 30 characters, district, sub-district, kind, a team of two)
// stays on one line, about 50 to a page, so 1,918 targets print in under 40 pages instead of 251.
// The notice (drawNoticePdf.ts) is laid out by the same functions.
import type { DrawRecord, DrawResult } from '../draw/draw';
import { formatRatio } from '../draw/plan';
import { CREDIT_GRADES } from '../domain';
import { drawText, type DrawMessageKey } from '../i18n/draw';
import { formatChinaTime } from '../time';
import type { FontSource } from './fontSubset';
import { A4_LANDSCAPE_LIST, PdfWriter, type GridCell, type GridColumn, type SealMark } from './pdfWriter';

/** What the draw documents print. */
export interface DrawDoc {
  result: DrawResult;
  /** Inspector names by certificate number (the inspectors list); a member not in it is printed by number alone. */
  inspectorNames: ReadonlyMap<string, string>;
  /** Who ran the draw (an account), when known. */
  drawnBy?: string;
}

/** A label and its value. */
export type Item = readonly [label: string, value: string];

/** Everything a draw document prints, as text: what the font is cut down to and what is laid out. */
export interface DrawDocText {
  title: string;
  intro: string | null;
  /** Short items, two to a line. */
  planItems: Item[];
  /** The seed and the hashes, a line each: never wrapped on this page's width, never cut. */
  proofItems: Item[];
  groups: string[][];
  targets: GridCell[][];
  /** The rows of the lists left out of the draw (the record only). */
  excluded: string[][] | null;
  closing: string | null;
  footer: string;
}

const ITEM_SIZE = 8.5;
const LIST_SIZE = 7.5;
const t = (key: DrawMessageKey, params?: Record<string, string | number>) => drawText(key, params);
const joined = (parts: readonly string[]) => parts.join(t('draw.list.separator'));

function recusalText(r: DrawRecord): string {
  const { recusal } = r.plan;
  return joined([t('draw.notice.recusalDeclared'), ...(recusal.sameSubdistrict ? [t('draw.notice.recusalSameSubdistrict')] : []), ...(recusal.lastInspector ? [t('draw.notice.recusalLastInspector')] : [])]);
}

function riskText(r: DrawRecord): string {
  const parts = CREDIT_GRADES.flatMap((g) => {
    const ratio = r.plan.riskRatios[g];
    return ratio === undefined ? [] : [`${t(`draw.credit.${g}`)} ${formatRatio(ratio)}`];
  });
  return parts.length === 0 ? '—' : joined(parts);
}

/** The plan and the draw's facts, labelled as the Excel notice labels them (notice.ts). */
export function planItems(r: DrawRecord, drawnBy?: string): Item[] {
  const { plan } = r;
  return [
    [t('draw.notice.planName'), plan.name],
    [t('draw.notice.scope'), plan.districts?.length ? joined(plan.districts) : t('draw.notice.scopeAll')],
    [t('draw.notice.ratio'), formatRatio(plan.ratio)],
    [t('draw.notice.riskRatios'), riskText(r)],
    [t('draw.notice.groupBy'), joined(plan.groupBy.map((d) => t(`draw.dim.${d}`)))],
    [t('draw.notice.teamSize'), String(plan.teamSize)],
    [t('draw.notice.maxPerInspector'), plan.maxPerInspector === null ? t('draw.notice.unlimited') : String(plan.maxPerInspector)],
    [t('draw.notice.recusal'), recusalText(r)],
    ...(r.committedAt ? [['抽查承诺时间（北京时间）', formatChinaTime(r.committedAt)] as const] : []),
    [t('draw.notice.drawnAt'), formatChinaTime(r.drawnAt)],
    [t('draw.notice.countsLabel'), t('draw.notice.counts', { entities: r.entitiesCount, inspectors: r.inspectorsCount, selected: r.selectedCount })],
    [t('draw.notice.algorithm'), r.algorithm],
    ...(drawnBy ? [['抽取操作人', drawnBy] as const] : []),
  ];
}

/** The seed and every hash the record holds, in full: what anyone needs to reproduce the draw. */
export function proofItems(r: DrawRecord, withExcluded: boolean): Item[] {
  return [
    [t('draw.notice.seed'), r.seed],
    [t('draw.notice.entitiesHash'), r.entitiesHash],
    [t('draw.notice.inspectorsHash'), r.inspectorsHash],
    [t('draw.notice.planHash'), r.planHash],
    ...(withExcluded && r.excludedHash ? [['不参加抽取的名录行哈希（SHA-256）', r.excludedHash] as const] : []),
    [t('draw.notice.outputHash'), r.outputHash],
  ];
}

export const GROUP_COLUMNS: readonly GridColumn[] = [{ header: '分组', wrap: true }, { header: '户数', align: 'right' }, { header: '比例', align: 'right' }, { header: '抽中', align: 'right' }];

export function groupRows(result: DrawResult): string[][] {
  return result.groups.map((g) => [g.label, String(g.size), formatRatio(g.ratio), String(g.selected)]);
}

export const TARGET_COLUMNS: readonly GridColumn[] = [
  { header: t('draw.notice.col.index'), align: 'right' },
  { header: t('draw.notice.col.uscc') },
  { header: t('draw.notice.col.name'), wrap: true },
  { header: t('draw.notice.col.district') },
  { header: t('draw.notice.col.subdistrict') },
  { header: t('draw.notice.col.kind') },
  { header: t('draw.notice.col.inspectors'), wrap: true },
];

/** A row per drawn target; the team as items, so a line breaks between two members, not inside one. */
export function targetRows(d: DrawDoc): GridCell[][] {
  return d.result.selected.map((s, i) => [
    String(i + 1), s.uscc, s.name, s.district, s.subdistrict || '—', t(`draw.kind.${s.kind}`),
    s.inspectors.map((certNo) => {
      const name = d.inspectorNames.get(certNo);
      return name ? t('draw.notice.inspector', { name, certNo }) : certNo;
    }),
  ]);
}

const EXCLUDED_COLUMNS: readonly GridColumn[] = [{ header: '名录' }, { header: '统一社会信用代码 / 执法证号' }, { header: '原因', wrap: true }];

function excludedRows(result: DrawResult): string[][] {
  return result.excluded.map((x) => {
    const [list = '', ...code] = x.key.split(' ');
    return [list === 'inspectors' ? '执法人员' : '检查对象', code.join(' '), x.reason];
  });
}

function recordText(d: DrawDoc): DrawDocText {
  const r = d.result.record;
  return {
    title: '双随机抽查记录',
    intro: null,
    planItems: planItems(r, d.drawnBy),
    proofItems: proofItems(r, true),
    groups: groupRows(d.result),
    targets: targetRows(d),
    excluded: excludedRows(d.result),
    closing: '抽取人（签字）：____________________        见证人（签字）：____________________        日期：____________________',
    footer: `双随机抽查记录 · ${r.plan.name} · 抽取结果哈希 ${r.outputHash}`,
  };
}

/** What every draw document prints besides its data: headers and headings, for the font's subset. */
const FIXED_TEXT = [...GROUP_COLUMNS, ...TARGET_COLUMNS, ...EXCLUDED_COLUMNS].map((c) => c.header).join('') + '各组抽取情况抽中名单不参加抽取的名录行共组户无';

/** How far a draw document is: the drawn targets laid out, then the file written. */
export type DrawDocProgress = { stage: 'rows'; done: number; total: number } | { stage: 'finish' };

/** The draw record (抽查记录) as a landscape A4 PDF; the same draw gives the same bytes. */
export async function drawRecordPdf(font: FontSource, d: DrawDoc, seal?: SealMark, onProgress?: (p: DrawDocProgress) => void): Promise<Uint8Array> {
  return renderDrawDoc(font, recordText(d), d.result.record, seal, onProgress);
}

/** Lays out a draw document: title, items, groups, targets (and the rows left out), numbered pages. */
export async function renderDrawDoc(font: FontSource, doc: DrawDocText, r: DrawRecord, seal?: SealMark, onProgress?: (p: DrawDocProgress) => void): Promise<Uint8Array> {
  const meta = { title: `${doc.title} · ${r.plan.name}`, subject: `抽取结果哈希 ${r.outputHash}`, createdAt: r.drawnAt, seal };
  const pdf = await PdfWriter.create(font, JSON.stringify(doc) + FIXED_TEXT, meta, A4_LANDSCAPE_LIST);
  pdf.title(doc.title, 16);
  if (doc.intro) pdf.paragraph(doc.intro, { size: ITEM_SIZE + 0.5, gap: 6 });
  writeItems(pdf, doc);
  pdf.heading(`各组抽取情况（共 ${doc.groups.length} 组）`);
  sideBySide(pdf, GROUP_COLUMNS, doc.groups, 4);
  pdf.heading(`抽中名单（共 ${doc.targets.length} 户）`);
  const total = doc.targets.length;
  pdf.grid(TARGET_COLUMNS, doc.targets, { size: LIST_SIZE, onRows: (done) => onProgress?.({ stage: 'rows', done, total }) });
  if (doc.excluded) {
    pdf.heading(`不参加抽取的名录行（共 ${doc.excluded.length} 行）`);
    if (doc.excluded.length === 0) pdf.paragraph('无', { size: ITEM_SIZE });
    else sideBySide(pdf, EXCLUDED_COLUMNS, doc.excluded, 2);
  }
  if (doc.closing) {
    pdf.space(24);
    pdf.paragraph(doc.closing, { size: 10 });
  }
  onProgress?.({ stage: 'finish' });
  return pdf.finish(doc.footer);
}

/**
 * The short items two to a line, then the seed and the hashes a line each; one label width for both
 * blocks, so the values line up down the page.
 */
function writeItems(pdf: PdfWriter, doc: DrawDocText): void {
  const label = Math.max(...[...doc.planItems, ...doc.proofItems].map(([l]) => pdf.textWidth(l, ITEM_SIZE))) + 8;
  const half = (pdf.contentWidth - 2 * label) / 2;
  const pairs: string[][] = [];
  for (let i = 0; i < doc.planItems.length; i += 2) pairs.push([...doc.planItems[i]!, ...(doc.planItems[i + 1] ?? ['', ''])]);
  const labels: GridColumn = { header: '', width: label, grey: true };
  pdf.grid([labels, { header: '', width: half }, labels, { header: '', width: half }], pairs, { size: ITEM_SIZE, header: false });
  pdf.grid([labels, { header: '', width: pdf.contentWidth - label }], doc.proofItems.map((i) => [...i]), { size: ITEM_SIZE, header: false });
}

/**
 * A short table in up to `most` blocks side by side (read down, then across): a list of narrow rows
 * would otherwise leave most of a landscape page empty. In each block the wrapping column (else the
 * first) takes what the others, sized to their content, leave.
 */
function sideBySide(pdf: PdfWriter, columns: readonly GridColumn[], rows: readonly string[][], most: number): void {
  const measure = (i: number) => Math.max(pdf.textWidth(columns[i]!.header, LIST_SIZE), ...rows.map((r) => pdf.textWidth(r[i]!, LIST_SIZE))) + 8;
  const widths = columns.map((_, i) => measure(i));
  const natural = widths.reduce((s, w) => s + w, 0);
  const gap = 10;
  const blocks = Math.max(1, Math.min(most, Math.ceil(rows.length / 8), Math.floor((pdf.contentWidth + gap) / (natural + gap))));
  const block = (pdf.contentWidth - gap * (blocks - 1)) / blocks;
  const flex = Math.max(0, columns.findIndex((c) => c.wrap));
  const rest = widths.reduce((s, w, i) => (i === flex ? s : s + w), 0);
  const one: GridColumn[] = columns.map((c, i) => ({ ...c, width: i === flex ? block - rest : widths[i]! }));
  const spacer: GridColumn = { header: '', width: gap, gutter: true };
  const all = Array.from({ length: blocks }, (_, b) => (b === 0 ? one : [spacer, ...one])).flat();
  const height = Math.ceil(rows.length / blocks);
  const wide = Array.from({ length: height }, (_, k) =>
    Array.from({ length: blocks }, (_, b) => {
      const row = rows[b * height + k] ?? columns.map(() => '');
      return b === 0 ? row : ['', ...row];
    }).flat(),
  );
  pdf.grid(all, wide, { size: LIST_SIZE });
}
