// The office settles conflicts: both values, both authors and times; the choice is itself a mutation.
import { App, Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../src-shared/time';
import { db, type HubRow } from '../db/db';
import { resolveConflict } from '../sync/mutators';

interface Side {
  value?: unknown;
  user?: string;
  at?: string;
}

function side(s: Side): React.ReactNode {
  return (
    <Space direction="vertical" size={0}>
      <b>{typeof s.value === 'string' ? s.value : JSON.stringify(s.value)}</b>
      <span style={{ color: '#888' }}>{s.user} · {s.at ? formatChinaTime(s.at.split('~')[0] ?? '') : ''}</span>
    </Space>
  );
}

export function ConflictsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rows = useLiveQuery(() => db.hubConflicts.toArray(), []);
  const settle = async (row: HubRow, value: unknown) => {
    try {
      await resolveConflict(db, row.key, value);
      message.success(t('case.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
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
          columns={[
            { title: t('conflicts.field'), render: (_, r) => (r.row.kind === 'field' ? String(r.row.field) : t('conflicts.replay')) },
            { title: t('conflicts.theirs'), render: (_, r) => side(r.row.theirs as Side) },
            { title: t('conflicts.mine'), render: (_, r) => side(r.row.mine as Side) },
            {
              title: '', width: 300,
              render: (_, r) =>
                r.row.resolution ? (
                  <Tag color="green">{t('conflicts.resolved')}</Tag>
                ) : r.row.kind === 'field' ? (
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
