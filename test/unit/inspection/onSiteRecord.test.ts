// The on-site record: composed from the checks in exact Chinese, and who still has to sign it.
import { describe, expect, it } from 'vitest';
import sampleJson from '../../../resources/tariffs/sample-fujian.json';
import type { Meter } from '../../../src-shared/inspection/meters';
import { composeSections, onSiteSignatureSchema, signatureStatus, type OnSiteSignature } from '../../../src-shared/inspection/onSiteRecord';
import { editRefusal } from '../../../src-shared/sync/records';
import { loadTariffTable } from '../../../src-shared/tariff/types';

const table = loadTariffTable(sampleJson);
const id = (n: number) => `0195d0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const meter: Meter = {
  role: 'sub', meterNo: 'S-07', type: 'electronic', accuracyClass: '0.5S', multiplier: '1', decimals: 2, tenant: '二楼奶茶店', sealIntact: false,
  verificationLabel: '', verifiedOn: '2019-05-01', readings: [{ at: '2026-03-01T02:00:00.000Z', value: '0' }, { at: '2026-04-01T02:00:00.000Z', value: '697.3' }], photos: [], note: '',
};

describe('composing the on-site record', () => {
  it('writes every check, finding and photo in order, naming the records it covers', () => {
    const { sections, covers } = composeSections({
      checkedOn: '2026-04-01',
      meters: [{ id: id(1), meter }],
      posting: { id: id(2), posting: { posted: true, location: '物业服务中心公告栏', month: '2026-03', region: '福建', voltage: '不满1千伏', prices: [{ category: '一般工商业', period: 'peak', price: '1.05' }], photos: [], note: '', chargedLossRate: '0.4' } },
      table,
      ledgers: [{ id: id(3), check: { file: { sha256: 'c'.repeat(64), name: '台账.xlsx', size: 100 }, landlord: '金鹰', mapping: { fields: {}, fees: [] }, method: 'catalogue', key: null, gridBills: {}, toleranceFen: 0, tariffTable: '福建示例', schedule: [{ tenant: '甲', month: '2026-01', chargedFen: 100, lawfulFen: 90, overchargeFen: 10, lines: [2] }, { tenant: '乙', month: '2026-01', chargedFen: 90, lawfulFen: 90, overchargeFen: 0, lines: [3] }], totalOverchargeFen: 10, linesComputed: 2, linesLeftOut: 0 } }],
      findings: [{ id: id(4), type: 'markup', title: '不合理加价', facts: '峰段加价。', basis: '《价格违法行为行政处罚规定》第九条', amountFen: 123456 }],
      photos: [{ id: id(5), photo: { sha256: 'd'.repeat(64), name: 'a.jpg', type: 'image/jpeg', size: 10, takenAt: '2026-04-01T02:15:00.000Z', position: null, caption: 'S-07 铅封', links: [] } }],
    });
    expect(sections).toEqual([
      { heading: '计量装置检查情况', lines: ['分表 S-07（二楼奶茶店）：0.5S 级，倍率 1；读数 0（2026-03-01 10:00） → 697.3（2026-04-01 10:00），用电量 697.3 千瓦时；铅封破损或缺失；检定日期 2019-05-01。存在问题：超过检定周期（应于 2025-05-01 前检定）；铅封破损。'] },
      { heading: '电价公示情况', lines: ['现场公示电价，公示位置：物业服务中心公告栏。', '一般工商业峰：公示 1.05 元/千瓦时，2026-03 目录电价 0.9718 元/千瓦时，高于目录电价 0.0782 元/千瓦时。', '主体另向租户收取损耗或公摊费用，比例 40.00%。'] },
      { heading: '租户电费核算情况', lines: [`核算主体提供的电费台账《台账.xlsx》（SHA-256：${'c'.repeat(64)}），共核算 2 行账单，1 户租户 1 个户月多收电费，合计 0.10 元。`] },
      { heading: '发现的问题', lines: ['一、不合理加价：峰段加价。（依据：《价格违法行为行政处罚规定》第九条）涉及金额 1,234.56 元。'] },
      { heading: '证据材料', lines: [`照片 1：S-07 铅封，拍摄于 2026-04-01 10:15，SHA-256：${'d'.repeat(64)}。`] },
    ]);
    expect(covers).toEqual([id(1), id(2), id(3), id(4), id(5)]);
  });

  it('says so when nothing was found', () => {
    expect(composeSections({ checkedOn: '2026-04-01', meters: [], posting: null, table, ledgers: [], findings: [], photos: [] }).sections).toEqual([{ heading: '发现的问题', lines: ['本次检查未发现问题。'] }]);
  });
});

describe('signatures', () => {
  const sig = (over: Partial<OnSiteSignature>): OnSiteSignature => ({ recordId: id(9), role: 'inspector', name: '王检查', certNo: 'GL-001', image: 'e'.repeat(64), refused: false, note: '', signedAt: '2026-04-01T03:00:00.000Z', ...over });
  const record = { inspectors: [{ certNo: 'GL-001', name: '王检查' }, { certNo: 'GL-002', name: '李检查' }] };

  it('are complete when every inspector present and the party signed', () => {
    expect(signatureStatus(record, [sig({})])).toEqual({ inspectorsMissing: ['GL-002'], party: 'missing', witnessMissing: false, complete: false });
    expect(signatureStatus(record, [sig({}), sig({ certNo: 'GL-002', name: '李检查' }), sig({ role: 'party', name: '赵经理', certNo: '' })])).toMatchObject({ complete: true, party: 'signed' });
  });

  it('a refusal to sign needs a witness', () => {
    const refusal = sig({ role: 'party', name: '赵经理', certNo: '', image: null, refused: true, note: '当事人拒绝签字' });
    const both = [sig({}), sig({ certNo: 'GL-002', name: '李检查' }), refusal];
    expect(signatureStatus(record, both)).toEqual({ inspectorsMissing: [], party: 'refused', witnessMissing: true, complete: false });
    expect(signatureStatus(record, [...both, sig({ role: 'witness', name: '物业保安 孙某', certNo: '' })]).complete).toBe(true);
  });

  it('has an image unless the party refuses; only the party may refuse', () => {
    expect(onSiteSignatureSchema.safeParse(sig({ image: null })).success).toBe(false);
    expect(onSiteSignatureSchema.safeParse(sig({ image: null, refused: true })).success).toBe(false);
    expect(onSiteSignatureSchema.safeParse(sig({ role: 'party', image: null, refused: true })).success).toBe(true);
  });

  it('freeze: a signature is never edited, a record once anyone signed it', () => {
    expect(editRefusal('onSiteSignature', false)).toBe('frozen');
    expect(editRefusal('onSiteRecord', false)).toBeNull();
    expect(editRefusal('onSiteRecord', true)).toBe('frozen');
    expect(editRefusal('finding', true)).toBeNull();
  });
});
