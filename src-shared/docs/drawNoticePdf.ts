// 双随机抽查结果公示 as a PDF: what the Excel notice (notice.ts) holds — the plan, the seed, the list and
// result hashes, the counts per group, the drawn targets with their teams by name and certificate number —
// laid out as the draw record is (drawRecordPdf.ts), with a sentence saying how anyone can check it.
import { drawText } from '../i18n/draw';
import { formatChinaTime } from '../time';
import { groupRows, planItems, proofItems, renderDrawDoc, targetRows, type DrawDoc, type DrawDocProgress, type DrawDocText } from './drawRecordPdf';
import type { FontSource } from './fontSubset';
import type { SealMark } from './pdfWriter';

function noticeText(d: DrawDoc): DrawDocText {
  const r = d.result.record;
  const counts = drawText('draw.notice.counts', { entities: r.entitiesCount, inspectors: r.inspectorsCount, selected: r.selectedCount });
  return {
    title: '双随机抽查结果公示',
    intro:
      `按抽查计划「${r.plan.name}」，于 ${formatChinaTime(r.drawnAt)}（北京时间）以下列随机种子随机抽取检查对象并随机匹配执法检查人员（${counts}），现将抽查结果公示如下。` +
      `凭随机种子、名录哈希和公开的抽取算法（${r.algorithm}），任何人均可复现本次抽取结果。`,
    planItems: planItems(r),
    // The notice names the hashes the Excel notice names; the rows left out stay in the record.
    proofItems: proofItems(r, false),
    groups: groupRows(d.result),
    targets: targetRows(d),
    excluded: null,
    closing: null,
    footer: `双随机抽查结果公示 · ${r.plan.name} · 抽取结果哈希 ${r.outputHash}`,
  };
}

/** The public notice (抽查结果公示) of a draw as a landscape A4 PDF; the same draw gives the same bytes. */
export async function drawNoticePdf(font: FontSource, d: DrawDoc, seal?: SealMark, onProgress?: (p: DrawDocProgress) => void): Promise<Uint8Array> {
  return renderDrawDoc(font, noticeText(d), d.result.record, seal, onProgress);
}
