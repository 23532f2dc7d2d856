// A target's grade history: every change, newest first, from → to with its reason, who and when (a change
// made here and not yet on the hub is marked so until the hub's copy comes back).
import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoredCreditChange } from '../../../src-shared/credit/change';
import { formatChinaTime } from '../../../src-shared/time';
import { GradeChange } from './GradeChange';

export function GradeHistory({ changes }: { changes: readonly StoredCreditChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('creditUi.target.noHistory')} />;
  return (
    <Table<StoredCreditChange> size="small" rowKey="id" dataSource={[...changes]} pagination={false} data-testid="credit-history"
      columns={[
        { title: t('creditUi.col.at'), width: 170, render: (_, c) => <>{formatChinaTime(c.at, false)}{c.version === 0 && <Tag style={{ marginLeft: 6 }}>{t('creditUi.pending')}</Tag>}</> },
        { title: t('creditUi.col.change'), width: 130, render: (_, c) => <GradeChange from={c.from} to={c.to} /> },
        { title: t('creditUi.col.reason'), dataIndex: 'reason' },
        { title: t('creditUi.col.by'), width: 140, render: (_, c) => (c.user && c.user !== c.by ? `${c.by}（${c.user}）` : c.by) },
      ]} />
  );
}
