import { describe, expect, it } from 'vitest';
import { basisOfType, defaultOfficeSettings, findingTypeLabel, newCode, officeSettingsSchema, verificationYearsOf } from '../../../src-shared/inspection/officeSettings';
import { firstIssue } from '../../../src-shared/zodIssue';

describe("the office's inspection settings", () => {
  it('defaults to the built-in finding types, their bases and the JJG 596 periods, with no tile source', () => {
    const s = defaultOfficeSettings();
    expect(officeSettingsSchema.safeParse(s).success).toBe(true);
    expect(s.findingTypes.map((t) => [t.code, t.label])).toEqual([
      ['markup', '不合理加价'], ['not-posted', '未按规定公示电价'], ['loss-share', '分摊损耗或公摊费用'], ['extra-fee', '加收其他费用'],
      ['price-cut', '未执行降价政策'], ['metering', '计量装置问题'], ['other', '其他'],
    ]);
    expect(basisOfType(s, 'not-posted')).toBe('《中华人民共和国价格法》第十三条；《价格违法行为行政处罚规定》第十三条');
    expect(basisOfType(s, 'other')).toBe('');
    expect(verificationYearsOf(s)).toEqual({ '0.2S': 6, '0.5S': 6, '1': 8, '2': 8, '3': 8 });
    expect(s.tileSource).toBeNull();
  });

  it('names a retired or unknown type by its code, and gives new codes that are not taken', () => {
    const s = defaultOfficeSettings();
    expect(findingTypeLabel(s, 'metering')).toBe('计量装置问题');
    expect(findingTypeLabel(s, 'gone')).toBe('gone');
    expect(newCode('type', [{ code: 'type-2' }, { code: 'a' }])).toBe('type-3');
    expect(newCode('basis', [{ code: 'basis-1' }])).toBe('basis-2');
  });

  it('refuses a duplicate code, a type citing a basis not in the list, a tile URL without {z}/{x}/{y}, a zoom range upside down, a period of 0', () => {
    const issue = (patch: (s: ReturnType<typeof defaultOfficeSettings>) => void) => {
      const s = defaultOfficeSettings();
      patch(s);
      const r = officeSettingsSchema.safeParse(s);
      return r.success ? null : firstIssue(r.error);
    };
    expect(issue((s) => s.legalBases.push({ code: 'penalty-9', text: '重复' }))).toEqual({ path: 'legalBases.7.code', code: 'duplicate' });
    expect(issue((s) => { s.findingTypes[0]!.bases = ['nowhere']; })).toEqual({ path: 'findingTypes.0.bases.0', code: 'unknown-basis' });
    const tile = { url: 'https://tiles.example.cn/{z}/{x}.png', subdomains: '', attribution: '', minZoom: 3, maxZoom: 18 };
    expect(issue((s) => { s.tileSource = tile; })).toEqual({ path: 'tileSource.url', code: 'tile-url' });
    expect(issue((s) => { s.tileSource = { ...tile, url: 'https://tiles.example.cn/{z}/{x}/{y}.png', minZoom: 19 }; })).toEqual({ path: 'tileSource.minZoom', code: 'zoom-range' });
    expect(issue((s) => { s.verificationYears['1'] = 0; })?.path).toBe('verificationYears.1');
  });
});
