// Signed documents (issue 13 §5): the envelope and its canonical summary, the PEM key file, and a
// signature over every kind of document the office issues — verified, and each alteration detected
// with what differs: a flipped byte, a changed amount, bytes appended, another key, a broken QR text.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawNoticePdf } from '../../../src-shared/docs/drawNoticePdf';
import { drawRecordPdf } from '../../../src-shared/docs/drawRecordPdf';
import type { FontSource } from '../../../src-shared/docs/fontSubset';
import { onSiteRecordPdf } from '../../../src-shared/docs/onSiteRecordPdf';
import type { SealMark } from '../../../src-shared/docs/pdfWriter';
import { refundOrderPdf } from '../../../src-shared/docs/refundOrderPdf';
import { refundReminderPdf } from '../../../src-shared/docs/refundReminderPdf';
import { publicationPdf } from '../../../src-shared/docs/publicationPdf';
import type { PublicationNotice } from '../../../src-shared/publication/notice';
import type { RefundReminder } from '../../../src-shared/refund/tracking';
import { schedulePdf } from '../../../src-shared/docs/schedulePdf';
import { runDraw, type DrawResult } from '../../../src-shared/draw/draw';
import type { LedgerCheck } from '../../../src-shared/inspection/ledgerCheck';
import type { OnSiteRecord, OnSiteSignature } from '../../../src-shared/inspection/onSiteRecord';
import { REFUND_BASIS, refundTenantsOf, type RefundOrder } from '../../../src-shared/refund/order';
import { canonicalSummary, decodeEnvelope, signSummary, verifyEnvelope, type SealSummary } from '../../../src-shared/seal/envelope';
import { fingerprintOf, newSecretKey, parsePublicKeys, printedFingerprint, publicKeyOf, publicKeyPem, type OfficePublicKey } from '../../../src-shared/seal/officeKey';
import { issuedPdfHash, sealPdf, verifySealedPdf } from '../../../src-shared/seal/pdfSeal';
import { drawSummary, onSiteRecordSummary, publicationSummary, refundOrderSummary, reminderSummary, scheduleSummary, type PublishedList, type SealContext } from '../../../src-shared/seal/summaries';
import { sealProblemText } from '../../../src-shared/i18n/seal';
import { ALL_PLAN, CERTS, entity, inspector } from '../hub/syncWorld';
import { main } from '../../../src-main/cli/index';

const FONT: FontSource = {
  font: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'))),
  wasm: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'))),
};
const OUT = join(process.cwd(), 'test-results', 'documents');
mkdirSync(OUT, { recursive: true });

/** A fixed key, so that the files written for a look are the same run after run. */
const SECRET = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const KEY: OfficePublicKey = { fingerprint: fingerprintOf(publicKeyOf(SECRET)), publicKey: publicKeyOf(SECRET), createdAt: '2026-03-01T00:00:00.000Z', retiredAt: null };
const OTHER_SECRET = newSecretKey();
const OTHER: OfficePublicKey = { fingerprint: fingerprintOf(publicKeyOf(OTHER_SECRET)), publicKey: publicKeyOf(OTHER_SECRET), createdAt: '', retiredAt: null };
const ISSUER = '福州市鼓楼区市场监督管理局';

const SHA = 'ab'.repeat(32);
const LEDGER: LedgerCheck = {
  file: { sha256: SHA, name: '2026年租户电费台账.xlsx', size: 20480 }, landlord: '金鹰购物中心', mapping: { fields: { tenant: '商户', kwh: '电量' }, fees: [] },
  method: 'catalogue', key: { region: '福建', category: '一般工商业', voltage: '不满1千伏' }, gridBills: {}, toleranceFen: 0, tariffTable: '示例',
  schedule: [
    { tenant: '奶茶店', month: '2026-01', chargedFen: 50000, lawfulFen: 41234, overchargeFen: 8766, lines: [3] },
    { tenant: '书店', month: '2026-02', chargedFen: 30000, lawfulFen: 28000, overchargeFen: 2000, lines: [5, 6] },
  ],
  totalOverchargeFen: 10766, linesComputed: 2, linesLeftOut: 0,
};
const ORDER: RefundOrder = {
  id: '0193a0c0-0000-7000-8000-000000000001', caseId: '0193a0c0-0000-7000-8000-000000000002', docNo: '鼓市监价退〔2026〕7号', issuedOn: '2026-09-28', workingDays: 15, deadline: '2026-10-23',
  office: ISSUER, party: { name: '福州金鹰购物中心有限公司', uscc: '91350100M000100Y43', address: '福州市鼓楼区五四路' }, basis: [REFUND_BASIS],
  ledger: { recordId: '0193a0c0-0000-7000-8000-000000000003', sha256: SHA, name: LEDGER.file.name }, tenants: refundTenantsOf(LEDGER), totalFen: 10766, calendarBasis: '国办发明电〔2025〕7号',
};
const REMINDER: RefundReminder = { issuedOn: '2026-10-26', workingDays: 5, deadline: '2026-11-02', calendarBasis: '国办发明电〔2025〕7号', tenants: [{ tenant: '奶茶店', remainingFen: 8766 }] };
const NOTICE: PublicationNotice = {
  planName: '2026年鼓楼区转供电价格双随机抽查', office: ISSUER, date: '2026-10-30',
  rows: [{ name: ORDER.party.name, uscc: ORDER.party.uscc, address: ORDER.party.address, closedOn: '2026-09-25', category: 'refund-ordered', handling: '鼓市监价退〔2026〕7号，责令退还 107.66 元', publishedOn: '2026-10-30' }],
};
const PUBLISHED: PublishedList = { id: '0193a0c0-0000-7000-8000-000000000009', planName: NOTICE.planName, publishedOn: '2026-10-30', channel: '国家企业信用信息公示系统', entries: [{ uscc: ORDER.party.uscc, category: 'refund-ordered' }] };
const RECORD: OnSiteRecord = {
  supplementOf: null, startedAt: '2026-03-02T02:00:00.000Z', place: '金鹰购物中心配电房',
  party: { name: '福州金鹰购物中心有限公司', uscc: '91350100M000100Y43', address: '福州市鼓楼区五四路', representative: '张经理', title: '物业经理', phone: '13800000000' },
  inspectors: [{ certNo: 'GL-001', name: '王检查' }, { certNo: 'GL-002', name: '李检查' }],
  sections: [{ heading: '检查情况', lines: ['总表一块，分表十二块。'] }], covers: [],
};
const SIGNATURES: OnSiteSignature[] = [
  { recordId: '0193a0c0-0000-7000-8000-000000000004', role: 'inspector', name: '王检查', certNo: 'GL-001', image: null, refused: false, note: '', signedAt: '2026-03-02T03:00:00.000Z' },
  { recordId: '0193a0c0-0000-7000-8000-000000000004', role: 'party', name: '张经理', certNo: '', image: null, refused: true, note: '拒绝签字', signedAt: '2026-03-02T03:01:00.000Z' },
] as unknown as OnSiteSignature[];

let drawn: DrawResult;
beforeAll(() => {
  drawn = runDraw({ entities: Array.from({ length: 12 }, (_, i) => entity(i + 1)), inspectors: CERTS.map((c) => inspector(c)), plan: ALL_PLAN, seed: '2026 第一批', drawnAt: '2026-03-02T01:00:00.000Z' });
});

interface Kind {
  name: string;
  render: (seal?: SealMark) => Promise<Uint8Array>;
  summary: (c: SealContext) => SealSummary;
}

const KINDS: Kind[] = [
  { name: 'refund-order', render: (seal) => refundOrderPdf(FONT, ORDER, seal), summary: (c) => refundOrderSummary(ORDER, c) },
  { name: 'onsite-record', render: (seal) => onSiteRecordPdf(FONT, { id: SIGNATURES[0]!.recordId, record: RECORD, signatures: SIGNATURES, photos: [], signatureImages: new Map() }, seal), summary: (c) => onSiteRecordSummary({ id: SIGNATURES[0]!.recordId, record: RECORD, signatures: SIGNATURES }, c) },
  { name: 'overcharge-schedule', render: (seal) => schedulePdf(FONT, { id: ORDER.ledger.recordId, check: LEDGER, party: ORDER.party, createdAt: '2026-03-02T04:00:00.000Z' }, seal), summary: (c) => scheduleSummary({ id: ORDER.ledger.recordId, check: LEDGER, party: ORDER.party, createdAt: '2026-03-02T04:00:00.000Z' }, c) },
  { name: 'refund-reminder', render: (seal) => refundReminderPdf(FONT, ORDER, REMINDER, seal), summary: (c) => reminderSummary(ORDER, REMINDER, c) },
  { name: 'publication', render: (seal) => publicationPdf(FONT, NOTICE, seal), summary: (c) => publicationSummary(PUBLISHED, c) },
  { name: 'draw-record', render: (seal) => drawRecordPdf(FONT, { result: drawn, inspectorNames: new Map(), drawnBy: '陈科长' }, seal), summary: (c) => drawSummary('draw-record', drawn.record, c) },
  { name: 'draw-notice', render: (seal) => drawNoticePdf(FONT, { result: drawn, inspectorNames: new Map(), drawnBy: '陈科长' }, seal), summary: (c) => drawSummary('draw-notice', drawn.record, c) },
];

/** Makes the document with the key's mark, signs its summary, appends the signature. */
async function issue(kind: Kind, secret: Uint8Array = SECRET, key = KEY): Promise<{ file: Uint8Array; summary: SealSummary; envelope: string }> {
  const doc = await kind.render({ fingerprint: key.fingerprint });
  const summary = kind.summary({ issuer: ISSUER, key: key.fingerprint, pdf: issuedPdfHash(doc) });
  const envelope = signSummary(summary, secret);
  return { file: sealPdf(doc, envelope), summary, envelope };
}

describe('the envelope', () => {
  const summary = refundOrderSummary(ORDER, { issuer: '', key: KEY.fingerprint, pdf: SHA });

  it('names the document, its party and figures, in canonical JSON the signature covers', () => {
    expect(summary).toEqual({
      v: 1, kind: 'refund-order', no: '鼓市监价退〔2026〕7号', title: '责令退还多收电费通知书', issuer: ISSUER, date: '2026-09-28',
      parties: [{ name: '福州金鹰购物中心有限公司', id: '91350100M000100Y43' }],
      figures: [
        { label: '退还金额合计', value: '107.66 元' }, { label: '退还户数', value: '2' },
        { label: '退还期限', value: '15 个工作日（送达当日起算至 2026-10-23）' }, { label: '台账 SHA-256', value: SHA },
      ],
      pdf: SHA, key: KEY.fingerprint,
    });
    const text = signSummary(summary, SECRET);
    expect(text.startsWith('TC1.')).toBe(true);
    expect(text.slice(91)).toBe(canonicalSummary(summary));
    expect(verifyEnvelope(text, [KEY])).toEqual({ ok: true, summary, key: KEY });
    // Ed25519 is deterministic: the same summary signed again is the same text.
    expect(signSummary(summary, SECRET)).toBe(text);
  });

  it('detects a changed amount, another key, a broken or foreign text', () => {
    const text = signSummary(summary, SECRET);
    const changed = text.replace('107.66 元', '17.66 元');
    expect(verifyEnvelope(changed, [KEY])).toMatchObject({ ok: false, problem: { code: 'bad-signature' }, summary: { figures: [{ value: '17.66 元' }, {}, {}, {}] } });
    expect(verifyEnvelope(text, [OTHER])).toEqual({ ok: false, problem: { code: 'unknown-key', key: KEY.fingerprint }, summary });
    expect(verifyEnvelope(signSummary({ ...summary, key: OTHER.fingerprint }, SECRET), [KEY, OTHER])).toMatchObject({ ok: false, problem: { code: 'bad-signature' } });
    expect(verifyEnvelope('https://example.com/', [KEY])).toEqual({ ok: false, problem: { code: 'not-seal' } });
    expect(verifyEnvelope(text.slice(0, 60), [KEY])).toEqual({ ok: false, problem: { code: 'malformed', detail: 'signature' } });
    expect(verifyEnvelope(text.slice(0, -1), [KEY])).toEqual({ ok: false, problem: { code: 'malformed', detail: 'summary is not JSON' } });
    // The same summary spelled with its keys in another order is not what was issued.
    const json = text.slice(91);
    const { v, ...rest } = JSON.parse(json) as SealSummary;
    const reordered = text.slice(0, 91) + JSON.stringify({ v, ...rest });
    expect(decodeEnvelope(reordered)).toEqual({ ok: false, problem: { code: 'malformed', detail: 'summary is not canonical' } });
  });

  it('keeps the public key as standard PEM, several keys in one file', () => {
    const pem = publicKeyPem(KEY) + publicKeyPem({ ...OTHER, retiredAt: '2026-06-01T00:00:00.000Z' });
    expect(pem).toContain(`# TariffCheck office key ${printedFingerprint(KEY.fingerprint)}`);
    expect(printedFingerprint(KEY.fingerprint)).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    expect(parsePublicKeys(pem).map((k) => k.fingerprint)).toEqual([KEY.fingerprint, OTHER.fingerprint]);
    // OpenSSL reads it as an Ed25519 key (interoperable, not a format of our own).
    const file = join(OUT, 'key.pem');
    writeFileSync(file, publicKeyPem(KEY));
    expect(execFileSync('openssl', ['pkey', '-pubin', '-in', file, '-noout', '-text'], { encoding: 'utf8' })).toContain('ED25519 Public-Key');
    expect(() => parsePublicKeys('no key here')).toThrow('no PUBLIC KEY block');
    expect(() => parsePublicKeys('-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----')).toThrow('not an Ed25519 public key');
  });
});

describe.each(KINDS)('a signed $name', (kind) => {
  let issued: Awaited<ReturnType<typeof issue>>;
  beforeAll(async () => {
    issued = await issue(kind);
    writeFileSync(join(OUT, `${kind.name}.pdf`), issued.file);
  });

  it('verifies with the office key, and its summary names the document as printed', () => {
    expect(verifySealedPdf(issued.file, [OTHER, KEY])).toEqual({ ok: true, summary: issued.summary, key: KEY });
    expect(issued.summary.kind).toBe(kind.name);
    // The signed part is the document as made, byte for byte: made again, the same bytes.
  });

  it('signs the document as made: made again from the same data, the same bytes', async () => {
    expect(issuedPdfHash(await kind.render({ fingerprint: KEY.fingerprint }))).toBe(issued.summary.pdf);
  });

  it('detects a flipped byte anywhere in the document', () => {
    for (const at of [400, Math.floor(issued.file.length / 2)]) {
      const bad = issued.file.slice();
      bad[at]! ^= 0x01;
      const check = verifySealedPdf(bad, [KEY]);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.problems.map((p) => p.code)).toContain('content-changed');
    }
  });

  it('detects another key, and anything appended after signing', () => {
    expect(verifySealedPdf(issued.file, [OTHER])).toMatchObject({ ok: false, problems: [{ code: 'unknown-key', key: KEY.fingerprint }] });
    const appended = new Uint8Array([...issued.file, ...new TextEncoder().encode('99 0 obj\n(another page)\nendobj\n')]);
    expect(verifySealedPdf(appended, [KEY])).toMatchObject({ ok: false, problems: [{ code: 'update-changed' }] });
  });
});

describe('alterations told in words', () => {
  it('a changed amount in the signed summary, a document never signed, a signature by another key', async () => {
    const kind = KINDS[0]!;
    const { file, envelope } = await issue(kind);
    // The amount in the envelope changed (and the QR with it, so that the update matches): the signature fails.
    const forged = envelope.replace('107.66 元', '10.66 元');
    const doc = await kind.render({ fingerprint: KEY.fingerprint });
    expect(sealPdf(doc, envelope)).toEqual(file);
    const refiled = sealPdf(doc, forged);
    const check = verifySealedPdf(refiled, [KEY]);
    expect(check).toMatchObject({ ok: false, problems: [{ code: 'bad-signature' }] });
    if (!check.ok) expect(sealProblemText(check.problems[0]!)).toBe('签名与摘要不符：摘要在签发后被改动，或签名不是该密钥所签');
    // Signed by another key: named as such.
    const other = await issue(kind, OTHER_SECRET, OTHER);
    const byOther = verifySealedPdf(other.file, [KEY]);
    expect(byOther).toMatchObject({ ok: false, problems: [{ code: 'unknown-key', key: OTHER.fingerprint }] });
    if (!byOther.ok) expect(sealProblemText(byOther.problems[0]!)).toBe(`签章所用的密钥（指纹 ${OTHER.fingerprint}）不在所给的公钥中：文件由其他密钥签发`);
    // An unsigned document (made offline) carries no seal.
    const unsigned = await kind.render();
    expect(verifySealedPdf(unsigned, [KEY])).toEqual({ ok: false, problems: [{ code: 'no-seal', detail: 'the file carries no signature' }] });
    expect(verifySealedPdf(new TextEncoder().encode('hello'), [KEY])).toEqual({ ok: false, problems: [{ code: 'not-pdf', detail: 'not a PDF file' }] });
  });

  it('a content change is told with both hashes', async () => {
    const { file, summary } = await issue(KINDS[2]!);
    const bad = file.slice();
    bad[600]! ^= 0x20;
    const check = verifySealedPdf(bad, [KEY]);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    const changed = check.problems.find((p) => p.code === 'content-changed');
    expect(changed).toEqual({ code: 'content-changed', signed: summary.pdf, actual: issuedPdfHash(bad.subarray(0, new TextDecoder('latin1').decode(bad).indexOf('%%EOF') + 5)) });
    expect(sealProblemText(changed!)).toBe(`文件内容与签发时不同：签发时 SHA-256 ${summary.pdf}，现为 ${changed && 'actual' in changed ? changed.actual : ''}`);
  });
});

describe('the QR code printed on every page', () => {
  it('reads back, from the page rendered at 200 dpi, as the envelope that verifies', async () => {
    const { file, envelope } = await issue(KINDS[0]!);
    const pdf = join(OUT, 'qr-check.pdf');
    writeFileSync(pdf, file);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const page of [1, pages]) {
      const prefix = join(OUT, `qr-check-${page}`);
      execFileSync('pdftoppm', ['-png', '-r', '200', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
      const png = PNG.sync.read(readFileSync(`${prefix}.png`));
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(code).not.toBeNull();
      const text = new TextDecoder().decode(new Uint8Array(code!.binaryData));
      expect(text).toBe(envelope);
      expect(verifyEnvelope(text, [KEY]).ok).toBe(true);
    }
  });
});

describe('tariffcheck verify-doc and office-key', () => {
  const capture = () => {
    const lines: string[] = [];
    const errors: string[] = [];
    return { lines, errors, out: (t: string) => lines.push(t), err: (t: string) => errors.push(t) };
  };
  const keyFile = join(OUT, 'office-key.pub');

  it('exits 0 for a genuine file, 1 naming what differs, 2 for a file or key it cannot read', async () => {
    writeFileSync(keyFile, publicKeyPem(KEY));
    const { file, summary } = await issue(KINDS[0]!);
    const genuine = join(OUT, 'verify-genuine.pdf');
    writeFileSync(genuine, file);
    const ok = capture();
    expect(await main(['verify-doc', genuine, '--key', keyFile], ok)).toBe(0);
    expect(ok.lines[0]).toBe(`核验通过：该文件由公钥指纹 ${printedFingerprint(KEY.fingerprint)} 的办案机构签发，内容未被改动。`);
    expect(ok.lines[1]).toContain('  文号：鼓市监价退〔2026〕7号\n  签发机构：福州市鼓楼区市场监督管理局\n  日期：2026-09-28');
    expect(ok.lines[1]).toContain('  退还金额合计：107.66 元');

    const altered = join(OUT, 'verify-altered.pdf');
    const bad = file.slice();
    bad[700]! ^= 0x04;
    writeFileSync(altered, bad);
    const no = capture();
    expect(await main(['verify-doc', altered, '--key', keyFile], no)).toBe(1);
    expect(no.lines[0]).toBe('核验未通过：');
    expect(no.lines[1]).toMatch(new RegExp(`^  - 文件内容与签发时不同：签发时 SHA-256 ${summary.pdf}，现为 [0-9a-f]{64}$`));

    const json = capture();
    expect(await main(['verify-doc', altered, '--key', keyFile, '--json'], json)).toBe(1);
    expect(JSON.parse(json.lines[0]!)).toMatchObject({ ok: false, problems: [{ code: 'content-changed', signed: summary.pdf }], summary: { no: '鼓市监价退〔2026〕7号' } });

    const otherKey = join(OUT, 'other-key.pub');
    writeFileSync(otherKey, publicKeyPem(OTHER));
    const other = capture();
    expect(await main(['verify-doc', genuine, '--key', otherKey], other)).toBe(1);
    expect(other.lines[1]).toBe(`  - 签章所用的密钥（指纹 ${KEY.fingerprint}）不在所给的公钥中：文件由其他密钥签发`);

    const missing = capture();
    expect(await main(['verify-doc', join(OUT, 'nothing.pdf'), '--key', keyFile], missing)).toBe(2);
    expect(missing.errors[0]).toMatch(/^tariffcheck verify-doc: 无法读取文件 .*nothing\.pdf：ENOENT/);
    const badKey = join(OUT, 'bad-key.pub');
    writeFileSync(badKey, 'not a key');
    const unreadable = capture();
    expect(await main(['verify-doc', genuine, '--key', badKey], unreadable)).toBe(2);
    expect(unreadable.errors[0]).toBe(`tariffcheck verify-doc: 无法读取公钥文件 ${badKey}：no PUBLIC KEY block`);
    const noKey = capture();
    expect(await main(['verify-doc', genuine], noKey)).toBe(2);
  });

  it('office-key export writes the keys in force and retired, made and sealed in the hub folder; rotate adds one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tariffcheck-keys-'));
    try {
      const out = join(dir, 'office-key.pub');
      const first = capture();
      expect(await main(['office-key', 'export', '--data', join(dir, 'hub'), '--out', out], first)).toBe(0);
      const [made] = parsePublicKeys(readFileSync(out, 'utf8'));
      expect(first.errors[0]).toBe(`已导出 1 个公钥（在用：${printedFingerprint(made!.fingerprint)}）到 ${out}`);
      expect(statSync(join(dir, 'hub', 'office-seal.key')).mode & 0o777).toBe(0o600);
      const rotated = capture();
      expect(await main(['office-key', 'rotate', '--data', join(dir, 'hub')], rotated)).toBe(0);
      expect(rotated.lines[0]).toMatch(/^已启用新的签章密钥 ([0-9A-F]{4} ){7}[0-9A-F]{4}；/);
      const printed = capture();
      expect(await main(['office-key', 'export', '--data', join(dir, 'hub')], printed)).toBe(0);
      const both = parsePublicKeys(printed.lines[0]!);
      expect(both.map((k) => k.fingerprint)).toEqual([expect.not.stringMatching(made!.fingerprint), made!.fingerprint]);
      expect(printed.lines[0]).toContain(', retired ');
      // The seal key in the environment wins over the file; a wrong one cannot open the key in force.
      const wrong = capture();
      process.env.TARIFFCHECK_SEAL_KEY = Buffer.alloc(32, 1).toString('base64');
      await expect(main(['office-key', 'export', '--data', join(dir, 'hub')], wrong)).rejects.toThrow('cannot be unsealed');
    } finally {
      delete process.env.TARIFFCHECK_SEAL_KEY;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
