// The parts of a draw shown both on screen and on the printable record.
import { Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrawGroup, DrawRecord, SelectedTarget } from '../../src-shared/draw/draw';
import { DRAW_PAGE } from '../db/drawHead';
import { formatChinaTime } from '../../src-shared/time';

const percent = (ratio: number) => `${(Math.round(ratio * 10000) / 100).toString()}%`;

export function DrawRecordDescriptions({ record, bordered = true }: { record: DrawRecord; bordered?: boolean }) {
  const { t } = useTranslation();
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

export function GroupTable({ groups }: { groups: DrawGroup[] }) {
  const { t } = useTranslation();
  return (
    <Table<DrawGroup>
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

/** One page of the drawn targets on screen: the table is given only its rows, with the page and the total. */
export interface SelectedPaging {
  page: number;
  total: number;
  onPage: (page: number) => void;
  /** The page's rows are being read (the whole draw, for a page past the first). */
  loading: boolean;
}

/**
 * The drawn targets with their teams: a page at a time on screen (a 100,000-target draw selects 50,000),
 * all rows when printed (no `paging`).
 */
export function SelectedTable({ rows, names, paging }: { rows: readonly SelectedTarget[]; names: Map<string, string>; paging?: SelectedPaging }) {
  const { t } = useTranslation();
  const from = paging ? (paging.page - 1) * DRAW_PAGE : 0;
  return (
    <Table<SelectedTarget>
      data-testid="selected-table"
      size="small"
      rowKey="uscc"
      loading={paging?.loading}
      dataSource={rows}
      pagination={paging ? { current: paging.page, pageSize: DRAW_PAGE, total: paging.total, showSizeChanger: false, onChange: paging.onPage } : false}
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
