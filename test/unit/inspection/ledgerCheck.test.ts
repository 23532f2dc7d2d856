// The ledger kept with the case: the overcharge per tenant and month, each figure naming its Excel rows.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ledgerCheckOf, ledgerCheckSchema, overchargeOf, tenantTotals } from '../../../src-shared/inspection/ledgerCheck';
import type { BillLine, LedgerImport } from '../../../src-shared/ledger/types';
import { computeOvercharge } from '../../../src-shared/refund/overcharge';
import { mediaOf } from '../../../src-shared/sync/records';
import { TariffIndex } from '../../../src-shared/tariff/lookup';
import { loadTariffTable } from '../../../src-shared/tariff/types';

const sample = loadTariffTable(JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/tariffs/sample-fujian.json', import.meta.url)), 'utf8')));
const key = { region: '福建', category: '一般工商业', voltage: '不满1千伏' };

let row = 2;
const line = (tenant: string, month: string, kwh: string, energyFen: number): BillLine => ({ row: row++, tenant, unit: '', month, kwh, periods: null, energyFen, fees: [], chargedFen: energyFen, price: null });

describe('a ledger kept with the case', () => {
  // 2026-01 single price 0.6177: 100 kWh → 61.77 yuan lawful.
  const lines = [line('一楼奶茶店', '2026-01', '100', 8000), line('二楼书店', '2026-01', '100', 6177), line('一楼奶茶店', '2026-02', '100', 7000), line(' 一楼奶茶店　', '2026-02', '50', 3500)];
  const result = computeOvercharge({ lines, unread: [], columns: { sheet: 'S', headerRow: 1, fields: {}, fees: [], unmapped: [] } } as unknown as LedgerImport, { method: 'catalogue', tariffs: new TariffIndex(sample), key });
  const check = ledgerCheckOf({ file: { sha256: 'a'.repeat(64), name: '万象城2026年台账.xlsx', size: 10_240 }, landlord: '万象城', mapping: { fields: { tenant: 2, kwh: 4 } }, key, gridBills: new Map(), tariffTable: '福建示例' }, result);

  it('sums per tenant (surrounding and full-width spaces do not split one) and month, naming the rows', () => {
    expect(check.schedule).toEqual([
      { tenant: '一楼奶茶店', month: '2026-01', chargedFen: 8000, lawfulFen: 6177, overchargeFen: 1823, lines: [2] },
      // 150 kWh × 0.6177 = 92.655 → 92.66 yuan lawful over two lines (61.77 + 30.89): charged 105.00.
      { tenant: '一楼奶茶店', month: '2026-02', chargedFen: 10500, lawfulFen: 9266, overchargeFen: 1234, lines: [4, 5] },
      { tenant: '二楼书店', month: '2026-01', chargedFen: 6177, lawfulFen: 6177, overchargeFen: 0, lines: [3] },
    ]);
    expect(check.totalOverchargeFen).toBe(3057);
    expect(ledgerCheckSchema.parse(check)).toEqual(check);
  });

  it('gives the proposal its amount, tenants and months, and the refund its per-tenant totals', () => {
    expect(overchargeOf(check)).toEqual({ totalFen: 3057, tenants: 1, months: 2 });
    expect(tenantTotals(check)).toEqual([
      { tenant: '一楼奶茶店', months: ['2026-01', '2026-02'], chargedFen: 18500, lawfulFen: 15443, overchargeFen: 3057, lines: [2, 4, 5] },
      { tenant: '二楼书店', months: [], chargedFen: 6177, lawfulFen: 6177, overchargeFen: 0, lines: [3] },
    ]);
  });

  it('names the ledger file among the media the case must carry to the hub', () => {
    expect(mediaOf({ kind: 'ledgerCheck', data: check as unknown as Record<string, unknown>, signature: null })).toEqual(['a'.repeat(64)]);
  });
});
