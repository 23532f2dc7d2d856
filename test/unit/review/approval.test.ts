import { describe, expect, it } from 'vitest';
import { approvalText } from '../../../src-shared/i18n/review';
import { approvalProblems, type RecordLike } from '../../../src-shared/review/approval';

const record = (id: string, supplementOf: string | null = null): RecordLike => ({
  id, kind: 'onSiteRecord',
  data: { supplementOf, inspectors: [{ certNo: 'GL-001', name: '王检查' }, { certNo: 'GL-002', name: '李检查' }], party: { name: '金鹰购物中心', representative: '赵经理' } },
});
const sign = (recordId: string, role: string, extra: Record<string, unknown> = {}): RecordLike => ({
  id: `${recordId}-${role}-${String(extra.certNo ?? '')}`, kind: 'onSiteSignature', data: { recordId, role, certNo: '', refused: false, ...extra },
});

describe('whether a case may be approved', () => {
  it('is approvable with every record signed by both inspectors and the party (or a refusal with a witness), no open conflict', () => {
    const records = [
      record('r1'), sign('r1', 'inspector', { certNo: 'GL-001' }), sign('r1', 'inspector', { certNo: 'GL-002' }), sign('r1', 'party'),
      record('s1', 'r1'), sign('s1', 'inspector', { certNo: 'GL-001' }), sign('s1', 'inspector', { certNo: 'GL-002' }), sign('s1', 'party', { refused: true }), sign('s1', 'witness'),
    ];
    expect(approvalProblems(records, 0)).toEqual([]);
  });

  it('names the open conflicts and each record not fully signed, with who is missing', () => {
    const records = [record('r1'), sign('r1', 'inspector', { certNo: 'GL-001' }), record('s1', 'r1'), sign('s1', 'inspector', { certNo: 'GL-001' }), sign('s1', 'inspector', { certNo: 'GL-002' }), sign('s1', 'party', { refused: true })];
    const problems = approvalProblems(records, 2);
    expect(problems).toEqual([
      { code: 'open-conflicts', count: 2 },
      { code: 'unsigned-record', recordId: 'r1', supplement: false, missing: ['李检查', '赵经理'], witness: false },
      { code: 'unsigned-record', recordId: 's1', supplement: true, missing: [], witness: true },
    ]);
    expect(approvalText(problems)).toBe('暂不能审核通过：本案还有 2 个冲突未处理（请先在“冲突处理”中处理）；现场检查笔录尚未签字完整（缺：李检查、赵经理）；补充笔录尚未签字完整（缺：见证人）');
  });
});
