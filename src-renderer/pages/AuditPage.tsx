// The office reads the hub's audit log, checks its hash chain and exports it.
import { Alert, App, Button, Card, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaDate } from '../../src-shared/inspection/meters';
import { formatChinaTime } from '../../src-shared/time';
import { platform } from '../platform';
import type { AuditEntry } from '../sync/hubClient';
import { officeClient } from './AccountsPage';
import { describeError } from '../i18n/errors';

const PAGE = 200;

/** Names for the ids an entry carries: users and devices as the hub lists them. */
interface Names {
  users: Map<string, string>;
  devices: Map<string, string>;
}

/** `user:<id>` and `device:<id>` subjects with the name in place of the id; others as they are. */
function subjectText(subject: string, names: Names): string {
  const [kind, id] = subject.split(':', 2);
  const name = kind === 'user' ? names.users.get(id ?? '') : kind === 'device' ? names.devices.get(id ?? '') : undefined;
  return name ? `${kind}:${name}` : subject;
}

/** Who did it: the user's name and the device's, or CLI for the hub's own command line. */
function actorText(entry: AuditEntry, names: Names): string {
  if (entry.actorUser === null && entry.actorDevice === null) return 'CLI';
  const user = entry.actorUser ? (names.users.get(entry.actorUser) ?? entry.actorUser) : '';
  const device = entry.actorDevice ? (names.devices.get(entry.actorDevice) ?? entry.actorDevice) : '';
  return [user, device].filter(Boolean).join(' · ');
}

export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null>(0);
  const [names, setNames] = useState<Names>({ users: new Map(), devices: new Map() });
  const [verdict, setVerdict] = useState<{ ok: boolean; entries: number; badEntryId?: number; reason?: string } | null>(null);
  const fail = useCallback((e: unknown) => message.error(describeError(t, e)), [message, t]);
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
  useEffect(() => {
    void (async () => {
      const client = await officeClient();
      if (!client) return;
      const [{ users }, { devices }] = await Promise.all([client.listUsers(), client.listDevices()]);
      setNames({
        users: new Map(users.map((u) => [u.id, `${u.displayName}（${u.username}）`])),
        devices: new Map(devices.map((d) => [d.id, d.name])),
      });
    })().catch(fail);
  }, [fail]);
  const verify = async () => {
    const client = await officeClient();
    if (client) setVerdict(await client.auditVerify().catch((e: unknown) => (fail(e), null)));
  };
  const exportAll = async () => {
    const client = await officeClient();
    if (!client) return;
    try {
      const data = await client.auditExport();
      await platform.saveFile({ title: t('audit.export'), suggestedName: `audit-${chinaDate(new Date())}.jsonl`, filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }], data });
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card title={t('audit.title')} extra={<Space><Button onClick={() => void verify()}>{t('audit.verify')}</Button><Button onClick={() => void exportAll()}>{t('audit.export')}</Button></Space>}>
      {verdict && (
        <Alert style={{ marginBottom: 12 }} showIcon type={verdict.ok ? 'success' : 'error'}
          title={verdict.ok ? t('audit.intact', { count: verdict.entries }) : t('audit.broken', { id: verdict.badEntryId, reason: verdict.reason })} />
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
          { title: t('audit.subject'), dataIndex: 'subject', ellipsis: true, render: (v: string) => subjectText(v, names) },
          { title: t('audit.actor'), key: 'actor', ellipsis: true, render: (_, entry) => actorText(entry, names) },
        ]}
      />
      {next !== null && entries.length > 0 && <Button onClick={() => void more(next)}>{t('audit.more')}</Button>}
    </Card>
  );
}
