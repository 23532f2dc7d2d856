import { Card, Empty, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatChinaTime } from '../../src-shared/time';
import { personLabel, useCasesOf, useNamesOf } from '../db/cases';
import { useDraws } from '../db/draws';
import type { Profile } from '../state/profile';

interface Task {
  key: string;
  /** The case on this device, when the task came from the hub. */
  caseId: string | null;
  plan: string;
  drawnAt: string | null;
  uscc: string;
  name: string;
  district: string;
  team: string[];
}

/** This inspector's inspections: the cases the hub assigned to them, and targets of draws made on this device. */
export function MyTasksPage({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cases = useCasesOf(profile.certNo);
  const draws = useDraws();
  const tasks = useMemo((): Task[] | undefined => {
    if (cases === undefined || draws === undefined) return undefined;
    const fromHub = cases.map((c): Task => ({ key: c.id, caseId: c.id, plan: t(`cases.status.${c.status}`), drawnAt: null, uscc: c.uscc, name: c.entityName, district: c.district, team: c.inspectors }));
    const held = new Set(cases.map((c) => c.uscc));
    const local = draws.flatMap((d) =>
      d.result.selected
        .filter((s) => profile.certNo !== '' && s.inspectors.includes(profile.certNo) && !held.has(s.uscc))
        .map((s): Task => ({ key: `${d.id}/${s.uscc}`, caseId: null, plan: d.result.record.plan.name, drawnAt: d.drawnAt, uscc: s.uscc, name: s.name, district: s.district, team: s.inspectors })),
    );
    return [...fromHub, ...local];
  }, [cases, draws, profile.certNo, t]);
  const names = useNamesOf(useMemo(() => (tasks ?? []).flatMap((task) => task.team), [tasks]));
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
          data-testid="my-tasks"
          onRow={(task) => (task.caseId ? { onClick: () => navigate(`/cases/${task.caseId}`), style: { cursor: 'pointer' } } : {})}
          columns={[
            { title: t('field.name'), dataIndex: 'name' },
            { title: t('field.uscc'), dataIndex: 'uscc', width: 190 },
            { title: t('field.district'), dataIndex: 'district', width: 100 },
            { title: t('tasks.source'), dataIndex: 'plan' },
            { title: t('draw.drawnAt'), dataIndex: 'drawnAt', width: 170, render: (v: string | null) => (v ? formatChinaTime(v, false) : '') },
            { title: t('draw.team'), dataIndex: 'team', render: (c: string[]) => c.map((x) => <Tag key={x}>{personLabel(names, x)}</Tag>) },
          ]}
        />
      )}
    </Card>
  );
}
