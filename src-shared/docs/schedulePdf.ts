// 多收电费明细表 (preliminary overcharge schedule) as an A4 PDF: per tenant and month, charged, lawful
// and overcharge with the ledger rows each figure sums, the per-tenant totals, the file and its hash.
import { tenantTotals, type LedgerCheck } from '../inspection/ledgerCheck';
import { formatFen } from '../money';
import type { FontSource } from './fontSubset';
import { PdfWriter, type SealMark } from './pdfWriter';

export interface ScheduleDoc {
  id: string;
  check: LedgerCheck;
  party: { name: string; uscc: string };
  /** When the schedule was kept (UTC ISO), the document's date. */
  createdAt: string;
}

const METHOD = { catalogue: '按目录电价核算', 'grid-bill': '按电网电费分摊核算' } as const;

export async function schedulePdf(font: FontSource, d: ScheduleDoc, seal?: SealMark): Promise<Uint8Array> {
  const { check } = d;
  const pdf = await PdfWriter.create(font, JSON.stringify(d), { title: `多收电费明细表 · ${d.party.name}`, subject: `${d.party.name}（${d.party.uscc}）`, createdAt: d.createdAt, seal });
  pdf.title('多收电费明细表（初步）', 18);
  pdf.field('当事人：', `${d.party.name}（${d.party.uscc}）`);
  pdf.field('台账文件：', check.file.name);
  pdf.field('文件 SHA-256：', check.file.sha256);
  pdf.field('核算方法：', `${METHOD[check.method]}${check.tariffTable ? `（电价表：${check.tariffTable}）` : ''}`);
  pdf.field('核算行数：', `核算 ${check.linesComputed} 行，未能核算 ${check.linesLeftOut} 行`);
  pdf.field('多收电费合计：', `${formatFen(check.totalOverchargeFen)} 元`);
  pdf.heading('一、按户汇总');
  const totals = tenantTotals(check).filter((t) => t.overchargeFen > 0);
  pdf.table(['租户', '多收月份', '实收（元）', '应收（元）', '多收（元）'], totals.map((t) => [t.tenant, t.months.join('、'), formatFen(t.chargedFen), formatFen(t.lawfulFen), formatFen(t.overchargeFen)]), [130, 130, 70, 70], new Set([2, 3, 4]));
  pdf.heading('二、按户按月明细（可追溯至台账行）');
  pdf.table(['租户', '月份', '实收（元）', '应收（元）', '多收（元）', '台账行'], check.schedule.filter((r) => r.overchargeFen > 0).map((r) => [r.tenant, r.month, formatFen(r.chargedFen), formatFen(r.lawfulFen), formatFen(r.overchargeFen), r.lines.join('、')]), [120, 56, 72, 72, 72], new Set([2, 3, 4]));
  pdf.paragraph('本表为现场检查的初步核算结果，以办案机构最终认定为准。', { color: 'grey', size: 9.5 });
  return pdf.finish(`明细表编号 ${d.id.slice(0, 8)}`);
}
