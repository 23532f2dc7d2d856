// The sync status in the header, always visible: offline, syncing, pending count, synced or failed.
import { CloudOutlined, CloudSyncOutlined, DisconnectOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSyncStatus } from '../sync/controller';
import { useOutboxCount } from '../db/syncState';

export function SyncBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSyncStatus();
  const pending = useOutboxCount();
  let icon = <CloudOutlined />;
  let text = t('sync.badge.synced');
  let color: string | undefined = '#389e0d';
  if (!status.enrolled) [icon, text, color] = [<DisconnectOutlined key="i" />, t('sync.badge.notEnrolled'), undefined];
  else if (status.running) [icon, text, color] = [<CloudSyncOutlined key="i" spin />, status.progress ? t(`sync.progress.${status.progress.phase}`, { ...status.progress }) : t('sync.badge.syncing'), '#1f5fa8'];
  else if (!status.online) [icon, text, color] = [<DisconnectOutlined key="i" />, t('sync.badge.offline'), '#d48806'];
  else if (status.lastError) [icon, text, color] = [<ExclamationCircleOutlined key="i" />, t('sync.badge.error'), '#cf1322'];
  // Online and idle with work still queued (the next sync has not started yet): not "synced".
  else if (pending > 0) [icon, text, color] = [<CloudSyncOutlined key="i" />, t('sync.badge.waiting'), '#1f5fa8'];
  const tip = status.lastError ? t(`sync.cause.${status.lastError.cause}`, { detail: status.lastError.message }) : undefined;
  return (
    <Tooltip title={tip}>
      <Button size="small" type="text" data-testid="sync-badge" onClick={() => navigate('/sync')} style={{ color }}>
        {icon} {text}
        {pending > 0 && <Badge count={t('sync.badge.pending', { count: pending })} style={{ backgroundColor: '#d48806', marginLeft: 6 }} />}
      </Button>
    </Tooltip>
  );
}
