// Publications the hub refused for this plan, each with its reason in words: the cases stay unpublished
// here (the refused publication left this device), and the office sees why at once.
import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHubRejected } from '../../db/syncState';
import { describeHubRefusal, type HubRefusal } from '../../i18n/errors';
import type { LocalCase } from '../../db/cases';

type RefusedPublication = HubRefusal & { args?: { publication?: { drawId?: unknown } } };

export function HubRefusals({ drawId, cases }: { drawId: string; cases: readonly LocalCase[] }) {
  const { t } = useTranslation();
  const refused = useHubRejected().filter((r) => r.row.name === 'publishResults' && (r.row as RefusedPublication).args?.publication?.drawId === drawId);
  if (refused.length === 0) return null;
  const names = new Map(cases.map((c) => [c.id, c.entityName]));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="publication-refused">
      {refused.map((r) => <Alert key={r.key} type="error" showIcon title={t('publication.hubRefused', { reason: describeHubRefusal(t, r.row as RefusedPublication, (id) => names.get(id)) })} />)}
    </Space>
  );
}
