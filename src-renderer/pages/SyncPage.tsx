// Enrollment at the hub, the sync status in full, and the changes the hub refused.
import { App, Alert, Button, Card, Descriptions, Empty, Form, Input, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../src-shared/time';
import { platform } from '../platform';
import { defaultDeviceName } from '../platform/deviceName';
import { readProfile, saveProfile } from '../state/profile';
import { markUnlocked } from '../components/LockScreen';
// Shown outside the shell too (an unenrolled device, the printable record): its chunk brings antd's whole sheet.
import '../antdAll';
import { type Account } from '../sync/account';
import { combinedReport } from '../sync/caseFile';
import { HubClient } from '../sync/hubClient';

const TCASE = [{ name: 'TariffCheck 案件文件', extensions: ['tcase'] }];
import { syncController, useSyncStatus } from '../sync/controller';
import { describeError, describeHubRefusal, type HubRefusal } from '../i18n/errors';
import { exportCaseFile, loginOnline, useAccount, useHasVerifier, useHubRejected, useOutboxCount, type HubRow } from '../db/syncState';

/** In office mode: where the laptops reach the hub this app runs. */
function OfficeHubCard() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<{ lan: string[]; local: string } | null>(null);
  useEffect(() => {
    void platform.officeHub().then(setInfo);
  }, []);
  if (!info) return null;
  return (
    <Alert type="info" showIcon title={t('sync.office.running')} description={<>{t('sync.office.lan')}：{info.lan.length > 0 ? info.lan.join('、') : info.local}</>} />
  );
}

function EnrollForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ hubUrl?: string; code: string; deviceName: string }>();
  // Named after its user and machine for the office's device list; what the user typed is never replaced.
  useEffect(() => {
    let gone = false;
    void Promise.all([readProfile(), platform.appInfo()]).then(([profile, info]) => {
      if (gone || form.isFieldTouched('deviceName')) return;
      form.setFieldValue('deviceName', defaultDeviceName(t, { owner: profile?.name ?? null, platform: info.platform, hostName: info.hostName }));
    });
    return () => {
      gone = true;
    };
  }, [form, t]);
  const onFinish = async (values: { hubUrl?: string; code: string; deviceName: string }) => {
    setBusy(true);
    try {
      const account = await syncController.enroll((values.hubUrl ?? '').replace(/\/+$/, ''), values.code, values.deviceName);
      const u = account.user;
      await saveProfile({ name: u.displayName, role: u.role, district: u.district, certNo: u.certNo ?? '' });
      message.success(t('sync.enroll.done', { name: u.displayName, role: t(`role.${u.role}`), district: u.district }));
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('sync.enroll.title')}>
      <OfficeHubCard />
      <p>{t('sync.enroll.intro')}</p>
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }}>
        <Form.Item name="hubUrl" label={t('sync.enroll.hubUrl')} extra={t('sync.enroll.hubUrlHelp')}>
          <Input placeholder="http://192.168.1.10:8787" />
        </Form.Item>
        <Form.Item name="code" label={t('sync.enroll.code')} rules={[{ required: true }]}>
          <Input maxLength={16} style={{ textTransform: 'uppercase', letterSpacing: 2 }} />
        </Form.Item>
        <Form.Item name="deviceName" label={t('sync.enroll.deviceName')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('sync.enroll.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function OfflineLogin({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ready = useHasVerifier();
  const [form] = Form.useForm();
  const onFinish = async ({ password }: { password: string }) => {
    try {
      await loginOnline(new HubClient(account.hubUrl, account.token), password);
      markUnlocked();
      form.resetFields();
      message.success(t('login.setupDone'));
    } catch (e) {
      message.error(describeError(t, e));
    }
  };
  return (
    <Card title={t('login.setup')} size="small" extra={ready && <Tag color="green">{t('login.setupDone')}</Tag>}>
      <Typography.Paragraph type="secondary">{t('login.setupIntro')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={onFinish}>
        <Form.Item name="password" rules={[{ required: true }]}><Input.Password placeholder={t('login.password')} style={{ width: 240 }} /></Form.Item>
        <Button htmlType="submit">{t('login.setupSubmit')}</Button>
      </Form>
    </Card>
  );
}

type CaseFileReport = Awaited<ReturnType<HubClient['importCaseFile']>>;


/** Case files: any enrolled device exports its unsynced work; the office merges files from laptops. */
function CaseFiles({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reports, setReports] = useState<{ name: string; report: CaseFileReport }[]>([]);
  const totals = combinedReport(reports.map((r) => r.report));
  const exportAll = async () => {
    try {
      const file = await exportCaseFile();
      if (await platform.saveFile({ title: t('caseFile.export'), suggestedName: file.name, filters: TCASE, data: file.bytes })) message.success(t('caseFile.exported', { count: file.count }));
    } catch (e) {
      message.error(describeError(t, e));
    }
  };
  // Several laptops' files in one go, one after another (each is one transaction on the hub), then one report.
  const importAll = async (files: File[]) => {
    const client = new HubClient(account.hubUrl, account.token);
    const done: { name: string; report: CaseFileReport }[] = [];
    for (const file of files) {
      try {
        done.push({ name: file.name, report: await client.importCaseFile(new Uint8Array(await file.arrayBuffer())) });
      } catch (e) {
        message.error(`${file.name}：${describeError(t, e)}`);
      }
    }
    setReports(done);
    if (done.length > 0) void syncController.syncNow();
  };
  return (
    <Card title={t('caseFile.title')} size="small">
      <Typography.Paragraph type="secondary">{t('caseFile.intro')}</Typography.Paragraph>
      <Space>
        <Button onClick={() => void exportAll()}>{t('caseFile.export')}</Button>
        {account.user.role === 'office' && (
          // Called once per chosen file with the whole choice: the batch goes when its last file comes.
          <Upload multiple accept=".tcase" showUploadList={false} beforeUpload={(file, list) => { if (file === list.at(-1)) void importAll(list); return false; }}>
            <Button type="primary">{t('caseFile.import')}</Button>
          </Upload>
        )}
      </Space>
      {reports.length > 1 && (
        <Alert style={{ marginTop: 12 }} type={totals.rejected + totals.conflicting > 0 ? 'warning' : 'success'} showIcon data-testid="case-files-total"
          title={t('caseFile.total', { files: reports.length, ...totals })} />
      )}
      {reports.map(({ name, report }, i) => (
        <Alert
          key={i}
          style={{ marginTop: 12 }}
          type={report.gap ? 'error' : report.rejected + report.conflicting > 0 ? 'warning' : 'success'}
          showIcon
          title={name}
          description={report.gap ? t('caseFile.gap', { expected: report.gap.expected }) : t('caseFile.report', { ...report, blobsNew: report.blobs.new })}
        />
      ))}
    </Card>
  );
}

/** The field a refusal names, in words (the hub's English message stays out of the screen). */
function RejectedTable() {
  const { t } = useTranslation();
  const rows = useHubRejected();
  return (
    <Card title={t('sync.rejected.title', { count: rows.length })} size="small">
      {rows.length === 0 ? (
        <Empty description={t('sync.rejected.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<HubRow>
          rowKey="key"
          size="small"
          // A refused import can leave thousands of rows here: a page at a time.
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          dataSource={rows}
          columns={[
            { title: '#', render: (_, r) => String(r.row.mutationId), width: 60 },
            { title: t('sync.rejected.what'), render: (_, r) => t(`sync.mutation.${String(r.row.name)}`) },
            { title: t('sync.rejected.why'), render: (_, r) => <span data-testid="sync-rejected-reason">{describeHubRefusal(t, r.row as HubRefusal)}</span> },
          ]}
        />
      )}
    </Card>
  );
}

export function SyncPage() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const account = useAccount();
  const pending = useOutboxCount();
  if (account === undefined) return null;
  if (account === null) return <EnrollForm />;
  const p = status.progress;
  const skew = status.clockSkewMs;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('sync.title')} extra={<Button type="primary" loading={status.running} onClick={() => void syncController.syncNow()}>{t('sync.now')}</Button>}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('sync.account')}>{account.user.displayName}（{account.user.username}，{t(`role.${account.user.role}`)}，{account.user.district}）</Descriptions.Item>
          <Descriptions.Item label={t('sync.hub')}>{account.hubUrl || t('sync.hub.sameOrigin')}</Descriptions.Item>
          <Descriptions.Item label={t('sync.device')}>{account.deviceId}</Descriptions.Item>
          <Descriptions.Item label={t('sync.pending')}><span data-testid="sync-pending">{pending}</span></Descriptions.Item>
          <Descriptions.Item label={t('sync.lastSuccess')}><span data-testid="sync-last-success">{status.lastSuccess ? formatChinaTime(status.lastSuccess) : t('sync.never')}</span></Descriptions.Item>
        </Descriptions>
        {p && <Progress style={{ marginTop: 12 }} percent={p.total === 0 ? 100 : Math.round((p.done / p.total) * 100)} format={() => t(`sync.progress.${p.phase}`, { ...p })} />}
        {!status.running && status.lastError && (
          <Alert
            style={{ marginTop: 12 }}
            type={status.lastError.cause === 'network' ? 'warning' : 'error'}
            showIcon
            title={t(`sync.cause.${status.lastError.cause}`, { detail: status.lastError.message })}
            description={
              <>
                {/* The browser's own words for a failed request ("Failed to fetch") help nobody on site; kept as a hover for support. */}
                {status.lastError.cause === 'network' ? <span title={status.lastError.message}>{t('sync.network.detail')}</span> : status.lastError.message}
                {status.retryAt && <div>{t('sync.retryAt', { at: formatChinaTime(status.retryAt) })}</div>}
              </>
            }
          />
        )}
        {skew !== null && (
          <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('sync.clockSkew', { minutes: Math.round(Math.abs(skew) / 60_000), dir: t(skew > 0 ? 'sync.clockSkew.ahead' : 'sync.clockSkew.behind') })} />
        )}
      </Card>
      <OfficeHubCard />
      <RejectedTable />
      <CaseFiles account={account} />
      <OfflineLogin account={account} />
    </Space>
  );
}
