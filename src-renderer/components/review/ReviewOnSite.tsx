// The on-site record and its supplements in the overview: when and where, then every signature — who, in
// which role, when, or the party's refusal with its note and the witness — and what is still missing.
import { Card, Collapse, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { signatureStatus, type OnSiteSignature, type SignerRole } from '../../../src-shared/inspection/onSiteRecord';
import { formatChinaTime } from '../../../src-shared/time';
import type { LocalRecord } from '../../db/cases';
import { onSiteRecordsOf, type OnSiteEntry } from '../inspection/OnSiteSection';

interface SignerRow {
  key: string;
  role: SignerRole;
  name: string;
  signature: OnSiteSignature | undefined;
}

/** Who must sign a record, each with the signature given (if any): the inspectors present, the party, a witness when it refused. */
function signers(entry: OnSiteEntry): SignerRow[] {
  const { record, signatures } = entry;
  const party = signatures.find((s) => s.role === 'party');
  const witness = signatures.find((s) => s.role === 'witness');
  return [
    ...record.inspectors.map((i): SignerRow => ({ key: `i:${i.certNo}`, role: 'inspector', name: `${i.name}（${i.certNo}）`, signature: signatures.find((s) => s.role === 'inspector' && s.certNo === i.certNo) })),
    { key: 'party', role: 'party', name: party?.name ?? record.party.representative, signature: party },
    ...(party?.refused || witness ? [{ key: 'witness', role: 'witness' as const, name: witness?.name ?? '', signature: witness }] : []),
  ];
}

function Entry({ entry }: { entry: OnSiteEntry }) {
  const { t } = useTranslation();
  const { record } = entry;
  const complete = signatureStatus(record, entry.signatures).complete;
  return (
    <div data-testid="review-onsite-record">
      <Space wrap style={{ marginBottom: 6 }}>
        <Typography.Text strong>{t(record.supplementOf ? 'insp.onsite.supplement' : 'insp.onsite.record')}</Typography.Text>
        <Typography.Text type="secondary">{formatChinaTime(record.startedAt, false)} · {record.place}</Typography.Text>
        {complete ? <Tag color="green">{t('insp.onsite.complete')}</Tag> : <Tag color="orange">{t('insp.onsite.incomplete')}</Tag>}
      </Space>
      <Table size="small" rowKey="key" dataSource={signers(entry)} pagination={false} data-testid="review-signatures"
        columns={[
          { title: t('reviewUi.signer.role'), width: 80, render: (_, s) => t(`insp.onsite.role.${s.role}`) },
          { title: t('reviewUi.signer.name'), width: 150, render: (_, s) => s.name || '—' },
          { title: t('reviewUi.signer.when'), width: 150, render: (_, s) => <span style={{ whiteSpace: 'nowrap' }}>{s.signature ? formatChinaTime(s.signature.signedAt, false) : '—'}</span> },
          {
            title: t('reviewUi.signer.state'), render: (_, s) => (!s.signature ? <Tag color="orange">{t('reviewUi.missing')}</Tag>
              : s.signature.refused ? <Typography.Text type="danger">{t('reviewUi.refused', { note: s.signature.note })}</Typography.Text>
                : <Tag color="green">{t('reviewUi.signed')}</Tag>),
          },
        ]} />
      <Collapse size="small" ghost items={[{
        key: 'text', label: t('reviewUi.text'), children: record.sections.map((s) => (
          <div key={s.heading} style={{ marginBottom: 6 }}>
            <Typography.Text strong>{s.heading}</Typography.Text>
            {s.lines.map((line, i) => <Typography.Paragraph key={i} style={{ margin: '2px 0 0 1em' }}>{line}</Typography.Paragraph>)}
          </div>
        )),
      }]} />
    </div>
  );
}

export function ReviewOnSite({ records }: { records: readonly LocalRecord[] }) {
  const { t } = useTranslation();
  // In the order they were made: the record, then its supplements (each later than what it adds to).
  const entries = onSiteRecordsOf(records).sort((a, b) => (a.record.startedAt < b.record.startedAt ? -1 : a.record.startedAt > b.record.startedAt ? 1 : 0));
  return (
    <Card size="small" title={t('reviewUi.onsite')} data-testid="review-onsite">
      {entries.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reviewUi.noOnsite')} /> : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {entries.map((e) => <Entry key={e.id} entry={e} />)}
        </Space>
      )}
    </Card>
  );
}
