// The on-site record and the overcharge schedule as PDF: A4, the Chinese text selectable (poppler reads
// it back), the font embedded as a subset, pages numbered, and the same bytes from the same inputs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onSiteRecordPdf, type OnSiteRecordDoc } from '../../../src-shared/docs/onSiteRecordPdf';
import { schedulePdf } from '../../../src-shared/docs/schedulePdf';
import type { LedgerCheck } from '../../../src-shared/inspection/ledgerCheck';
import type { FontSource } from '../../../src-shared/docs/fontSubset';
import { TINY_JPEG, TINY_PNG } from '../../fixtures/photos';

const FONT: FontSource = {
  font: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'))),
  wasm: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'))),
};
const OUT = join(process.cwd(), 'test-results', 'docs');
mkdirSync(OUT, { recursive: true });

function poppler(tool: string, file: string, ...args: string[]): string {
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

const ID = '0195d0a0-0000-7000-8000-000000000021';
const SIG = 'e'.repeat(64);
const record: OnSiteRecordDoc = {
  id: ID,
  record: {
    supplementOf: null, startedAt: '2026-04-01T02:00:00.000Z', place: '地下一层配电房',
    party: { name: '金鹰购物中心有限公司', uscc: '91320106MA1MXXXX0A', address: '中山路 89 号', representative: '赵经理', title: '物业经理', phone: '13900000000' },
    inspectors: [{ certNo: 'GL-001', name: '王检查' }, { certNo: 'GL-002', name: '李检查' }],
    sections: [
      { heading: '计量装置检查情况', lines: ['分表 S-07（二楼奶茶店）：0.5S 级，倍率 1；读数 0 → 697.3，用电量 697.3 千瓦时；铅封破损或缺失；检定日期 2019-05-01。存在问题：超过检定周期（应于 2025-05-01 前检定）；铅封破损。'] },
      { heading: '发现的问题', lines: ['一、不合理加价：经核算转供电主体提供的电费台账，5 户租户 3 个月的电费高于按目录电价计算的应收电费，多收电费共计 20,785.34 元。'] },
    ],
    covers: [],
  },
  signatures: [
    { recordId: ID, role: 'inspector', name: '王检查', certNo: 'GL-001', image: SIG, refused: false, note: '', signedAt: '2026-04-01T03:00:00.000Z' },
    { recordId: ID, role: 'inspector', name: '李检查', certNo: 'GL-002', image: SIG, refused: false, note: '', signedAt: '2026-04-01T03:01:00.000Z' },
    { recordId: ID, role: 'party', name: '赵经理', certNo: '', image: null, refused: true, note: '当事人称需请示总部', signedAt: '2026-04-01T03:02:00.000Z' },
    { recordId: ID, role: 'witness', name: '孙某', certNo: '', image: SIG, refused: false, note: '', signedAt: '2026-04-01T03:03:00.000Z' },
  ],
  photos: Array.from({ length: 5 }, (_, i) => ({ caption: `S-07 表盘 ${i + 1}`, takenAt: '2026-04-01T02:15:00.000Z', sha256: String(i).repeat(64), thumb: TINY_JPEG })),
  signatureImages: new Map([[SIG, TINY_PNG]]),
};

describe('现场检查笔录 as PDF', () => {
  it('holds the parties, the inspectors with certificate numbers, the checks, photos and signatures, as selectable text in an embedded font', async () => {
    const bytes = await onSiteRecordPdf(FONT, record);
    const file = join(OUT, 'onsite-record.pdf');
    writeFileSync(file, bytes);
    const text = poppler('pdftotext', file, '-layout').replace(/[ \t]+/g, ' ');
    for (const expected of [
      '现场检查笔录', '检查时间： 2026-04-01 10:00', '检查地点： 地下一层配电房', '统一社会信用代码： 91320106MA1MXXXX0A',
      '王检查（执法证号 GL-001）、李检查（执法证号 GL-002）', '计量装置检查情况', '超过检定周期（应于 2025-05-01 前检定）',
      '多收电费共计 20,785.34 元', '照片 5：S-07 表盘 5', '检查人员 王检查（GL-001）', '当事人 赵经理 拒绝签字：当事人称需请示总部', '见证人 孙某', '第 1 页 共 ',
    ]) expect(text).toContain(expected);
    // Embedded, with a Unicode map (text copies out as Chinese); only the glyphs used: the file stays small.
    expect(poppler('pdffonts', file)).toMatch(/NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);
    expect(bytes.length).toBeLessThan(200_000);
    expect(poppler('pdfinfo', file)).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it('is the same file every time it is made from the same record', async () => {
    expect(Buffer.compare(Buffer.from(await onSiteRecordPdf(FONT, record)), Buffer.from(await onSiteRecordPdf(FONT, record)))).toBe(0);
  });
});

describe('多收电费明细表 as PDF', () => {
  it('lists per tenant and month what was charged, what was lawful and the overcharge, with the ledger rows; pages numbered', async () => {
    const schedule = Array.from({ length: 120 }, (_, i) => ({ tenant: `商户${String(Math.floor(i / 12) + 1).padStart(2, '0')}`, month: `2026-${String((i % 12) + 1).padStart(2, '0')}`, chargedFen: 10_000 + i, lawfulFen: 9_000, overchargeFen: 1_000 + i, lines: [i + 2] }));
    const check: LedgerCheck = {
      file: { sha256: 'c'.repeat(64), name: '金鹰2026年电费台账.xlsx', size: 20480 }, landlord: '金鹰购物中心有限公司', mapping: { fields: {}, fees: [] }, method: 'catalogue',
      key: { region: '福建', category: '一般工商业', voltage: '不满1千伏' }, gridBills: {}, toleranceFen: 0, tariffTable: '福建示例', schedule,
      totalOverchargeFen: schedule.reduce((s, r) => s + r.overchargeFen, 0), linesComputed: 120, linesLeftOut: 0,
    };
    const file = join(OUT, 'overcharge-schedule.pdf');
    writeFileSync(file, await schedulePdf(FONT, { id: ID, check, party: { name: '金鹰购物中心有限公司', uscc: '91320106MA1MXXXX0A' }, createdAt: '2026-04-01T04:00:00.000Z' }));
    const text = poppler('pdftotext', file, '-layout').replace(/[ \t]+/g, ' ');
    expect(text).toContain('多收电费明细表（初步）');
    expect(text).toContain(`文件 SHA-256： ${'c'.repeat(64)}`);
    expect(text).toContain('多收电费合计： 1,271.40 元');
    expect(text).toContain('商户01 2026-01 100.00 90.00 10.00 2');
    expect(text).toContain('商户10 2026-12 101.19 90.00 11.19 121');
    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', file))![1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`第 ${pages} 页 共 ${pages} 页`);
  });
});
