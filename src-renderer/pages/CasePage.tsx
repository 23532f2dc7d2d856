// One case: the target, the team, its records (findings, meter readings …), signing, submitting, review.
import { Alert, Button, Card, Descriptions, Empty, Input, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatFen } from '../../src-shared/money';
import { TOU_WORDS } from '../../src-shared/tariff/types';
import type { Meter } from '../../src-shared/inspection/meters';
import type { TariffPosting } from '../../src-shared/inspection/postedTariff';
import { MeterForm, MeterTable } from '../components/inspection/MeterSection';
import { PostingCheckTable, PostingForm, postingOf } from '../components/inspection/PostingSection';
import { FindingAddForm, ProposedFindings } from '../components/inspection/FindingsSection';
import { LedgerSection } from '../components/inspection/LedgerSection';
import { PhotoSection } from '../components/inspection/PhotoSection';
import { OnSiteSection } from '../components/inspection/OnSiteSection';
import { useOfficeSettings, useStoredTariff } from '../db/reference';
import { defaultOfficeSettings, verificationYearsOf } from '../../src-shared/inspection/officeSettings';
import { formatChinaTime } from '../../src-shared/time';
import { SignaturePad } from '../components/SignaturePad';
import { PlainList } from '../components/PlainList';
import { RefundOrderSection } from '../components/refund/RefundOrderSection';
import { useRun } from '../components/useRun';
import { useIdentity } from '../db/identity';
import { STATUS_COLOR } from './CasesPage';
import { personLabel, useCase, useCaseRecords, useNamesOf, useOpenConflicts, type LocalRecord } from '../db/cases';
import { storeBlob } from '../db/syncState';
import { write } from '../db/write';
import { useDrawName } from '../db/draws';
import { approvalProblems } from '../../src-shared/review/approval';
import { approvalText } from '../../src-shared/i18n/review';
import { ReviewOverview } from '../components/review/ReviewOverview';
import { ReviewActions } from '../components/review/ReviewActions';
import { CaseOriginDetails } from '../components/targeted/CaseOriginDetails';

/** What every device works from until the office saves its own settings. */
const DEFAULTS = defaultOfficeSettings();
/** Records shown a page at a time: a case of 400 tenants' photos and meters opens as fast as a small one. */
const RECORDS_PAGE = 20;
/** A reviewer opens a case in these states on 审核总览 (everything side by side) rather than the records. */
const REVIEWED_STATES: ReadonlySet<string> = new Set(['submitted', 'approved', 'returned']);

function recordSummary(r: LocalRecord, t: (k: string, o?: Record<string, unknown>) => string): string {
  const d = r.data;
  switch (r.kind) {
    case 'finding': {
      const amount = typeof d.amountFen === 'number' ? `（${formatFen(d.amountFen)} 元）` : '';
      const severity = typeof d.severity === 'string' ? `（${t(`case.severity.${d.severity}`)}）` : '';
      return `${String(d.title)}${severity}${amount}${d.detail ? '：' + String(d.detail) : ''}`;
    }
    case 'meterReading':
      return `${String(d.meterNo)}：${String(d.reading)} kWh${d.note ? '（' + String(d.note) + '）' : ''}`;
    case 'meter': {
      const m = d as unknown as Meter;
      return `${m.meterNo}（${t(`insp.meter.role.${m.role}`)}${m.tenant ? ' · ' + m.tenant : ''}）：${m.readings.map((x) => x.value).join(' → ')}`;
    }
    case 'tariffPosting': {
      const p = d as unknown as TariffPosting;
      return p.posted ? `${p.location}：${p.prices.map((x) => `${x.category}${TOU_WORDS[x.period]} ${x.price}`).join('、')}` : t('insp.posting.notPosted');
    }
    case 'proposalDismissed':
      return String(d.reason);
    case 'photo':
      return `${String(d.caption || d.name)}（SHA-256 ${String(d.sha256).slice(0, 12)}…）`;
    case 'onSiteRecord':
      return `${t(d.supplementOf ? 'insp.onsite.supplement' : 'insp.onsite.record')}：${String(d.place)}，${formatChinaTime(String(d.startedAt), false)}`;
    case 'onSiteSignature':
      return `${t(`insp.onsite.role.${String(d.role)}`)} ${String(d.name)}${d.refused ? `：${t('insp.onsite.refused', { note: String(d.note) })}` : ''}`;
    case 'ledgerCheck': {
      const c = d as unknown as { file: { name: string }; totalOverchargeFen: number };
      return `${c.file.name}：${t('tariffUi.oc.total')} ${formatFen(c.totalOverchargeFen)} 元`;
    }
    default:
      return JSON.stringify(d);
  }
}

function SignButton({ record }: { record: LocalRecord }) {
  const { t } = useTranslation();
  const run = useRun();
  const [open, setOpen] = useState(false);
  const [signer, setSigner] = useState('');
  const [png, setPng] = useState<Blob | null>(null);
  const sign = async () => {
    if (!png) return;
    const ok = await run(async () => write.signRecord(record.id, { signer: signer.trim(), image: await storeBlob(png), signedAt: new Date().toISOString() }));
    if (ok) setOpen(false);
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>{t('case.sign')}</Button>
      {/* Made only when opened: a case of 200 records would otherwise build 200 closed dialogs. */}
      {open && <Modal open title={t('case.sign')} onCancel={() => setOpen(false)} onOk={() => void sign()} okButtonProps={{ disabled: !png || signer.trim() === '' }}>
        <Space orientation="vertical">
          <Input aria-label={t('case.signer')} placeholder={t('case.signer')} value={signer} onChange={(e) => setSigner(e.target.value)} maxLength={200} />
          <SignaturePad onChange={setPng} />
          {!png && <Alert type="info" title={t('case.signatureMissing')} />}
        </Space>
      </Modal>}
    </>
  );
}

export function CasePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const run = useRun();
  const identity = useIdentity();
  const { id = '' } = useParams();
  const kase = useCase(id);
  // The names of this case's team (and its lead), not of the whole list.
  const names = useNamesOf(kase ? [...kase.inspectors, ...(kase.lead ? [kase.lead] : [])] : []);
  const drawName = useDrawName(kase?.drawId ?? '');
  const records = useCaseRecords(id);
  const table = useStoredTariff()?.table ?? null;
  const settings = useOfficeSettings() ?? DEFAULTS;
  const openConflicts = useOpenConflicts(id) ?? 0;
  const notApprovable = approvalProblems(records, openConflicts);
  const posting = postingOf(records);
  if (kase === undefined) return <Empty />;
  const frozen = kase.status === 'approved';
  // Only the case's team records and signs (the hub refuses anyone else); a reviewer reads and reviews.
  const onTeam = !!identity?.certNo && kase.inspectors.includes(identity.certNo);
  const reviewer = !!identity && identity.role !== 'inspector';
  const canRecord = onTeam && (kase.status === 'assigned' || kase.status === 'returned');
  const overviewFirst = reviewer && REVIEWED_STATES.has(kase.status);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<Space>{kase.entityName}<Tag color={STATUS_COLOR[kase.status]}>{t(`cases.status.${kase.status}`)}</Tag></Space>}
        extra={<Button onClick={() => navigate('/cases')}>{t('case.back')}</Button>}
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('field.uscc')}>{kase.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('field.district')}>{kase.district} {kase.subdistrict}</Descriptions.Item>
          <Descriptions.Item label={t('case.address')}>{kase.address}</Descriptions.Item>
          <Descriptions.Item label={t('case.team')}>{kase.inspectors.map((c) => <Tag key={c}>{personLabel(names, c)}</Tag>)}</Descriptions.Item>
          {/* An inspector's device holds no draws: the plan is named where it is known, never as a bare id. */}
          {drawName && <Descriptions.Item label={t('case.draw')}><Link to={`/draws/${kase.drawId}`}>{drawName}</Link></Descriptions.Item>}
          {kase.reviewNote && <Descriptions.Item label={t('case.reviewNote')}>{kase.reviewNote}</Descriptions.Item>}
        </Descriptions>
        {frozen && <Alert type="success" showIcon title={t('case.frozen')} />}
        {!frozen && reviewer && notApprovable.length > 0 && <Alert style={{ marginTop: 12 }} type="warning" showIcon data-testid="not-approvable" title={approvalText(notApprovable, i18n.language === 'en' ? 'en' : 'zh-CN')} />}
        {!frozen && (
          <Space style={{ marginTop: 12 }} wrap>
            {canRecord && <Button type="primary" onClick={() => void run(() => write.submitCase(kase.id))}>{t('case.submit')}</Button>}
            {onTeam && kase.status === 'submitted' && <Alert type="info" showIcon title={t('case.submittedLocked')} />}
            {reviewer && <ReviewActions caseId={kase.id} problems={notApprovable} />}
          </Space>
        )}
      </Card>
      <CaseOriginDetails kase={kase} />
      <Tabs
        // Chosen once the user is known: a reviewer lands on 审核总览 for a case to review or reviewed.
        key={overviewFirst ? 'review' : 'records'}
        defaultActiveKey={overviewFirst ? 'review' : 'records'}
        items={[
          ...(reviewer ? [{
            key: 'review', label: t('reviewUi.tab'), children: <ReviewOverview caseId={kase.id} records={records} table={table} settings={settings} problems={notApprovable} approved={frozen} />,
          }] : []),
          {
            key: 'records', label: t('insp.tab.records'), children: (
              <PlainList
                items={records}
                itemKey={(r) => r.id}
                pageSize={RECORDS_PAGE}
                itemTestId="case-record"
                renderItem={(r) => (
                  <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <div><Tag>{t(`case.kind.${r.kind}`)}</Tag><Typography.Text strong>{recordSummary(r, t)}</Typography.Text></div>
                      <Typography.Text type="secondary">{`${t('case.createdBy')}：${r.createdByName || r.createdBy} · ${t('case.createdAt')}：${formatChinaTime(r.createdAt.split('~')[0] ?? '')}`}</Typography.Text>
                    </div>
                    {r.signature ? <Tag color="green">{t('case.signed', { signer: r.signature.signer })}</Tag> : canRecord ? <SignButton record={r} /> : <Tag>{t('case.unsigned')}</Tag>}
                  </div>
                )}
              />
            ),
          },
          {
            key: 'meters', label: t('insp.tab.meters'), children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <MeterTable caseId={kase.id} records={records} years={verificationYearsOf(settings)} canRecord={canRecord} />
                {canRecord && <Card size="small" title={t('insp.meter.add')}><MeterForm caseId={kase.id} /></Card>}
              </Space>
            ),
          },
          {
            key: 'posting', label: t('insp.tab.posting'), children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {posting && <PostingCheckTable posting={posting.posting} table={table} />}
                {canRecord && <Card size="small"><PostingForm key={posting?.id ?? 'new'} caseId={kase.id} table={table} current={posting} /></Card>}
              </Space>
            ),
          },
          {
            key: 'ledger', label: t('insp.tab.ledger'), children: <LedgerSection caseId={kase.id} party={{ name: kase.entityName, uscc: kase.uscc }} records={records} canRecord={canRecord} />,
          },
          {
            key: 'photos', label: t('insp.tab.photos'), children: <PhotoSection caseId={kase.id} records={records} canRecord={canRecord} />,
          },
          {
            key: 'findings', label: t('insp.tab.findings'), children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <ProposedFindings caseId={kase.id} records={records} table={table} settings={settings} canRecord={canRecord} />
                {canRecord && <Card size="small" title={t('insp.findings.add')}><FindingAddForm caseId={kase.id} settings={settings} /></Card>}
              </Space>
            ),
          },
          {
            key: 'onsite', label: t('insp.tab.onsite'), children: <OnSiteSection kase={kase} records={records} names={names} table={table} settings={settings} canRecord={canRecord} />,
          },
          {
            key: 'refund', label: t('refund.tab'), children: <RefundOrderSection kase={kase} records={records} settings={settings} reviewer={reviewer} />,
          },
        ]}
      />
    </Space>
  );
}
