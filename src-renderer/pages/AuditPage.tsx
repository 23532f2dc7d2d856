// The office reads the hub's audit log, checks its hash chain and exports it.
import { Alert, App, Button, Card, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../src-shared/time';
import { platform } from '../platform';
import type { AuditEntry } from '../sync/hubClient';
import { officeClient } from './AccountsPage';

const PAGE = 200;

export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(0);
  const [verdict, setVerdict] = useState<{ ok: boolean; entries: number; badEntryId?: number; reason?: string } | null>(null);
  const fail = useCallback((e: unknown) => message.error(e instanceof Error ? e.message : String(e)), [message]);
  const more = useCallback(async (after: number) => {
    const client = await officeClient();
    if (!client) return;
    try {
      const page = await client.audit(after, PAGE);
      setEntries((old) => (after === 0 ? page.entries : [...old, ...page.entries]));
      setNext(page.next);
    } catch (e) {
      fail(e);
    }
  }, [fail]);
  useEffect(() => {
    void more(0);
  }, [more]);
  const verify = async () => {
    const client = await officeClient();
    if (client) setVerdict(await client.auditVerify().catch((e: unknown) => (fail(e), null)));
  };
  const exportAll = async () => {
    const client = await officeClient();
    if (!client) return;
    try {
      const data = await client.auditExport();
      await platform.saveFile({ title: t('audit.export'), suggestedName: `audit-${new Date().toISOString().slice(0, 10)}.jsonl`, filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }], data });
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card title={t('audit.title')} extra={<Space><Button onClick={() => void verify()}>{t('audit.verify')}</Button><Button onClick={() => void exportAll()}>{t('audit.export')}</Button></Space>}>
      {verdict && (
        <Alert style={{ marginBottom: 12 }} showIcon type={verdict.ok ? 'success' : 'error'}
          message={verdict.ok ? t('audit.intact', { count: verdict.entries }) : t('audit.broken', { id: verdict.badEntryId, reason: verdict.reason })} />
      )}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        dataSource={entries}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '#', dataIndex: 'id', width: 70 },
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatChinaTime(v) },
          { title: t('audit.action'), dataIndex: 'action', width: 200 },
          { title: t('audit.subject'), dataIndex: 'subject', ellipsis: true },
          { title: t('audit.actor'), dataIndex: 'actorDevice', ellipsis: true, render: (v: string | null) => v ?? 'CLI' },
        ]}
      />
      {next !== null && entries.length > 0 && <Button onClick={() => void more(next)}>{t('audit.more')}</Button>}
    </Card>
  );
}
