// The public notice of a draw (一公开): an Excel workbook with the plan and record on one sheet and the
// selected targets with their teams on the other, ready to post or attach to a notice.
import { CREDIT_GRADES, type Inspector } from '../domain';
import { drawText, type DrawMessageKey } from '../i18n/draw';
import type { DrawResult } from './draw';
import { formatRatio, type DrawPlan } from './plan';
import { formatChinaTime } from '../time';
import { bodyOf, tableWorkbook, type TableSheet, type TableWorkbookOptions } from '../xlsxTable';

/** A UTC ISO time as China Standard Time, "2025-03-01 18:00:00". */
export function chinaTime(isoUtc: string): string {
  return formatChinaTime(isoUtc) || isoUtc;
}

function recusalText(plan: DrawPlan): string {
  const rules: DrawMessageKey[] = ['draw.notice.recusalDeclared'];
  if (plan.recusal.sameSubdistrict) rules.push('draw.notice.recusalSameSubdistrict');
  if (plan.recusal.lastInspector) rules.push('draw.notice.recusalLastInspector');
  return rules.map((k) => drawText(k)).join(drawText('draw.list.separator'));
}

function riskText(plan: DrawPlan): string {
  const parts = CREDIT_GRADES.flatMap((grade) => {
    const ratio = plan.riskRatios[grade];
    return ratio === undefined ? [] : [`${drawText(`draw.credit.${grade}`)} ${formatRatio(ratio)}`];
  });
  return parts.length === 0 ? '—' : parts.join(drawText('draw.list.separator'));
}

function planRows(result: DrawResult, plan: DrawPlan): [string, string][] {
  const r = result.record;
  const t = (k: DrawMessageKey) => drawText(k);
  return [
    [t('draw.notice.planName'), plan.name],
    [t('draw.notice.scope'), plan.districts?.length ? plan.districts.join(drawText('draw.list.separator')) : t('draw.notice.scopeAll')],
    [t('draw.notice.ratio'), formatRatio(plan.ratio)],
    [t('draw.notice.riskRatios'), riskText(plan)],
    [t('draw.notice.groupBy'), plan.groupBy.map((d) => drawText(`draw.dim.${d}`)).join(drawText('draw.list.separator'))],
    [t('draw.notice.teamSize'), String(plan.teamSize)],
    [t('draw.notice.maxPerInspector'), plan.maxPerInspector === null ? t('draw.notice.unlimited') : String(plan.maxPerInspector)],
    [t('draw.notice.recusal'), recusalText(plan)],
    [t('draw.notice.seed'), r.seed],
    [t('draw.notice.drawnAt'), chinaTime(r.drawnAt)],
    [t('draw.notice.countsLabel'), drawText('draw.notice.counts', { entities: r.entitiesCount, inspectors: r.inspectorsCount, selected: r.selectedCount })],
    [t('draw.notice.entitiesHash'), r.entitiesHash],
    [t('draw.notice.inspectorsHash'), r.inspectorsHash],
    [t('draw.notice.planHash'), r.planHash],
    [t('draw.notice.algorithm'), r.algorithm],
    [t('draw.notice.outputHash'), r.outputHash],
  ];
}

function planSheet(result: DrawResult, plan: DrawPlan): TableSheet {
  const groups = result.groups.map((g, i): [string, string] => [
    i === 0 ? drawText('draw.notice.groups') : '',
    drawText('draw.notice.groupLine', { label: g.label, size: g.size, ratio: formatRatio(g.ratio), selected: g.selected }),
  ]);
  const rows = [...planRows(result, plan), ...groups];
  return {
    name: drawText('draw.notice.planSheet'),
    columns: [{ width: 30 }, { width: 80, wrap: true }],
    head: [{ style: 'header', cells: [drawText('draw.notice.item'), drawText('draw.notice.value')] }],
    body: bodyOf(rows, (row) => row),
    printWide: true,
  };
}

function teamText(certNos: readonly string[], byCertNo: ReadonlyMap<string, Inspector>): string {
  return certNos
    .map((certNo) => {
      const inspector = byCertNo.get(certNo);
      return inspector ? drawText('draw.notice.inspector', { name: inspector.name, certNo }) : certNo;
    })
    .join(drawText('draw.list.separator'));
}

function listSheet(result: DrawResult, inspectors: readonly Inspector[]): TableSheet {
  const cols: [DrawMessageKey, number][] = [
    ['draw.notice.col.index', 8], ['draw.notice.col.uscc', 24], ['draw.notice.col.name', 40], ['draw.notice.col.district', 14],
    ['draw.notice.col.subdistrict', 18], ['draw.notice.col.kind', 14], ['draw.notice.col.inspectors', 48],
  ];
  const byCertNo = new Map(inspectors.map((i) => [i.certNo, i]));
  return {
    name: drawText('draw.notice.listSheet'),
    columns: cols.map(([, width], i) => ({ width, numFmt: i === 1 ? '@' : undefined })),
    head: [{ style: 'header', cells: cols.map(([key]) => drawText(key)) }],
    body: bodyOf(result.selected, (s, i) => [i + 1, s.uscc, s.name, s.district, s.subdistrict, drawText(`draw.kind.${s.kind}`), teamText(s.inspectors, byCertNo)]),
    freezeHead: true,
    printWide: true,
  };
}

/**
 * The public-notice workbook (.xlsx bytes): sheet 抽查计划 with plan and record, sheet 抽查名单 with the selected
 * targets. A draw of 100,000 targets selects 50,000: written by the lean table writer, telling how far.
 */
export function buildNoticeWorkbook(result: DrawResult, plan: DrawPlan, inspectors: readonly Inspector[] = [], onProgress?: TableWorkbookOptions['onProgress']): Uint8Array {
  // The workbook's own timestamps are the draw's, so the same draw gives the same notice.
  return tableWorkbook([planSheet(result, plan), listSheet(result, inspectors)], { creator: 'TariffCheck 电费检查通', created: new Date(result.record.drawnAt), onProgress });
}
