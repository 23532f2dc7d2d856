// The office settles conflicts: both values, both authors and times; the choice is itself a mutation.
import { App, Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../src-shared/time';
import { describeError } from '../i18n/errors';
import { useCasesById, useRecordsById, type LocalCase, type LocalRecord } from '../db/cases';
import { useHubConflicts, type HubRow } from '../db/syncState';
import { write } from '../db/write';

interface Side {
  value?: unknown;
  user?: string;
  /** The writer's name (conflicts recorded before names were kept have the username only). */
  name?: string;
  at?: string;
}

/** A list-row conflict (`field` = `entities:USCC` or `inspectors:CERT`): which list, and the fields the two rows differ in. */
function listRow(r: HubRow): { kind: 'entities' | 'inspectors'; key: string; differ: string[] } | null {
  if (r.row.kind !== 'list-row' || typeof r.row.field !== 'string') return null;
  const [kind, key] = r.row.field.split(':') as ['entities' | 'inspectors', string];
  const a = ((r.row.theirs as Side | undefined)?.value ?? {}) as Record<string, unknown>;
  const b = ((r.row.mine as Side | undefined)?.value ?? {}) as Record<string, unknown>;
  const differ = Object.keys({ ...a, ...b }).filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
  return { kind, key, differ };
}

/** One side's value: a field's value, or for a list row the fields in which the two rows differ. */
function sideValue(s: Side, r: HubRow, t: (key: string) => string): string {
  const row = listRow(r);
  if (!row) {
    // A meter's seal is a yes/no: say it in words, as the meter form does.
    if (r.row.field === 'sealIntact' && typeof s.value === 'boolean') return t(s.value ? 'insp.meter.seal.intact' : 'insp.meter.seal.broken');
    return typeof s.value === 'string' ? s.value : JSON.stringify(s.value);
  }
  const value = (s.value ?? {}) as Record<string, unknown>;
  return row.differ.map((f) => `${t(`column.${row.kind}.${f}`)}：${typeof value[f] === 'string' ? value[f] : JSON.stringify(value[f])}`).join('；');
}

function side(s: Side, r: HubRow, t: (key: string) => string): React.ReactNode {
  return (
    <Space orientation="vertical" size={0}>
      <b>{sideValue(s, r, t)}</b>
      <span style={{ color: '#888' }}>{s.name || s.user} · {s.at ? formatChinaTime(s.at.split('~')[0] ?? '') : ''}</span>
    </Space>
  );
}

/** What a conflict is about: the case's target, and the record (its kind and the title or meter it carries). */
function subject(r: HubRow, cases: Map<string, LocalCase>, records: Map<string, LocalRecord>, t: (key: string) => string): React.ReactNode {
  const row = listRow(r);
  if (row) {
    const name = ((r.row.mine as Side | undefined)?.value as { name?: unknown } | undefined)?.name;
    return (
      <Space orientation="vertical" size={0}>
        <b>{typeof name === 'string' ? name : row.key}</b>
        <span style={{ color: '#888' }}>{t(`list.${row.kind}`)} {row.key}</span>
      </Space>
    );
  }
  const c = typeof r.row.caseId === 'string' ? cases.get(r.row.caseId) : undefined;
  const rec = typeof r.row.recordId === 'string' ? records.get(r.row.recordId) : undefined;
  const label = rec ? (rec.data.title ?? rec.data.meterNo ?? rec.data.category ?? '') : '';
  return (
    <Space orientation="vertical" size={0}>
      <b>{c?.entityName ?? '—'}</b>
      {rec && <span style={{ color: '#888' }}>{t(`case.kind.${rec.kind}`)}{typeof label === 'string' && label ? `：${label}` : ''}</span>}
    </Space>
  );
}

/** A field's label where the case page has one, else its name. */
function fieldLabel(r: HubRow, records: Map<string, LocalRecord>, t: (key: string, options?: { defaultValue: string }) => string): string {
  const row = listRow(r);
  if (row) return row.differ.map((f) => t(`column.${row.kind}.${f}`)).join('、');
  if (r.row.kind !== 'field') return t('conflicts.replay');
  const field = String(r.row.field);
  const kind = typeof r.row.recordId === 'string' ? records.get(r.row.recordId)?.kind : undefined;
  if (kind === 'meter') return t(METER_FIELD_LABELS[field] ?? field, { defaultValue: field });
  const group = kind === 'finding' ? 'finding' : kind === 'meterReading' ? 'meter' : null;
  return group ? t(`case.${group}.${field}`, { defaultValue: field }) : field;
}

/** The labels of a meter record's fields (src-shared/inspection/meters.ts), as the meter form names them. */
const METER_FIELD_LABELS: Record<string, string> = {
  role: 'insp.meter.role', meterNo: 'insp.meter.no', type: 'insp.meter.type', accuracyClass: 'insp.meter.class', multiplier: 'insp.meter.multiplier',
  decimals: 'insp.meter.decimals', tenant: 'insp.meter.tenant', sealIntact: 'insp.meter.seal', verificationLabel: 'insp.meter.label',
  verifiedOn: 'insp.meter.verifiedOn', readings: 'insp.meter.readings', note: 'case.meter.note',
};

/** A settled conflict: which value was kept, by whom (the choice waits for the next sync until the hub has it). */
function settled(r: HubRow, t: (key: string, options?: Record<string, unknown>) => string): React.ReactNode {
  const resolution = r.row.resolution as { value?: unknown; by?: string; pending?: boolean };
  const same = (s: unknown) => JSON.stringify((s as Side).value) === JSON.stringify(resolution.value);
  const kept = same(r.row.theirs) ? t('conflicts.keptTheirs') : same(r.row.mine) ? t('conflicts.keptMine') : t('conflicts.keptOther');
  return (
    <Space orientation="vertical" size={0}>
      <Tag color={resolution.pending ? 'gold' : 'green'}>{resolution.pending ? t('conflicts.pending') : t('conflicts.resolved')}</Tag>
      <span style={{ color: '#888' }}>{kept}{resolution.by ? ` · ${resolution.by}` : ''}</span>
    </Space>
  );
}

const NO_CASES = new Map<string, LocalCase>();
const NO_RECORDS = new Map<string, LocalRecord>();

export function ConflictsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rows = useHubConflicts();
  const idsOf = (field: 'caseId' | 'recordId') => (rows ?? []).map((r) => r.row[field]).filter((id): id is string => typeof id === 'string');
  const cases = useCasesById(idsOf('caseId')) ?? NO_CASES;
  const records = useRecordsById(idsOf('recordId')) ?? NO_RECORDS;
  const settle = async (row: HubRow, value: unknown) => {
    try {
      await write.resolveConflict(row.key, value);
      message.success(t('case.saved'));
    } catch (e) {
      message.error(describeError(t, e));
    }
  };
  return (
    <Card title={t('conflicts.title')}>
      {rows && rows.length === 0 ? (
        <Empty description={t('conflicts.none')} />
      ) : (
        <Table<HubRow>
          rowKey="key"
          size="small"
          loading={rows === undefined}
          dataSource={rows ?? []}
          scroll={{ x: 960 }}
          columns={[
            // Fixed widths for the short columns: at laptop width the two values took all the room and 字段 wrapped a character a line.
            { title: t('conflicts.subject'), width: 200, render: (_, r) => subject(r, cases, records, t) },
            { title: t('conflicts.field'), width: 120, render: (_, r) => fieldLabel(r, records, t) },
            { title: t('conflicts.theirs'), render: (_, r) => side(r.row.theirs as Side, r, t) },
            { title: t('conflicts.mine'), render: (_, r) => side(r.row.mine as Side, r, t) },
            {
              title: t('common.actions'), width: 280,
              render: (_, r) =>
                r.row.resolution ? (
                  settled(r, t)
                ) : r.row.kind === 'field' || r.row.kind === 'list-row' ? (
                  <Space>
                    <Button size="small" onClick={() => void settle(r, (r.row.theirs as Side).value)}>{t('conflicts.keepTheirs')}</Button>
                    <Button size="small" type="primary" onClick={() => void settle(r, (r.row.mine as Side).value)}>{t('conflicts.keepMine')}</Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}
