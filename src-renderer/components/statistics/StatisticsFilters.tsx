// The statistics' filter: plan (a draw, or every draw with the targeted cases), period (all, a year, a
// quarter or a month on China's calendar) and district.
import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../src-shared/statistics/period';
import { chinaDateOfInstant } from '../../../src-shared/statistics/period';
import type { StatisticsFilter } from '../../../src-shared/statistics/types';

export interface PlanOption {
  id: string;
  name: string;
  drawnAt: string;
}

type Kind = Period['kind'];

function periodFor(kind: Kind, year: number, part: number): Period {
  if (kind === 'all') return { kind: 'all' };
  if (kind === 'year') return { kind: 'year', year };
  if (kind === 'quarter') return { kind: 'quarter', year, quarter: Math.min(4, Math.max(1, part)) as 1 | 2 | 3 | 4 };
  return { kind: 'month', year, month: part };
}

function PeriodPicker({ period, years, onChange }: { period: Period; years: readonly number[]; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  const year = period.kind === 'all' ? years[0]! : period.year;
  const part = period.kind === 'quarter' ? period.quarter : period.kind === 'month' ? period.month : 1;
  const parts = period.kind === 'quarter' ? [1, 2, 3, 4] : Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <Space size={4}>
      <Select aria-label={t('statistics.period')} style={{ width: 96 }} value={period.kind} onChange={(k: Kind) => onChange(periodFor(k, year, k === 'quarter' ? Math.ceil(part / 3) : part))}
        options={(['all', 'year', 'quarter', 'month'] as const).map((k) => ({ value: k, label: t(`statistics.period.${k}`) }))} />
      {period.kind !== 'all' && (
        <Select aria-label={t('statistics.period.year')} style={{ width: 110 }} value={year} onChange={(y: number) => onChange(periodFor(period.kind, y, part))}
          options={years.map((y) => ({ value: y, label: t('statistics.periodValue.year', { year: y }) }))} />
      )}
      {(period.kind === 'quarter' || period.kind === 'month') && (
        <Select aria-label={t(`statistics.period.${period.kind}`)} style={{ width: 110 }} value={part} onChange={(p: number) => onChange(periodFor(period.kind, year, p))}
          options={parts.map((p) => ({ value: p, label: t(period.kind === 'quarter' ? 'statistics.quarterOnly' : 'statistics.monthOnly', { n: p }) }))} />
      )}
    </Space>
  );
}

export function StatisticsFilters({ filter, plans, districts, years, onChange }: { filter: StatisticsFilter; plans: readonly PlanOption[]; districts: readonly string[]; years: readonly number[]; onChange: (f: StatisticsFilter) => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap size="middle" data-testid="statistics-filters">
      <Select aria-label={t('statistics.plan')} style={{ width: 300 }} value={filter.drawId ?? ''} onChange={(v: string) => onChange({ ...filter, drawId: v || null })} showSearch={{ optionFilterProp: 'label' }}
        options={[{ value: '', label: t('statistics.plan.all') }, ...plans.map((p) => ({ value: p.id, label: t('statistics.planOption', { name: p.name, date: chinaDateOfInstant(p.drawnAt) ?? '' }) }))]} />
      <PeriodPicker period={filter.period} years={years} onChange={(period) => onChange({ ...filter, period })} />
      <Select aria-label={t('statistics.district')} style={{ width: 160 }} value={filter.district ?? ''} onChange={(v: string) => onChange({ ...filter, district: v || null })}
        options={[{ value: '', label: t('statistics.district.all') }, ...districts.map((d) => ({ value: d, label: d }))]} />
    </Space>
  );
}
