// The posted tariff against the catalogue, and the findings the checks propose, with exact values.
import { describe, expect, it } from 'vitest';
import sampleJson from '../../../resources/tariffs/sample-fujian.json';
import { proposeFindings } from '../../../src-shared/inspection/findings';
import { defaultOfficeSettings } from '../../../src-shared/inspection/officeSettings';
import type { Meter } from '../../../src-shared/inspection/meters';
import { checkPosting, type TariffPosting } from '../../../src-shared/inspection/postedTariff';
import { loadTariffTable } from '../../../src-shared/tariff/types';

const table = loadTariffTable(sampleJson);
const posting: TariffPosting = {
  posted: true, location: '物业服务中心公告栏', month: '2026-03', region: '福建', voltage: '不满1千伏', photos: [], note: '',
  prices: [
    { category: '一般工商业', period: 'peak', price: '1.05' },
    { category: '一般工商业', period: 'flat', price: '0.6093' },
    { category: '一般工商业', period: 'valley', price: '0.25' },
    { category: '商业综合体', period: 'flat', price: '0.8' },
  ],
};

describe('posted tariff against the catalogue of its month', () => {
  it('flags each period above, below or equal, with the exact difference; a category the catalogue lacks is named', () => {
    expect(checkPosting(posting, table)).toEqual({
      notPosted: false,
      prices: [
        { category: '一般工商业', period: 'peak', posted: '1.05', catalogue: '0.9718', difference: '0.0782', flag: 'above' },
        { category: '一般工商业', period: 'flat', posted: '0.6093', catalogue: '0.6093', difference: '0', flag: 'equal' },
        { category: '一般工商业', period: 'valley', posted: '0.25', catalogue: '0.2988', difference: '-0.0488', flag: 'below' },
        { category: '商业综合体', period: 'flat', posted: '0.8', catalogue: null, difference: null, flag: 'no-catalogue', problem: 'missing' },
      ],
    });
  });

  it('uses the price in force that month: February 2026 is before the cut', () => {
    expect(checkPosting({ ...posting, month: '2026-02' }, table).prices[0]).toMatchObject({ catalogue: '0.9852', difference: '0.0648', flag: 'above' });
  });

  it('without a tariff table on the device, every price says so', () => {
    expect(checkPosting({ ...posting, prices: posting.prices.slice(0, 1) }, null).prices).toEqual([{ category: '一般工商业', period: 'peak', posted: '1.05', catalogue: null, difference: null, flag: 'no-catalogue', problem: 'missing' }]);
  });
});

const MARKUP_BASIS = '《中华人民共和国价格法》第十二条；《中华人民共和国价格法》第三十九条；《价格违法行为行政处罚规定》第九条';

describe('findings proposed from the checks', () => {
  const overdue: Meter = {
    role: 'sub', meterNo: 'S-07', type: 'electronic', accuracyClass: '0.5S', multiplier: '1', decimals: 2, tenant: '二楼',
    sealIntact: false, verificationLabel: '', verifiedOn: '2019-05-01', readings: [], photos: [], note: '',
  };

  it('proposes, in order: the overcharge with its amount, a price posted above the catalogue, a loss share above the real loss, the metering problems', () => {
    const proposed = proposeFindings({
      overcharge: { totalFen: 1234567, tenants: 12, months: 6 },
      posting: checkPosting(posting, table),
      meters: [overdue],
      checkedOn: '2026-04-02',
      loss: { mainKwh: '1000', subKwh: '947.55', lossRate: '0.0525', problem: null, uneven: false },
      chargedLossRate: '0.08',
    });
    expect(proposed).toEqual([
      { key: 'overcharge', type: 'markup', amountFen: 1234567, basis: MARKUP_BASIS, facts: '经核算转供电主体提供的电费台账，12 户租户 6 个月的电费高于按目录电价计算的应收电费，多收电费共计 12,345.67 元。' },
      { key: 'posted-above', type: 'markup', amountFen: null, basis: MARKUP_BASIS, facts: '现场公示的电价高于当月目录电价：一般工商业峰 公示 1.05 元/千瓦时，目录电价 0.9718 元/千瓦时。' },
      { key: 'loss-share', type: 'loss-share', amountFen: null, basis: '《价格违法行为行政处罚规定》第九条', facts: '转供电主体按 8.00% 向租户分摊损耗，现场实测损耗率为 5.25%。' },
      { key: 'metering', type: 'metering', amountFen: null, basis: '《中华人民共和国计量法》第九条', facts: '计量装置存在问题：电能表 S-07 超过检定周期（应于 2025-05-01 前检定）；电能表 S-07 铅封不完整。' },
    ]);
  });

  it('proposes 未按规定公示电价 when no notice is up, and nothing when every check is clean', () => {
    expect(proposeFindings({ posting: checkPosting({ ...posting, posted: false, prices: [] }, table), checkedOn: '2026-04-02' }).map((p) => [p.key, p.type])).toEqual([['not-posted', 'not-posted']]);
    expect(proposeFindings({ overcharge: { totalFen: 0, tenants: 0, months: 0 }, posting: checkPosting({ ...posting, prices: [posting.prices[1]!] }, table), meters: [{ ...overdue, sealIntact: true, verifiedOn: '2024-01-01' }], checkedOn: '2026-04-02', loss: { mainKwh: '1', subKwh: '1', lossRate: '0', problem: null, uneven: false }, chargedLossRate: '0' })).toEqual([]);
  });

  it("cites the office's bases and reads its verification periods", () => {
    const settings = defaultOfficeSettings();
    settings.legalBases.push({ code: 'local-3', text: '《上海市转供电价格管理办法》第三条' });
    settings.findingTypes = settings.findingTypes.map((t) => (t.code === 'markup' ? { ...t, bases: ['local-3', 'penalty-9'] } : t));
    settings.verificationYears['0.5S'] = 8;
    const proposed = proposeFindings({ overcharge: { totalFen: 500, tenants: 1, months: 1 }, meters: [overdue], checkedOn: '2026-04-02', settings });
    expect(proposed.map((p) => [p.key, p.basis])).toEqual([
      ['overcharge', '《上海市转供电价格管理办法》第三条；《价格违法行为行政处罚规定》第九条'],
      // Eight years from 2019-05-01: due 2027-05-01, not overdue; the broken seal is still proposed.
      ['metering', '《中华人民共和国计量法》第九条'],
    ]);
    expect(proposed[1]!.facts).toBe('计量装置存在问题：电能表 S-07 铅封不完整。');
  });
});
