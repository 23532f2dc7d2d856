// The office manages the hub's accounts: users, pairing codes for their devices, revocation.
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../src-shared/time';
import type { HubUser } from '../sync/account';
import { currentAccount } from '../db/syncState';
import { HubClient, type HubDevice } from '../sync/hubClient';
import { describeError } from '../i18n/errors';

export async function officeClient(): Promise<HubClient | null> {
  const account = await currentAccount();
  return account ? new HubClient(account.hubUrl, account.token) : null;
}

export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [users, setUsers] = useState<HubUser[]>([]);
  const [devices, setDevices] = useState<HubDevice[]>([]);
  const [code, setCode] = useState<{ code: string; username: string; expiresAt: string } | null>(null);
  const [form] = Form.useForm();
  const fail = useCallback((e: unknown) => message.error(describeError(t, e)), [message, t]);
  const reload = useCallback(async () => {
    const client = await officeClient();
    if (!client) return;
    try {
      setUsers((await client.listUsers()).users);
      setDevices((await client.listDevices()).devices);
    } catch (e) {
      fail(e);
    }
  }, [fail]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const act = async (work: (c: HubClient) => Promise<unknown>) => {
    const client = await officeClient();
    if (!client) return;
    try {
      await work(client);
      await reload();
    } catch (e) {
      fail(e);
    }
  };
  const addUser = (v: { username: string; displayName: string; role: HubUser['role']; district: string; password: string; certNo?: string }) =>
    act(async (c) => {
      await c.addUser({ ...v, ...(v.certNo ? { certNo: v.certNo } : {}) });
      form.resetFields();
    });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('accounts.users')}>
        <Table<HubUser>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={users}
          columns={[
            { title: t('accounts.username'), dataIndex: 'username' },
            { title: t('field.name'), dataIndex: 'displayName' },
            { title: t('accounts.role'), dataIndex: 'role', render: (r: string) => t(`role.${r}`) },
            { title: t('field.district'), dataIndex: 'district' },
            { title: t('accounts.certNo'), dataIndex: 'certNo' },
            { title: '', render: (_, u) => <Button size="small" onClick={() => void act(async (c) => setCode(await c.pairingCode(u.username)))}>{t('accounts.pair')}</Button> },
          ]}
        />
        <Form form={form} layout="inline" onFinish={(v) => void addUser(v)} style={{ marginTop: 16, rowGap: 8 }} initialValues={{ role: 'inspector' }}>
          <Form.Item name="username" rules={[{ required: true }]}><Input aria-label={t('accounts.username')} placeholder={t('accounts.username')} style={{ width: 120 }} /></Form.Item>
          <Form.Item name="displayName" rules={[{ required: true }]}><Input aria-label={t('field.name')} placeholder={t('field.name')} style={{ width: 100 }} /></Form.Item>
          <Form.Item name="role"><Select aria-label={t('accounts.role')} style={{ width: 110 }} options={(['inspector', 'lead', 'office'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))} /></Form.Item>
          <Form.Item name="district" rules={[{ required: true }]}><Input aria-label={t('field.district')} placeholder={t('field.district')} style={{ width: 100 }} /></Form.Item>
          <Form.Item name="certNo"><Input aria-label={t('accounts.certNo')} placeholder={t('accounts.certNo')} style={{ width: 120 }} /></Form.Item>
          <Form.Item name="password" rules={[{ required: true, min: 8 }]}><Input.Password aria-label={t('accounts.password')} placeholder={t('accounts.password')} style={{ width: 150 }} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('accounts.add')}</Button>
        </Form>
      </Card>
      <Card title={t('accounts.devices')}>
        <Table<HubDevice>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={devices}
          columns={[
            { title: t('accounts.device'), dataIndex: 'name' },
            { title: t('accounts.username'), dataIndex: 'username' },
            { title: t('accounts.enrolledAt'), dataIndex: 'enrolledAt', render: (v: string | null) => (v ? formatChinaTime(v) : '') },
            { title: t('accounts.lastMutation'), dataIndex: 'lastMutationId' },
            {
              title: '', render: (_, d) =>
                d.revokedAt ? <Tag color="red">{t('accounts.revokedAt', { at: formatChinaTime(d.revokedAt) })}</Tag> : (
                  <Popconfirm title={t('accounts.revokeConfirm')} onConfirm={() => void act((c) => c.revokeDevice(d.id))}>
                    <Button size="small" danger>{t('accounts.revoke')}</Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Modal open={code !== null} title={t('accounts.pair')} footer={null} onCancel={() => setCode(null)}>
        {code && (
          <Space orientation="vertical">
            <Typography.Text>{t('accounts.codeFor', { username: code.username })}</Typography.Text>
            <Typography.Title level={2} copyable style={{ letterSpacing: 6, margin: 0 }} data-testid="pairing-code">{code.code}</Typography.Title>
            <Typography.Text type="secondary">{t('accounts.codeUntil', { at: formatChinaTime(code.expiresAt) })}</Typography.Text>
          </Space>
        )}
      </Modal>
    </Space>
  );
}
