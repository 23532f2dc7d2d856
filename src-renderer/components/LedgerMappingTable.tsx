import { Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEDGER_FIELDS, type LedgerColumns, type LedgerField, type LedgerMapping, type SheetColumn } from '../../src-shared/ledger/types';

/** Every header column of the recognised sheet, by column number. */
export function sheetColumns(columns: LedgerColumns): SheetColumn[] {
  const all = new Map<number, SheetColumn>();
  for (const c of [...Object.values(columns.fields), ...columns.fees, ...columns.unmapped]) if (c) all.set(c.col, c);
  return [...all.values()].sort((a, b) => a.col - b.col);
}

/** The mapping that reads exactly these columns, by column number (the UI's edits are positional). */
export function mappingByNumber(columns: LedgerColumns): LedgerMapping {
  const fields: Partial<Record<LedgerField, number>> = {};
  for (const field of LEDGER_FIELDS) {
    const c = columns.fields[field];
    if (c) fields[field] = c.col;
  }
  return { sheet: columns.sheet, headerRow: columns.headerRow, fields, fees: columns.fees.map((c) => c.col) };
}

interface MappingRow {
  key: string;
  field: LedgerField | 'fees';
}

/** The recognised column of each ledger field, each with a Select to confirm or change it. */
export function LedgerMappingTable({ columns, onChange }: { columns: LedgerColumns; onChange: (mapping: LedgerMapping) => void }) {
  const { t } = useTranslation();
  const all = sheetColumns(columns);
  const options = [{ label: t('tariffUi.oc.none'), value: 0 }, ...all.map((c) => ({ label: t('tariffUi.oc.columnOption', { col: c.col, header: c.header }), value: c.col }))];
  const base = mappingByNumber(columns);
  const rows: MappingRow[] = [...LEDGER_FIELDS.map((field) => ({ key: field, field })), { key: 'fees', field: 'fees' as const }];

  function setField(field: LedgerField, col: number) {
    const fields = { ...base.fields };
    if (col === 0) delete fields[field];
    else fields[field] = col;
    onChange({ ...base, fields });
  }

  return (
    <Table<MappingRow>
      data-testid="ledger-mapping"
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: t('tariffUi.oc.field'), key: 'field', width: 160, render: (_, r) => (r.field === 'fees' ? t('tariffUi.oc.fees') : t(`ledger.field.${r.field}`)) },
        {
          title: t('tariffUi.oc.column'),
          key: 'column',
          render: (_, r) =>
            r.field === 'fees' ? (
              <Select<number[]>
                mode="multiple"
                aria-label={t('tariffUi.oc.fees')}
                style={{ width: '100%', maxWidth: 520 }}
                value={columns.fees.map((c) => c.col)}
                options={options.slice(1)}
                onChange={(cols) => onChange({ ...base, fees: cols })}
              />
            ) : (
              <Select<number>
                aria-label={t(`ledger.field.${r.field}`)}
                style={{ width: 320 }}
                value={columns.fields[r.field]?.col ?? 0}
                options={options}
                onChange={(col) => setField(r.field as LedgerField, col)}
              />
            ),
        },
      ]}
    />
  );
}
