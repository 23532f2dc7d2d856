// 责令退还多收电费通知书 as PDF and its Excel ledger, made from an order built the way the office builds it:
// a generated landlord's ledger imported and computed (importLedger, computeOvercharge, ledgerCheckOf), the
// tenants taken by refundTenantsOf, the deadline counted on the working-day calendar across 国庆.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import sampleJson from '../../../resources/tariffs/sample-fujian.json';
import { workdayCalendarOf } from '../../../src-shared/calendar/officeCalendar';
import { addWorkingDays, calendarSources } from '../../../src-shared/calendar/workdays';
import type { FontSource } from '../../../src-shared/docs/fontSubset';
import { chinaDateText, monthRanges, refundOrderPdf } from '../../../src-shared/docs/refundOrderPdf';
import { refundOrderWorkbook } from '../../../src-shared/docs/refundOrderXlsx';
import { ledgerCheckOf, type LedgerCheck } from '../../../src-shared/inspection/ledgerCheck';
import { defaultOfficeSettings, refundBases } from '../../../src-shared/inspection/officeSettings';
import { importLedger, mappingOf } from '../../../src-shared/ledger/importLedger';
import { formatFen } from '../../../src-shared/money';
import { fenToChineseCapital } from '../../../src-shared/refund/capital';
import { formatDocNo, REFUND_BASIS, refundOrderSchema, refundTenantsOf, type RefundOrder } from '../../../src-shared/refund/order';
import { computeOvercharge } from '../../../src-shared/refund/overcharge';
import { TariffIndex } from '../../../src-shared/tariff/lookup';
import { loadTariffTable } from '../../../src-shared/tariff/types';
import { ledgerFile } from '../../fixtures/ledgerFiles';

const FONT: FontSource = {
  font: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'))),
  wasm: new Uint8Array(readFileSync(join(process.cwd(), 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'))),
};
const OUT = join(process.cwd(), 'test-results', 'docs');
mkdirSync(OUT, { recursive: true });

const run = (tool: string, ...args: string[]): string => execFileSync(tool, args, { encoding: 'utf8' });
const squeeze = (s: string): string => s.replace(/\s+/g, '');

const MONTHS = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
const LONG_NAMES = new Map([
  [0, '福州市鼓楼区东街口万象城购物中心三层东区L3-086号铺位某某国际餐饮管理有限公司福州第一分公司'],
  [17, '福建省某某连锁超市股份有限公司福州万象城店（含地下一层生鲜加工区及冷库用电）'],
  [42, '某某（中国）投资有限公司福州分公司'],
]);

/** The order the office would issue for the generated ledger: a few tenants renamed long, a few months owed nothing (gaps in the months). */
async function makeOrder(): Promise<RefundOrder> {
  const generated = await ledgerFile('simple', { tenants: 60, months: MONTHS, seed: 13 });
  const ledger = await importLedger(generated.bytes);
  const key = { region: '福建', category: '一般工商业', voltage: '不满1千伏' };
  const table = loadTariffTable(sampleJson);
  const result = computeOvercharge(ledger, { method: 'catalogue', tariffs: new TariffIndex(table), key });
  const sha256 = createHash('sha256').update(generated.bytes).digest('hex');
  const check: LedgerCheck = ledgerCheckOf({ file: { sha256, name: '万象城2025—2026年商户电费台账.xlsx', size: generated.bytes.length }, landlord: '万象城', mapping: mappingOf(ledger.columns), key, gridBills: new Map(), tariffTable: table.name }, result);
  const tenants = [...new Set(check.schedule.map((r) => r.tenant))];
  expect(tenants).toHaveLength(60);
  const schedule = check.schedule.map((r) => {
    const i = tenants.indexOf(r.tenant);
    const owedNothing = (i % 7 === 3 && r.month === '2025-12') || (i % 11 === 5 && (r.month === '2025-11' || r.month === '2026-02'));
    return { ...r, tenant: LONG_NAMES.get(i) ?? r.tenant, overchargeFen: owedNothing ? 0 : r.overchargeFen };
  });
  const refundTenants = refundTenantsOf({ schedule });
  const settings = defaultOfficeSettings();
  settings.refund.bases = ['price-law-39', 'penalty-9'];
  const calendar = workdayCalendarOf(settings);
  const issuedOn = '2026-09-25';
  const deadline = addWorkingDays(calendar, issuedOn, settings.refund.workingDays);
  return refundOrderSchema.parse({
    id: '0195d0a0-0000-7000-8000-0000000000a1',
    caseId: '0195d0a0-0000-7000-8000-0000000000c1',
    docNo: formatDocNo('榕市监价退', 2026, 37),
    issuedOn,
    workingDays: settings.refund.workingDays,
    deadline,
    office: '福州市鼓楼区市场监督管理局',
    party: { name: '福州万象城商业管理有限公司', uscc: '91350100M000100Y43', address: '福州市鼓楼区五四路 128 号' },
    basis: refundBases(settings, REFUND_BASIS),
    ledger: { recordId: '0195d0a0-0000-7000-8000-0000000000d1', sha256, name: check.file.name },
    tenants: refundTenants,
    totalFen: refundTenants.reduce((s, t) => s + t.totalFen, 0),
    calendarBasis: calendarSources(calendar, issuedOn, deadline).map((s) => `《${s.source.title}》（${s.source.number}）`).join('、'),
  } satisfies RefundOrder);
}

describe('the text of a refund order', () => {
  it('prints China dates as 2026年12月6日', () => {
    expect(chinaDateText('2026-12-06')).toBe('2026年12月6日');
    expect(chinaDateText('2027-01-31')).toBe('2027年1月31日');
    expect(() => chinaDateText('2026-1-6')).toThrow(RangeError);
  });

  it('writes consecutive months as ranges, across a year end too', () => {
    expect(monthRanges(['2026-01', '2026-02', '2026-03', '2026-05'])).toEqual(['2026-01至2026-03', '2026-05']);
    expect(monthRanges(['2025-11', '2025-12', '2026-01', '2026-03', '2026-04', '2026-07'])).toEqual(['2025-11至2026-01', '2026-03至2026-04', '2026-07']);
    expect(monthRanges(['2026-06'])).toEqual(['2026-06']);
    expect(monthRanges([])).toEqual([]);
  });
});

describe('责令退还多收电费通知书 as PDF', () => {
  let order: RefundOrder;
  let bytes: Uint8Array;
  const file = join(OUT, 'refund-order.pdf');
  beforeAll(async () => {
    order = await makeOrder();
    bytes = await refundOrderPdf(FONT, order);
    writeFileSync(file, bytes);
  });

  it('is an official document: authority, title, number, party, the amount in figures and capitals, basis and deadline, the office and date on page 1', () => {
    const first = squeeze(run('pdftotext', '-layout', '-f', '1', '-l', '1', file, '-'));
    expect(order.deadline).toBe('2026-10-22'); // 15 working days after 25 September: 国庆 (1–7 October) left out, Saturday 10 October worked
    expect(order.calendarBasis).toContain('国务院办公厅关于2026年部分节假日安排的通知');
    expect(first).toMatch(/^福州市鼓楼区市场监督管理局责令退还多收电费通知书榕市监价退〔2026〕37号当事人：/);
    for (const expected of [
      '当事人：福州万象城商业管理有限公司统一社会信用代码：91350100M000100Y43住所（经营场所）：福州市鼓楼区五四路128号经检查，',
      `你单位向60户租户多收电费共计${formatFen(order.totalFen)}元（大写：${fenToChineseCapital(order.totalFen)}）。`,
      `依据《价格违法行为行政处罚规定》第十六条、《中华人民共和国价格法》第三十九条、《价格违法行为行政处罚规定》第九条，责令你单位自收到本通知书之日起15个工作日内（即2026年10月22日前，按${squeeze(order.calendarBasis)}计算）将多收电费退还给附件所列租户，并将退还凭证报送本局。`,
      // 落款 after the 附件 line, on the page of the notice: the office over the date.
      '难以查找的租户，应当公告查找。逾期不退还的，本局将依法处理。附件：多收电费退还明细表福州市鼓楼区市场监督管理局2026年9月25日榕市监价退〔2026〕37号第1页共',
    ]) expect(first).toContain(expected);
  });

  it('lists every tenant with its months and total, long names wrapped in their cell, and the 合计 row', () => {
    // -raw keeps the order the cells are drawn in: 序号, 租户 (all its lines), 月份, amount.
    const text = squeeze(run('pdftotext', '-raw', file, '-'));
    order.tenants.forEach((t, i) => {
      expect(text).toContain(squeeze(`${i + 1}${t.tenant}${monthRanges(t.months.map((m) => m.month)).join('、')}${formatFen(t.totalFen)}`));
    });
    expect(text).toContain(`合计（60户）${formatFen(order.totalFen)}注：多收金额依据你单位提供的电费台账《${order.ledger.name}》逐户逐月核算`);
    expect(text).toContain(`台账文件SHA-256：${order.ledger.sha256}`);
    // The gaps show: a tenant owed nothing for December, one owed nothing for November and February.
    expect(text).toContain('2025-10至2025-11、2026-01至2026-03');
    expect(text).toContain('2025-10、2025-12至2026-01、2026-03');
    // The longest name is wider than its column: it takes two lines or more.
    const layout = run('pdftotext', '-layout', file, '-');
    expect(layout).not.toContain(LONG_NAMES.get(0));
  });

  it('puts the tenants on pages of their own (附件), each numbered 第 i 页 共 n 页 with the document number, the table header on every one', () => {
    const info = run('pdfinfo', file);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const seen = new Set<number>();
    for (let p = 1; p <= pages; p += 1) {
      const page = squeeze(run('pdftotext', '-raw', '-f', String(p), '-l', String(p), file, '-'));
      expect(page).toContain(`榕市监价退〔2026〕37号第${p}页共${pages}页`);
      order.tenants.forEach((t, i) => {
        if (page.includes(squeeze(`${i + 1}${t.tenant}`))) seen.add(i);
      });
      if (p === 1) expect(page).not.toContain('序号租户多收月份多收金额（元）');
      else expect(page).toContain('序号租户多收月份多收金额（元）');
      if (p === 2) expect(page).toMatch(/^附件多收电费退还明细表序号/);
    }
    expect(seen.size).toBe(60);
    expect(run('pdffonts', file)).toMatch(/NotoSansSC\S*\s+CID TrueType\s+Identity-H\s+yes\s+\S+\s+yes/);
    expect(bytes.length).toBeLessThan(250_000);
  });

  it('is the same file every time it is made from the same order', async () => {
    expect(Buffer.compare(Buffer.from(await refundOrderPdf(FONT, order)), Buffer.from(bytes))).toBe(0);
  });

  it('a short order: the notice on page 1, the tenants on page 2; a long authority name kept on one line; no address, no address line', async () => {
    const tenants = order.tenants.slice(1, 3);
    const office = '某某省某某市某某新区（某某自由贸易试验区某某片区）市场监督管理局';
    const small: RefundOrder = { ...order, office, party: { ...order.party, address: '' }, tenants, totalFen: tenants.reduce((s, t) => s + t.totalFen, 0) };
    const smallFile = join(OUT, 'refund-order-small.pdf');
    writeFileSync(smallFile, await refundOrderPdf(FONT, refundOrderSchema.parse(small)));
    expect(run('pdfinfo', smallFile)).toMatch(/Pages:\s+2\n/);
    const lines = run('pdftotext', '-layout', '-f', '1', '-l', '1', smallFile, '-').split('\n').map((l) => l.trim());
    expect(lines[0]).toBe(office);
    expect(lines).toContain(office); // 署名 too
    const first = squeeze(lines.join(''));
    expect(first).toContain(`你单位向2户租户多收电费共计${formatFen(small.totalFen)}元（大写：${fenToChineseCapital(small.totalFen)}）。`);
    expect(first).not.toContain('住所');
    expect(squeeze(run('pdftotext', '-raw', '-f', '2', '-l', '2', smallFile, '-'))).toContain(`合计（2户）${formatFen(small.totalFen)}`);
  });

  it('waits for the document number the hub gives', async () => {
    await expect(refundOrderPdf(FONT, { ...order, docNo: '' })).rejects.toThrow(/document number/);
  });

  it('renders to images (page 1 and the last) for a look', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', file))![1]);
    run('pdftoppm', '-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(OUT, 'refund-order-first'));
    run('pdftoppm', '-png', '-r', '60', '-f', String(pages), '-l', String(pages), '-singlefile', file, join(OUT, 'refund-order-last'));
    for (const png of ['refund-order-first.png', 'refund-order-last.png']) expect(readFileSync(join(OUT, png)).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('退费台账 as Excel', () => {
  let order: RefundOrder;
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    order = await makeOrder();
    const bytes = await refundOrderWorkbook(order);
    writeFileSync(join(OUT, 'refund-order.xlsx'), bytes);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  });

  const headerRowOf = (sheet: ExcelJS.Worksheet): number => {
    for (let r = 1; r <= sheet.rowCount; r += 1) if (sheet.getCell(r, 1).value === '序号') return r;
    throw new Error(`no header row in ${sheet.name}`);
  };
  const factsOf = (sheet: ExcelJS.Worksheet, until: number): Map<string, ExcelJS.CellValue> =>
    new Map(Array.from({ length: until - 2 }, (_, i) => [String(sheet.getCell(i + 2, 1).value), sheet.getCell(i + 2, 3).value]));

  it('has a row per tenant and month whose amount is exactly the order’s fen / 100, and a total row with the order’s total', () => {
    const sheet = workbook.getWorksheet('退费台账')!;
    const header = headerRowOf(sheet);
    expect(sheet.getRow(header).values).toEqual([undefined, '序号', '租户', '月份', '多收金额（元）', '账单行号', '退还状态']);
    const facts = factsOf(sheet, header - 1);
    expect(facts.get('文号')).toBe('榕市监价退〔2026〕37号');
    expect(facts.get('当事人')).toBe('福州万象城商业管理有限公司（统一社会信用代码 91350100M000100Y43）');
    expect(facts.get('退还期限')).toBe('自收到通知书之日起 15 个工作日内（签发当日送达的，至 2026年10月22日）');
    expect(facts.get('多收电费合计（元）')).toBe(order.totalFen / 100);
    expect(facts.get('合计大写')).toBe(fenToChineseCapital(order.totalFen));

    let r = header + 1;
    let sumFen = 0;
    for (const t of order.tenants) {
      for (const m of t.months) {
        const row = sheet.getRow(r);
        expect(row.getCell(1).value).toBe(r - header);
        expect(row.getCell(2).value).toBe(t.tenant);
        expect(row.getCell(3).value).toBe(m.month);
        expect(row.getCell(4).value).toBe(m.overchargeFen / 100);
        expect(row.getCell(4).numFmt).toBe('#,##0.00');
        expect(row.getCell(5).value).toBe(m.lines.join('、'));
        expect(row.getCell(6).value).toBe('待退还');
        expect(row.getCell(6).dataValidation?.formulae).toEqual(['"待退还,已退还,已核实,无法联系"']);
        sumFen += Math.round((row.getCell(4).value as number) * 100);
        r += 1;
      }
    }
    const total = sheet.getRow(r);
    expect(total.getCell(2).value).toMatch(/^合计（60 户，\d+ 个户月）$/);
    expect(total.getCell(4).value).toBe(order.totalFen / 100);
    expect(sumFen).toBe(order.totalFen);
    expect(r).toBe(sheet.rowCount);

    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${header}:${header}` });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
  });

  it('sums per tenant on 按租户汇总, numbered as the notice numbers them', () => {
    const sheet = workbook.getWorksheet('按租户汇总')!;
    const header = headerRowOf(sheet);
    expect(sheet.getRow(header).values).toEqual([undefined, '序号', '租户', '多收月份', '月数', '多收金额（元）', '退还状态']);
    order.tenants.forEach((t, i) => {
      const row = sheet.getRow(header + 1 + i);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).toEqual([
        i + 1, t.tenant, monthRanges(t.months.map((m) => m.month)).join('、'), t.months.length, t.totalFen / 100,
      ]);
    });
    const total = sheet.getRow(header + 1 + order.tenants.length);
    expect(total.getCell(2).value).toBe('合计（60 户）');
    expect(total.getCell(5).value).toBe(order.totalFen / 100);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: `${header}:${header}` });
  });
});
