// 评定's proposals, a page at a time: at 100,000 targets an evaluation proposes some 70,000 changes, and a table
// given them all worked through every row at each render (130 ms a time, while an apply reports its
// progress). The table gets only the page shown; the selection is kept across pages.
import { Button, Table } from 'antd';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CreditProposal } from '../../../src-shared/credit/evaluate';
import { GradeChange } from './GradeChange';

const PAGE = 50;

export const ProposalTable = memo(function ProposalTable({ proposals, selected, onSelect, busy, onApply }: {
  proposals: readonly CreditProposal[];
  selected: readonly string[];
  onSelect: (usccs: string[]) => void;
  busy: boolean;
  onApply: (proposal: CreditProposal) => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  // Fewer pages once changes are applied: the last page left is shown.
  const current = Math.min(page, Math.max(1, Math.ceil(proposals.length / PAGE)));
  return (
    <Table<CreditProposal> size="small" rowKey="uscc" dataSource={proposals.slice((current - 1) * PAGE, current * PAGE)} data-testid="credit-proposals"
      pagination={{ current, pageSize: PAGE, total: proposals.length, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
      rowSelection={{ selectedRowKeys: [...selected], preserveSelectedRowKeys: true, onChange: (keys) => onSelect(keys.map(String)) }}
      columns={[
        { title: t('creditUi.col.target'), width: 240, ellipsis: { showTitle: true }, render: (_, p) => <Link to={`/targets/${p.uscc}`}>{p.name}</Link> },
        { title: t('creditUi.col.change'), width: 130, render: (_, p) => <GradeChange from={p.from} to={p.to} /> },
        { title: t('creditUi.col.reason'), dataIndex: 'reason' },
        { title: '', width: 80, render: (_, p) => <Button size="small" disabled={busy} onClick={() => onApply(p)}>{t('creditUi.eval.apply')}</Button> },
      ]} />
  );
});
