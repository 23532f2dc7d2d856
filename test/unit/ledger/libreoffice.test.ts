// Ledgers written by LibreOffice (see test/fixtures/make-ledger-fixtures.sh): numbers it guessed from CSV, its own
// shared strings and merges.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importLedger } from '../../../src-shared/ledger/importLedger';
import { ledgerFile } from '../../fixtures/ledgerFiles';

const file = (name: string) => readFile(fileURLToPath(new URL(`../../fixtures/files/${name}`, import.meta.url)));

describe('ledger import: files saved by LibreOffice', () => {
  it('reads a CSV ledger LibreOffice typed numbers into, rejecting only the row with text for kWh', async () => {
    const result = await importLedger(await file('ledger-libreoffice-csv.xlsx'));
    expect(result.columns.headerRow).toBe(2);
    expect(result.lines.map((l) => [l.row, l.tenant, l.month, l.kwh, l.energyFen, l.fees, l.chargedFen, l.price])).toEqual([
      [3, '星巴克咖啡', '2026-01', '1234.5', 111105, [{ name: '用电服务费', fen: 5000 }], 116105, '0.9'],
      [4, '优衣库', '2026-01', '800', 72000, [{ name: '用电服务费', fen: 5000 }], 77000, '0.9'],
      [6, '星巴克咖啡', '2026-02', '1000', 90000, [{ name: '用电服务费', fen: 5000 }], 95000, '0.9'],
    ]);
    expect(result.rejected.map(({ row, field, reason }) => ({ row, field, reason }))).toEqual([{ row: 7, field: '用电量(kWh)', reason: '不是数字：“abc”' }]);
    expect(result.unread).toEqual([{ row: 7, month: '2026-02' }]);
    expect(result.skipped).toEqual([
      { row: 5, why: 'subtotal' },
      { row: 8, why: 'subtotal' },
      { row: 9, why: 'subtotal' },
      { row: 10, why: 'note' },
      { row: 11, why: 'note' },
    ]);
  });

  it('reads the merged two-level time-of-use ledger after LibreOffice re-saved it, exactly as before', async () => {
    const original = await ledgerFile('tou', { tenants: 3, months: ['2026-01', '2026-02'] });
    const [before, after] = await Promise.all([importLedger(original.bytes), importLedger(await file('ledger-libreoffice-resaved.xlsx'))]);
    expect(after.lines).toEqual(before.lines);
    expect(after.lines).toHaveLength(6);
    expect(after.columns.fields.kwhPeak).toEqual({ col: 4, header: '电量（kWh） 峰' });
    expect(after.skipped).toEqual(before.skipped);
    expect(after.rejected).toEqual([]);
  });
});
