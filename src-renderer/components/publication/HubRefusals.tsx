// Publications the hub refused for this plan, each with its reason in words: the cases stay unpublished
// here (the refused publication left this device), and the office sees why at once.
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHubRejected } from '../../db/syncState';
import type { LocalCase } from '../../db/cases';

interface RefusedPublication {
  code?: unknown;
  params?: { reason?: unknown; caseId?: unknown; today?: unknown; derived?: unknown };
  args?: { publication?: { drawId?: unknown } };
}

export function HubRefusals({ drawId, cases }: { drawId: string; cases: readonly LocalCase[] }) {
  const { t } = useTranslation();
  const refused = useHubRejected().filter((r) => r.row.name === 'publishResults' && (r.row as RefusedPublication).args?.publication?.drawId === drawId);
  if (refused.length === 0) return null;
  const names = new Map(cases.map((c) => [c.id, c.entityName]));
  const reasonOf = (row: RefusedPublication) => {
    const p = row.params ?? {};
    if (row.code !== 'invalid' || typeof p.reason !== 'string') return t(`sync.rejected.code.${String(row.code)}`);
    const name = typeof p.caseId === 'string' ? (names.get(p.caseId) ?? p.caseId) : '';
    return t(`publication.problem.${p.reason}`, { name, today: String(p.today ?? ''), derived: typeof p.derived === 'string' ? t(`publication.category.${p.derived}`) : '' });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="publication-refused">
      {refused.map((r) => <Alert key={r.key} type="error" showIcon title={t('publication.hubRefused', { reason: reasonOf(r.row as RefusedPublication) })} />)}
    </Space>
  );
}
