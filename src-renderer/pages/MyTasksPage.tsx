import { Card, Empty, Table, Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatChinaTime } from '../../src-shared/time';
import { db } from '../db/db';
import type { Profile } from '../state/profile';

interface Task {
  key: string;
  plan: string;
  drawnAt: string;
  uscc: string;
  name: string;
  district: string;
  team: string[];
}

/** The targets drawn for this inspector in the draws held on this device. */
export function MyTasksPage({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const tasks = useLiveQuery(async () => {
    const draws = await db.draws.orderBy('drawnAt').reverse().toArray();
    return draws.flatMap((d) =>
      d.result.selected
        .filter((s) => s.inspectors.includes(profile.certNo))
        .map((s): Task => ({ key: `${d.id}/${s.uscc}`, plan: d.result.record.plan.name, drawnAt: d.drawnAt, uscc: s.uscc, name: s.name, district: s.district, team: s.inspectors })),
    );
  }, [profile.certNo]);
  return (
    <Card title={t('nav.tasks')}>
      {tasks && tasks.length === 0 ? (
        <Empty description={t('tasks.none')} />
      ) : (
        <Table<Task>
          rowKey="key"
          size="small"
          loading={tasks === undefined}
          dataSource={tasks ?? []}
          columns={[
            { title: t('field.name'), dataIndex: 'name' },
            { title: t('field.uscc'), dataIndex: 'uscc', width: 190 },
            { title: t('field.district'), dataIndex: 'district', width: 100 },
            { title: t('draw.planName'), dataIndex: 'plan' },
            { title: t('draw.drawnAt'), dataIndex: 'drawnAt', width: 170, render: (v: string) => formatChinaTime(v, false) },
            { title: t('draw.team'), dataIndex: 'team', render: (c: string[]) => c.map((x) => <Tag key={x}>{x}</Tag>) },
          ]}
        />
      )}
    </Card>
  );
}
