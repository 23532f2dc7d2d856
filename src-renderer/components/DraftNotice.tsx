// Says that a form holds what was typed before a reload or a crash, and lets the inspector discard it.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../src-shared/time';
import type { DraftControl } from './useDraft';

export function DraftNotice({ draft }: { draft: DraftControl }) {
  const { t } = useTranslation();
  if (!draft.restoredAt) return null;
  return (
    <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="draft-restored"
      title={t('draft.restored', { time: formatChinaTime(draft.restoredAt) })}
      action={<Button size="small" onClick={() => void draft.drop(true)}>{t('draft.discard')}</Button>} />
  );
}
