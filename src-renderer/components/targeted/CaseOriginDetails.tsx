// The case page's 案件来源: what a targeted case was opened on (the complaint, or the screening flags) and
// the complaints attached to the case while it was open. Nothing for a drawn case without complaints.
import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../../src-shared/time';
import type { TargetedOrigin } from '../../../src-shared/targeted/origin';
import { personLabel, useNamesOf, type LocalCase } from '../../db/cases';
import { CaseOriginTag } from './CaseOriginTag';

function OriginItems({ origin }: { origin: TargetedOrigin }) {
  const { t } = useTranslation();
  if (origin.kind === 'complaint') {
    return (
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('targeted.ref')}>{origin.ref}</Descriptions.Item>
        <Descriptions.Item label={t('targeted.receivedOn')}>{origin.receivedOn}</Descriptions.Item>
        <Descriptions.Item label={t('targeted.complainant')}>{origin.complainant}</Descriptions.Item>
        <Descriptions.Item label={t('targeted.allegation')}><Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{origin.allegation}</Typography.Text></Descriptions.Item>
      </Descriptions>
    );
  }
  return (
    <Descriptions size="small" column={2}>
      <Descriptions.Item label={t('targeted.months')}>{origin.months.join('、')}</Descriptions.Item>
      <Descriptions.Item label={t('targeted.flags')}>{origin.flags.map((f) => <Tag key={f}>{t(`targeted.flag.${f}`)}</Tag>)}</Descriptions.Item>
    </Descriptions>
  );
}

export function CaseOriginDetails({ kase }: { kase: LocalCase }) {
  const { t } = useTranslation();
  const names = useNamesOf(kase.lead ? [kase.lead] : []);
  const linked = kase.linkedComplaints ?? [];
  if (!kase.originDetail && linked.length === 0) return null;
  return (
    <Card size="small" title={<>{t('origin.detail.title')} <CaseOriginTag kase={kase} /></>} data-testid="case-origin-details">
      {kase.lead && <Typography.Paragraph>{`${t('case.lead')}：${personLabel(names, kase.lead)}`}</Typography.Paragraph>}
      {kase.originDetail && <OriginItems origin={kase.originDetail} />}
      {linked.length > 0 && (
        <>
          <Typography.Text strong>{t('origin.detail.linked')}</Typography.Text>
          {linked.map((l) => (
            <div key={l.id} style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">{t('origin.detail.by', { by: l.by, at: formatChinaTime(l.at) })}</Typography.Text>
              <OriginItems origin={l.origin} />
            </div>
          ))}
        </>
      )}
    </Card>
  );
}
