// Documents (issue 13): refund orders for 200 approved cases issued as the office issues them — the PDF
// with the seal box, the summary signed with the office key, the signature appended, and the Excel
// ledger — then every signed PDF verified as `verify-doc` does. Goals: under 100 ms per document issued,
// under 20 ms per verification. Baselines in the same run: the unsigned PDF alone, and a bare SHA-256 of
// each file (the floor of any verification).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { FontSource } from '../../src-shared/docs/fontSubset';
import { refundOrderPdf } from '../../src-shared/docs/refundOrderPdf';
import { refundOrderWorkbook } from '../../src-shared/docs/refundOrderXlsx';
import { sha256Hex } from '../../src-shared/hash/sha256';
import { REFUND_BASIS, type RefundOrder, type RefundTenant } from '../../src-shared/refund/order';
import { signSummary } from '../../src-shared/seal/envelope';
import { fingerprintOf, publicKeyOf, type OfficePublicKey } from '../../src-shared/seal/officeKey';
import { issuedPdfHash, sealPdf, verifySealedPdf } from '../../src-shared/seal/pdfSeal';
import { refundOrderSummary } from '../../src-shared/seal/summaries';
import { fmt, summary } from './stats';

const CASES = 200;
const FONT: FontSource = {
  font: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'))),
  wasm: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'))),
};
const SECRET = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);
const KEY: OfficePublicKey = { fingerprint: fingerprintOf(publicKeyOf(SECRET)), publicKey: publicKeyOf(SECRET), createdAt: '', retiredAt: null };
const MONTHS = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];

/** Case i's order: 5 to 60 tenants, each owed in some of six months (a mall's ledger after the check). */
function orderOf(i: number): RefundOrder {
  const tenants: RefundTenant[] = Array.from({ length: 5 + ((i * 11) % 56) }, (_, t) => {
    const months = MONTHS.filter((_, m) => (t + m + i) % 3 !== 0).map((month, m) => ({ month, overchargeFen: 1000 + ((i * 37 + t * 13 + m * 7) % 9000), lines: [t * 6 + m + 2] }));
    return { tenant: `${['一楼', '二楼', '三楼'][t % 3]}${t + 1}号商铺（某某餐饮管理有限公司）`, months, totalFen: months.reduce((s, m) => s + m.overchargeFen, 0) };
  });
  const uscc = '91350100M000100Y43';
  return {
    id: `0193a0c0-0000-7000-8000-${String(i).padStart(12, '0')}`, caseId: `0193a0c0-0000-7000-9000-${String(i).padStart(12, '0')}`,
    docNo: `鼓市监价退〔2026〕${i + 1}号`, issuedOn: '2026-09-28', workingDays: 15, deadline: '2026-10-23', office: '福州市鼓楼区市场监督管理局',
    party: { name: `福州第${i + 1}购物中心有限公司`, uscc, address: '福州市鼓楼区五四路' }, basis: [REFUND_BASIS],
    ledger: { recordId: `0193a0c0-0000-7000-a000-${String(i).padStart(12, '0')}`, sha256: 'ab'.repeat(32), name: '租户电费台账.xlsx' },
    tenants, totalFen: tenants.reduce((s, t) => s + t.totalFen, 0), calendarBasis: '国办发明电〔2025〕7号',
  };
}

/** One order issued: the PDF with the seal box, signed and sealed, and its Excel ledger. */
async function issue(order: RefundOrder): Promise<Uint8Array> {
  const doc = await refundOrderPdf(FONT, order, { fingerprint: KEY.fingerprint });
  const envelope = signSummary(refundOrderSummary(order, { issuer: order.office, key: KEY.fingerprint, pdf: issuedPdfHash(doc) }), SECRET);
  await refundOrderWorkbook(order);
  return sealPdf(doc, envelope);
}

async function timed<T>(items: readonly T[], fn: (item: T) => Promise<unknown> | unknown): Promise<number[]> {
  const ms: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    await fn(item);
    ms.push(performance.now() - t0);
  }
  return ms;
}

export default async function (): Promise<string> {
  const load = loadavg()[0]!.toFixed(1);
  const orders = Array.from({ length: CASES }, (_, i) => orderOf(i));
  // Warm-up: the font subsetter's WebAssembly, the JIT.
  for (const o of orders.slice(0, 3)) await issue(o);
  const files: Uint8Array[] = [];
  const issued = summary(await timed(orders, async (o) => files.push(await issue(o))));
  const bare = summary(await timed(orders, (o) => refundOrderPdf(FONT, o)));
  const verified = summary(await timed(files, (f) => {
    if (!verifySealedPdf(f, [KEY]).ok) throw new Error('a genuine order did not verify');
  }));
  const hashed = summary(await timed(files, (f) => sha256Hex(f)));
  const pages = files.map((f) => (new TextDecoder('latin1').decode(f).match(/\/Type \/Page\b/g) ?? []).length);
  const kb = files.map((f) => f.length / 1024);
  const total = issued.median * CASES;
  return [
    '## Refund orders issued and verified (issue 13)',
    '',
    `${CASES} approved cases' refund orders (5–60 tenants each, ${Math.min(...pages)}–${Math.max(...pages)} pages, ${Math.min(...kb).toFixed(0)}–${Math.max(...kb).toFixed(0)} kB), issued one after another in one process:`,
    'the PDF with its seal box, the summary signed (Ed25519), the signature appended with the QR code, and the Excel',
    'ledger; then each signed PDF verified as `tariffcheck verify-doc` does (signature, document hash, the update rebuilt).',
    `Per document, median and spread over the 200 (load average when the bench started: ${load}):`,
    '',
    '| step | time per document | goal | baseline (same run) |',
    '|---|---|---|---|',
    `| issue (PDF signed + Excel) | ${fmt(issued)} | under 100 ms | unsigned PDF alone ${fmt(bare)} |`,
    `| verify | ${fmt(verified)} | under 20 ms | SHA-256 of the file ${fmt(hashed)} |`,
    '',
    `All ${CASES} issued in about ${(total / 1000).toFixed(1)} s. The hub's part of signing (its own summary, one Ed25519 signature, one row in the register) is not in these figures: it is a request per document, made once.`,
    '',
  ].join('\n');
}
