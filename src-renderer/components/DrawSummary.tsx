// The parts of a draw shown both on screen and on the printable record.
import { Descriptions, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrawResult } from '../../src-shared/draw/draw';
import { formatChinaTime } from '../../src-shared/time';
import { useInspectorNames as useNames } from '../db/cases';

type Selected = DrawResult['selected'][number];
type Group = DrawResult['groups'][number];

const percent = (ratio: number) => `${(Math.round(ratio * 10000) / 100).toString()}%`;

/** Certificate number → inspector name, from the local list. */
export function useInspectorNames(): Map<string, string> {
  return useNames();
}

export function DrawRecordDescriptions({ result, bordered = true }: { result: DrawResult; bordered?: boolean }) {
  const { t } = useTranslation();
  const { record } = result;
  const { plan } = record;
  const recusal = [
    t('draw.recuseConflicts'),
    ...(plan.recusal.sameSubdistrict ? [t('draw.recuseSameSubdistrict')] : []),
    ...(plan.recusal.lastInspector ? [t('draw.recuseLastInspector')] : []),
  ];
  return (
    <Descriptions bordered={bordered} size="small" column={2} data-testid="draw-record">
      <Descriptions.Item label={t('draw.planName')}>{plan.name}</Descriptions.Item>
      <Descriptions.Item label={t('draw.drawnAt')}>{formatChinaTime(record.drawnAt)}</Descriptions.Item>
      {record.committedAt && <Descriptions.Item label={t('draw.committedAt')}>{formatChinaTime(record.committedAt)}</Descriptions.Item>}
      <Descriptions.Item label={t('draw.ratio')}>{percent(plan.ratio)}</Descriptions.Item>
      <Descriptions.Item label={t('draw.groupBy')}>{plan.groupBy.map((g) => t(`field.${g}`)).join('、')}</Descriptions.Item>
      <Descriptions.Item label={t('draw.teamSize')}>{plan.teamSize}</Descriptions.Item>
      <Descriptions.Item label={t('draw.maxPerInspector')}>{plan.maxPerInspector ?? t('draw.unlimited')}</Descriptions.Item>
      <Descriptions.Item label={t('draw.riskRatios')} span={2}>
        {Object.entries(plan.riskRatios).map(([g, r]) => `${t(`credit.${g}`)} ${percent(r ?? 0)}`).join('；') || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('draw.recusal')} span={2}>{recusal.join('；')}</Descriptions.Item>
      <Descriptions.Item label={t('draw.seed')} span={2}><code>{record.seed}</code></Descriptions.Item>
      <Descriptions.Item label={t('draw.counts')} span={2}>
        {t('draw.countsText', { entities: record.entitiesCount, inspectors: record.inspectorsCount, selected: record.selectedCount })}
      </Descriptions.Item>
      <Descriptions.Item label={t('draw.entitiesHash')} span={2}><code>{record.entitiesHash}</code></Descriptions.Item>
      {record.excludedHash && <Descriptions.Item label={t('draw.excludedHash')} span={2}><code>{record.excludedHash}</code></Descriptions.Item>}
      <Descriptions.Item label={t('draw.inspectorsHash')} span={2}><code>{record.inspectorsHash}</code></Descriptions.Item>
      <Descriptions.Item label={t('draw.planHash')} span={2}><code>{record.planHash}</code></Descriptions.Item>
      <Descriptions.Item label={t('draw.outputHash')} span={2}><code>{record.outputHash}</code></Descriptions.Item>
      <Descriptions.Item label={t('draw.algorithm')} span={2}>{record.algorithm}</Descriptions.Item>
    </Descriptions>
  );
}

export function GroupTable({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  return (
    <Table<Group>
      size="small"
      rowKey="label"
      dataSource={groups}
      pagination={false}
      columns={[
        { title: t('draw.group'), dataIndex: 'label' },
        { title: t('draw.groupSize'), dataIndex: 'size', align: 'right', width: 100 },
        { title: t('draw.ratio'), dataIndex: 'ratio', align: 'right', width: 100, render: percent },
        { title: t('draw.groupSelected'), dataIndex: 'selected', align: 'right', width: 100 },
      ]}
    />
  );
}

/** Rows per page of the selected list on screen. */
const SELECTED_PAGE = 20;

/**
 * The drawn targets with their teams: paged on screen (only the page shown is given to the table, which
 * otherwise walks all 50,000 rows of a 100,000-target draw on every render), whole when printed.
 */
export function SelectedTable({ selected, names, print = false }: { selected: Selected[]; names: Map<string, string>; print?: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const current = Math.min(page, Math.max(1, Math.ceil(selected.length / SELECTED_PAGE)));
  const from = print ? 0 : (current - 1) * SELECTED_PAGE;
  return (
    <Table<Selected>
      data-testid="selected-table"
      size="small"
      rowKey="uscc"
      dataSource={print ? selected : selected.slice(from, from + SELECTED_PAGE)}
      pagination={print ? false : { current, pageSize: SELECTED_PAGE, total: selected.length, showSizeChanger: false, onChange: setPage }}
      columns={[
        { title: t('common.no'), key: 'no', width: 60, render: (_, __, i) => from + i + 1 },
        { title: t('field.uscc'), dataIndex: 'uscc', width: 190 },
        { title: t('field.name'), dataIndex: 'name' },
        { title: t('field.district'), dataIndex: 'district', width: 100 },
        { title: t('field.subdistrict'), dataIndex: 'subdistrict', width: 110 },
        {
          title: t('draw.team'),
          dataIndex: 'inspectors',
          render: (certs: string[]) => certs.map((c) => <Tag key={c}>{names.get(c) ?? ''} {c}</Tag>),
        },
      ]}
    />
  );
}
