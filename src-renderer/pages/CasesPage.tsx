// The cases on this device: an inspector's own, a lead's district, the office's all.
import { Button, Card, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { personLabel, useCases, useInspectorNames, useRecordCounts, type LocalCase } from '../db/cases';

export const STATUS_COLOR: Record<LocalCase['status'], string> = { assigned: 'blue', submitted: 'gold', returned: 'volcano', approved: 'green' };

export function CasesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cases = useCases();
  const counts = useRecordCounts();
  const names = useInspectorNames();
  return (
    <Card title={t('cases.title')}>
      {cases && cases.length === 0 ? (
        <Empty description={t('cases.none')} />
      ) : (
        <Table<LocalCase>
          rowKey="id"
          size="small"
          loading={cases === undefined}
          dataSource={cases ?? []}
          onRow={(c) => ({ onClick: () => navigate(`/cases/${c.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('field.name'), dataIndex: 'entityName' },
            { title: t('field.uscc'), dataIndex: 'uscc', width: 190 },
            { title: t('field.district'), dataIndex: 'district', width: 100 },
            { title: t('case.team'), dataIndex: 'inspectors', render: (c: string[]) => c.map((x) => <Tag key={x}>{personLabel(names, x)}</Tag>) },
            { title: t('cases.records'), width: 80, render: (_, c) => counts?.get(c.id) ?? 0 },
            {
              title: t('cases.status'), width: 180,
              render: (_, c) => (
                <>
                  <Tag color={STATUS_COLOR[c.status]}>{t(`cases.status.${c.status}`)}</Tag>
                  {c.missingMedia.length > 0 && <Tag color="red">{t('cases.missingMedia', { count: c.missingMedia.length })}</Tag>}
                </>
              ),
            },
            { title: '', width: 80, render: (_, c) => <Button size="small" onClick={() => navigate(`/cases/${c.id}`)}>{t('cases.open')}</Button> },
          ]}
        />
      )}
    </Card>
  );
}
