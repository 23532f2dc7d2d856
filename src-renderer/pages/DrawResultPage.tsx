import { Alert, App, Button, Card, Empty, Space, Typography } from 'antd';
import { PlainList } from '../components/PlainList';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { buildNoticeWorkbook } from '../../src-shared/draw/notice';
import { verifyDrawAsync } from '../../src-shared/draw/verify';
import { DrawRecordDescriptions, GroupTable, SelectedTable, useInspectorNames } from '../components/DrawSummary';
import { platform } from '../platform';
import { DrawPdfButton } from './DrawRecordPage';
import { listsAsOf, readLists, useDraw, type ListChange } from '../db/draws';
import { formatChinaTime } from '../../src-shared/time';

/** 'entities 9135…' → '检查对象 9135…': the record keeps the list's code, people read its name. */
function excludedLabel(key: string, t: (k: string) => string): string {
  return key.replace(/^(entities|inspectors) /, (_, kind: string) => `${t(kind === 'entities' ? 'nav.entities' : 'nav.inspectors')} `);
}

/**
 * Rows per page of the excluded and the differences: a 100,000-target list leaves out some 2,000 inactive
 * rows, and rendering them all held the window over a second after each draw.
 */
const LIST_PAGE = 20;

/** One draw: its record, groups and selected list; publish, print, verify. */
export function DrawResultPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const saved = useDraw(id);
  const names = useInspectorNames();
  const [verdict, setVerdict] = useState<{ ok: boolean; differences: string[]; changedSince: ListChange[] } | null>(null);
  if (saved === undefined) return null;
  if (saved === null) return <Empty description={t('draw.notFound')} />;
  const { result } = saved;

  async function exportNotice() {
    const { inspectors } = await readLists();
    const data = await buildNoticeWorkbook(result, result.record.plan, inspectors);
    const ok = await platform.saveFile({
      title: t('draw.exportNotice'),
      suggestedName: `${t('draw.noticeFile')}-${result.record.plan.name}.xlsx`,
      filters: [{ name: 'Excel', extensions: ['xlsx'] }],
      data,
    });
    if (ok) message.success(t('common.saved'));
  }

  // Against the lists as they stood when it was drawn (from the list history); later changes are named apart.
  async function verify() {
    const { entities, inspectors, changedSince } = await listsAsOf(result.record.drawnAt);
    setVerdict({ ...(await verifyDrawAsync(result, entities, inspectors)), changedSince });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('draw.resultTitle', { name: result.record.plan.name })}
        extra={
          <Space wrap>
            <Button type="primary" onClick={() => void exportNotice()}>{t('draw.exportNotice')}</Button>
            <DrawPdfButton kind="notice" saved={saved} />
            <DrawPdfButton kind="record" saved={saved} />
            <Link to={`/draws/${id}/record`}><Button>{t('draw.printRecord')}</Button></Link>
            <Button onClick={() => void verify()}>{t('draw.verify')}</Button>
          </Space>
        }
      >
        {verdict && (
          <Alert
            data-testid="verify-result"
            style={{ marginBottom: 16 }}
            showIcon
            type={verdict.ok ? 'success' : 'error'}
            title={verdict.ok ? t('draw.verifyOk') : t('draw.verifyFailed')}
            description={verdict.ok ? t('draw.verifyOkDetail') : <PlainList size="small" pageSize={LIST_PAGE} items={verdict.differences} itemKey={(_, i) => String(i)} renderItem={(d) => d} />}
          />
        )}
        {verdict && verdict.changedSince.length > 0 && (
          <Alert
            data-testid="changed-since"
            style={{ marginBottom: 16 }}
            type="info"
            showIcon
            title={t('draw.changedSince', { count: verdict.changedSince.length })}
            description={<PlainList size="small" items={verdict.changedSince.slice(0, 50)} itemKey={(_, i) => String(i)} renderItem={(c) => `${formatChinaTime(c.at)} ${t(c.kind === 'entities' ? 'nav.entities' : 'nav.inspectors')} ${c.key}：${t(`history.${c.action}`)}`} />}
          />
        )}
        <DrawRecordDescriptions result={result} />
      </Card>
      <Card title={t('draw.groups')}>
        <GroupTable groups={result.groups} />
      </Card>
      <Card title={t('draw.selectedList', { count: result.selected.length })}>
        <SelectedTable selected={result.selected} names={names} />
      </Card>
      {result.excluded.length > 0 && (
        <Card title={t('draw.excluded', { count: result.excluded.length })}>
          <PlainList size="small" pageSize={LIST_PAGE} items={result.excluded} itemKey={(x, i) => `${x.key}:${i}`} renderItem={(x) => <><Typography.Text code>{excludedLabel(x.key, t)}</Typography.Text> {x.reason}</>} />
        </Card>
      )}
    </Space>
  );
}
