import { Alert, App, Button, Card, Empty, Space, Typography } from 'antd';
import { PlainList } from '../components/PlainList';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { DrawRecordDescriptions, GroupTable, SelectedTable } from '../components/DrawSummary';
import { DrawPdfButton } from './DrawRecordPage';
import { keepDrawHere, useDraw } from '../db/draws';
import { verifyInWorker, type DrawVerdict } from '../workers/verifyClient';
import { useExport } from '../components/ExportProgress';
import { DRAW_PAGE, givenHead, headOf, pageRows } from '../db/drawHead';
import { useNamesOf } from '../db/cases';
import { describeError } from '../i18n/errors';
import { formatChinaTime } from '../../src-shared/time';

/** 'entities 9135…' → '检查对象 9135…': the record keeps the list's code, people read its name. */
function excludedLabel(key: string, t: (k: string) => string): string {
  return key.replace(/^(entities|inspectors) /, (_, kind: string) => `${t(kind === 'entities' ? 'nav.entities' : 'nav.inspectors')} `);
}

/** One draw's page, begun afresh (first pages, no verdict) for each draw opened. */
export function DrawResultPage() {
  const { id = '' } = useParams();
  return <DrawResult key={id} id={id} />;
}

/**
 * One draw: its record, groups and the drawn targets a page at a time; publish, print, verify. Opened
 * straight after a draw, it shows the head the draw worker gave (db/drawHead.ts) and reads the whole draw
 * only for another page (its documents and 复核 are made in workers that read it); opened from 抽查记录, it
 * reads the whole draw.
 */
function DrawResult({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const given = givenHead(useLocation().state, id);
  const [selectedPage, setSelectedPage] = useState(1);
  const [excludedPage, setExcludedPage] = useState(1);
  // The whole draw is read once a page past the first is asked for, then kept while the page is open.
  const [turned, setTurned] = useState(false);
  const saved = useDraw(given && !turned ? null : id);
  const turnTo = (set: (page: number) => void) => (page: number) => {
    setTurned(true);
    set(page);
  };
  const head = useMemo(() => given ?? (saved ? headOf(saved.id, saved.result) : null), [given, saved]);
  const selectedRows = useMemo(() => (head ? pageRows(head.selected, saved?.result.selected, selectedPage) : null), [head, saved, selectedPage]);
  const excludedRows = head ? pageRows(head.excluded, saved?.result.excluded, excludedPage) : null;
  const names = useNamesOf(useMemo(() => (selectedRows ?? []).flatMap((s) => s.inspectors), [selectedRows]));
  const [verdict, setVerdict] = useState<DrawVerdict | null>(null);
  // The notice or 复核 under way: its button shows it, and a second click waits.
  const [busy, setBusy] = useState<'notice' | 'verify' | null>(null);
  const exporting = useExport();
  if (saved === null) return <Empty description={t('draw.notFound')} />;
  if (!head) return null;
  const { record } = head;

  async function act(what: 'notice' | 'verify', work: () => Promise<void>) {
    if (busy) return;
    setBusy(what);
    try {
      await work();
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      setBusy(null);
    }
  }

  // Made in the export worker from the draw kept here (a hub's draw is fetched and kept first).
  const exportNotice = () => act('notice', async () => {
    await keepDrawHere(id);
    exporting.run({ type: 'notice', drawId: id }, { title: t('draw.exportNotice'), suggestedName: `${t('draw.noticeFile')}-${record.plan.name}.xlsx` });
  });

  // Against the lists as they stood when it was drawn (from the list history), in the verify worker; later
  // changes are named apart.
  const verify = () => act('verify', async () => {
    await keepDrawHere(id);
    setVerdict(await verifyInWorker(id));
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('draw.resultTitle', { name: record.plan.name })}
        extra={
          <Space wrap>
            <Button type="primary" loading={busy === 'notice' || exporting.busy} onClick={() => void exportNotice()}>{t('draw.exportNotice')}</Button>
            <DrawPdfButton kind="notice" id={id} record={record} />
            <DrawPdfButton kind="record" id={id} record={record} />
            <Link to={`/draws/${id}/record`}><Button>{t('draw.printRecord')}</Button></Link>
            <Button loading={busy === 'verify'} onClick={() => void verify()}>{t('draw.verify')}</Button>
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
            description={verdict.ok ? t('draw.verifyOkDetail') : <PlainList size="small" pageSize={DRAW_PAGE} items={verdict.differences} itemKey={(_, i) => String(i)} renderItem={(d) => d} />}
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
        <DrawRecordDescriptions record={record} />
      </Card>
      <Card title={t('draw.groups')}>
        <GroupTable groups={head.groups} />
      </Card>
      <Card title={t('draw.selectedList', { count: head.selectedCount })}>
        <SelectedTable rows={selectedRows ?? []} names={names} paging={{ page: selectedPage, total: head.selectedCount, onPage: turnTo(setSelectedPage), loading: selectedRows === null }} />
      </Card>
      {head.excludedCount > 0 && (
        <Card title={t('draw.excluded', { count: head.excludedCount })}>
          <PlainList
            size="small"
            pageSize={DRAW_PAGE}
            paging={{ page: excludedPage, total: head.excludedCount, onPage: turnTo(setExcludedPage) }}
            loading={excludedRows === null}
            items={excludedRows ?? []}
            itemKey={(x, i) => `${x.key}:${i}`}
            renderItem={(x) => <><Typography.Text code>{excludedLabel(x.key, t)}</Typography.Text> {x.reason}</>}
          />
        </Card>
      )}
      {exporting.view}
    </Space>
  );
}
