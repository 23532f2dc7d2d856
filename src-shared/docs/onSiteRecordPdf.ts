// 现场检查笔录 (and 补充笔录) as an A4 PDF: the parties, the inspectors with their certificate numbers,
// what was checked and found, photo thumbnails, and the signatures (or the party's refusal and a witness).
import { formatChinaTime } from '../time';
import type { OnSiteRecord, OnSiteSignature } from '../inspection/onSiteRecord';
import type { FontSource } from './fontSubset';
import { PdfWriter, type SealMark } from './pdfWriter';

export interface RecordPhoto {
  caption: string;
  takenAt: string | null;
  sha256: string;
  /** The JPEG thumbnail, or null when this device has none (a frame is drawn). */
  thumb: Uint8Array | null;
}

export interface OnSiteRecordDoc {
  id: string;
  record: OnSiteRecord;
  signatures: readonly OnSiteSignature[];
  photos: readonly RecordPhoto[];
  /** Signature PNGs by SHA-256 (a signature whose image is missing here is drawn as a frame). */
  signatureImages: ReadonlyMap<string, Uint8Array>;
}

/** The PDF of an on-site record; `font` is the embedded Chinese font (TrueType bytes). */
export async function onSiteRecordPdf(font: FontSource, d: OnSiteRecordDoc, seal?: SealMark): Promise<Uint8Array> {
  const { record } = d;
  const title = record.supplementOf ? '补充笔录' : '现场检查笔录';
  const pdf = await PdfWriter.create(font, JSON.stringify(d), { title: `${title} · ${record.party.name}`, subject: `${record.party.name}（${record.party.uscc}）`, createdAt: record.startedAt, seal });
  pdf.title(title);
  pdf.field('检查时间：', formatChinaTime(record.startedAt, false));
  pdf.field('检查地点：', record.place);
  pdf.field('当事人：', record.party.name);
  pdf.field('统一社会信用代码：', record.party.uscc);
  if (record.party.address) pdf.field('地址：', record.party.address);
  pdf.field('当事人代表：', [record.party.representative, record.party.title, record.party.phone].filter(Boolean).join('，'));
  pdf.field('检查人员：', record.inspectors.map((i) => `${i.name}（执法证号 ${i.certNo}）`).join('、'));
  pdf.space(6);
  pdf.paragraph('检查人员向当事人出示了执法证件，说明了检查的依据和内容，告知当事人有陈述、申辩的权利和申请回避的权利。', { indent: 22 });
  for (const section of record.sections) {
    pdf.heading(section.heading);
    for (const line of section.lines) pdf.paragraph(line, { indent: 22 });
  }
  if (d.photos.length > 0) {
    pdf.heading('照片');
    for (let i = 0; i < d.photos.length; i += 4) {
      const row = await Promise.all(d.photos.slice(i, i + 4).map(async (p, k) => ({
        image: p.thumb ? await pdf.image(p.thumb, 'image/jpeg') : null,
        caption: `照片 ${i + k + 1}：${p.caption}${p.takenAt ? `（${formatChinaTime(p.takenAt, false)}）` : ''}`,
      })));
      pdf.imageRow(row, 118, 88);
    }
  }
  pdf.heading('签字');
  const signed = async (s: OnSiteSignature, caption: string) => ({
    image: s.image && d.signatureImages.has(s.image) ? await pdf.image(d.signatureImages.get(s.image)!, 'image/png') : null,
    caption: `${caption}（${formatChinaTime(s.signedAt, false)}）`,
  });
  const inspectors = await Promise.all(record.inspectors.map(async (i) => {
    const s = d.signatures.find((x) => x.role === 'inspector' && x.certNo === i.certNo);
    return s ? signed(s, `检查人员 ${i.name}（${i.certNo}）`) : { image: null, caption: `检查人员 ${i.name}（${i.certNo}）：未签字` };
  }));
  pdf.imageRow(inspectors, 156, 52);
  const party = d.signatures.find((s) => s.role === 'party');
  if (party?.refused) {
    pdf.paragraph(`当事人 ${party.name} 拒绝签字：${party.note}（${formatChinaTime(party.signedAt, false)}）`);
    const witness = d.signatures.find((s) => s.role === 'witness');
    pdf.imageRow([witness ? await signed(witness, `见证人 ${witness.name}`) : { image: null, caption: '见证人：未签字' }], 156, 52);
  } else {
    pdf.imageRow([party ? await signed(party, `当事人 ${party.name}`) : { image: null, caption: `当事人 ${record.party.representative}：未签字` }], 156, 52);
  }
  return pdf.finish(`${title}编号 ${d.id.slice(0, 8)}`);
}
