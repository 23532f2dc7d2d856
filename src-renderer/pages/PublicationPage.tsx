// 结果公示 (一公开): for a plan, every case with its closing date, its deadline (20 working days on the
// office's calendar), whether it is published or overdue, and the result category it is published with;
// the office publishes the closed ones it selects and exports the public notice as Excel or PDF.
import { App, Alert, Button, Card, Empty, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { workdayCalendarOf } from '../../src-shared/calendar/officeCalendar';
import { chinaToday } from '../../src-shared/calendar/workdays';
import { defaultOfficeSettings } from '../../src-shared/inspection/officeSettings';
import { allowedCategories, derivedCategory, type PublicationCategory } from '../../src-shared/publication/category';
import { PUBLICATION_WORKING_DAYS, publicationStanding, type PublicationStanding } from '../../src-shared/publication/deadline';
import { noticeRow, type PublicationNotice } from '../../src-shared/publication/notice';
import type { PublicationEntry } from '../../src-shared/publication/publication';
import { HubRefusals } from '../components/publication/HubRefusals';
import { PublishDialog } from '../components/publication/PublishDialog';
import type { LocalCase } from '../db/cases';
import { savePublication } from '../db/documents';
import { useSaveDocument } from '../components/announceSaved';
import type { PublishedList } from '../../src-shared/seal/summaries';
import { useAllDraws } from '../db/draws';
import { useIdentity } from '../db/identity';
import { usePublicationBoard, useCaseDraws, type PublishedEntry } from '../db/publications';
import { useOfficeSettings } from '../db/reference';

const DEFAULTS = defaultOfficeSettings();

interface Choice {
  category: PublicationCategory;
  note: string;
}

interface BoardRow {
  kase: LocalCase;
  standing: PublicationStanding;
  published: PublishedEntry | null;
  allowed: PublicationCategory[];
  /** The category and note it is (or will be) published with. */
  choice: Choice;
}

const STATE_COLOR: Record<PublicationStanding['state'], string | undefined> = { open: undefined, 'closed-undated': undefined, 'no-calendar': 'orange', due: 'blue', overdue: 'red', published: 'green' };

function StateTag({ row }: { row: BoardRow }) {
  const { t } = useTranslation();
  const { state, missingYear } = row.standing;
  const text = state === 'published' ? t('publication.state.published', { date: row.published?.publishedOn ?? '' }) : t(`publication.state.${state}`, { year: missingYear ?? '' });
  return (
    <Space size={4}>
      <Tag color={STATE_COLOR[state]} data-testid={`state-${state}`}>{text}</Tag>
      {row.published?.pending && <Tag color="gold">{t('publication.state.pending')}</Tag>}
    </Space>
  );
}

export function PublicationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saveDocument = useSaveDocument();
  const office = useIdentity()?.role === 'office';
  const drawCounts = useCaseDraws();
  const draws = useAllDraws();
  const settings = useOfficeSettings() ?? DEFAULTS;
  const [chosen, setChosen] = useState<string | null>(null);
  const [choices, setChoices] = useState<ReadonlyMap<string, Choice>>(new Map());
  const [selected, setSelected] = useState<string[]>([]);
  const [publishing, setPublishing] = useState<PublicationEntry[] | null>(null);

  const drawOptions = useMemo(() => {
    const known = new Map((draws ?? []).map((d) => [d.id, d]));
    return [...(drawCounts ?? new Map<string, number>()).entries()]
      .map(([id, count]) => ({ id, count, name: known.get(id)?.name ?? t('publication.unknownPlan'), drawnAt: known.get(id)?.drawnAt ?? '' }))
      .sort((a, b) => b.drawnAt.localeCompare(a.drawnAt));
  }, [draws, drawCounts, t]);
  const drawId = chosen ?? drawOptions[0]?.id ?? null;
  const board = usePublicationBoard(drawId);
  const calendar = useMemo(() => workdayCalendarOf(settings), [settings]);
  const today = chinaToday(new Date());

  const rows = useMemo<BoardRow[]>(() => (board?.cases ?? []).map((kase) => {
    const published = board?.published.get(kase.id) ?? null;
    const derived = derivedCategory(board?.outcomes.get(kase.id) ?? { findings: 0, refundOrders: 0 });
    const choice = published ? { category: published.category, note: published.note } : (choices.get(kase.id) ?? { category: derived, note: '' });
    return { kase, published, allowed: allowedCategories(derived), choice, standing: publicationStanding(calendar, kase, published?.publishedOn ?? null, today) };
  }), [board, choices, calendar, today]);

  const count = (state: PublicationStanding['state']) => rows.filter((r) => r.standing.state === state).length;
  const missingYears = [...new Set(rows.flatMap((r) => (r.standing.missingYear === null ? [] : [r.standing.missingYear])))].sort();
  const chosenRows = rows.filter((r) => selected.includes(r.kase.id));
  const toPublish = chosenRows.filter((r) => r.published === null && r.kase.status === 'approved');
  const choose = (id: string, change: Partial<Choice>, base: Choice) => setChoices(new Map(choices).set(id, { ...base, ...change }));

  function startPublishing() {
    const noteless = toPublish.find((r) => r.choice.category === 'other' && r.choice.note.trim() === '');
    if (noteless) return void message.error(t('publication.dialog.noteMissing', { name: noteless.kase.entityName }));
    setPublishing(toPublish.map((r) => ({ caseId: r.kase.id, category: r.choice.category, note: r.choice.note.trim() })));
  }

  /** The notice of the selected cases, or of every published one when none is selected. */
  function notice(): PublicationNotice {
    const shown = chosenRows.length > 0 ? chosenRows : rows.filter((r) => r.published !== null);
    const dates = shown.flatMap((r) => (r.published ? [r.published.publishedOn] : [])).sort();
    return {
      planName: drawOptions.find((d) => d.id === drawId)?.name ?? '',
      office: settings.refund.officeName,
      date: dates.at(-1) ?? today,
      rows: shown.map((r) => noticeRow(r.kase, r.choice, board?.orders.get(r.kase.id) ?? [], r.published?.publishedOn ?? '')),
    };
  }
  const exportable = chosenRows.length > 0 || count('published') > 0;

  /** The one publication the notice shows whole (then its PDF is signed by the hub), else null. */
  function publishedList(): PublishedList | null {
    const shown = chosenRows.length > 0 ? chosenRows : rows.filter((r) => r.published !== null);
    const first = shown[0]?.published;
    if (!first || first.pending) return null;
    const whole = rows.filter((r) => r.published?.publicationId === first.publicationId);
    if (whole.length !== shown.length || shown.some((r) => r.published?.publicationId !== first.publicationId)) return null;
    return {
      id: first.publicationId, planName: drawOptions.find((d) => d.id === drawId)?.name ?? '', publishedOn: first.publishedOn, channel: first.channel,
      entries: shown.map((r) => ({ uscc: r.kase.uscc, category: r.published!.category })),
    };
  }

  if (drawCounts && drawCounts.size === 0) return <Card title={t('publication.title')}><Empty description={t('publication.noDraws')} /></Card>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('publication.title')}
        extra={
          <Space>
            <Typography.Text>{t('publication.draw')}</Typography.Text>
            <Select style={{ width: 320 }} aria-label={t('publication.draw')} value={drawId ?? undefined} data-testid="publication-draw"
              onChange={(v: string) => { setChosen(v); setSelected([]); setChoices(new Map()); }}
              options={drawOptions.map((d) => ({ value: d.id, label: t('publication.drawOption', { name: d.name, count: d.count }) }))} />
          </Space>
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space size="large" wrap data-testid="publication-counts">
            <Statistic title={t('publication.count.cases')} value={rows.length} />
            <Statistic title={t('publication.count.closed')} value={rows.filter((r) => r.kase.status === 'approved').length} />
            <Statistic title={t('publication.count.published')} value={count('published')} />
            <Statistic title={t('publication.count.overdue')} value={count('overdue')} styles={{ content: count('overdue') > 0 ? { color: '#cf1322' } : {} }} />
          </Space>
          <Typography.Text type="secondary">{t('publication.rule', { days: PUBLICATION_WORKING_DAYS })}</Typography.Text>
          {missingYears.map((year) => <Alert key={year} type="warning" showIcon data-testid="publication-calendar-missing" title={t('publication.calendarMissing', { year })} />)}
          {!office && <Alert type="info" showIcon title={t('publication.readOnly')} />}
          {drawId && <HubRefusals drawId={drawId} cases={board?.cases ?? []} />}
        </Space>
      </Card>
      <Card
        size="small"
        extra={
          <Space>
            {office && <Button type="primary" disabled={toPublish.length === 0} onClick={startPublishing}>{t('publication.publish', { count: toPublish.length })}</Button>}
            <Button disabled={!exportable} title={t('publication.exportHint')} onClick={() => void saveDocument(() => savePublication(notice(), 'xlsx'))}>{t('publication.exportXlsx')}</Button>
            <Button disabled={!exportable} title={t('publication.exportHint')} onClick={() => void saveDocument(() => savePublication(notice(), 'pdf', publishedList()))}>{t('publication.exportPdf')}</Button>
          </Space>
        }
      >
        <Table<BoardRow>
          size="small"
          rowKey={(r) => r.kase.id}
          dataSource={rows}
          data-testid="publication-table"
          loading={board === undefined}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (r) => ({ disabled: r.kase.status !== 'approved', 'aria-label': r.kase.entityName }) }}
          columns={[
            {
              title: t('publication.col.target'),
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/cases/${r.kase.id}`}>{r.kase.entityName}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.kase.uscc} · {r.kase.district}</Typography.Text>
                </Space>
              ),
            },
            { title: t('publication.col.status'), width: 90, render: (_, r) => <Tag>{t(`cases.status.${r.kase.status}`)}</Tag> },
            { title: t('publication.col.closedOn'), width: 110, render: (_, r) => r.kase.closedOn ?? '—' },
            { title: t('publication.col.deadline'), width: 110, render: (_, r) => r.standing.deadline ?? '—' },
            { title: t('publication.col.state'), width: 170, render: (_, r) => <StateTag row={r} /> },
            {
              title: t('publication.col.category'),
              width: 210,
              render: (_, r) => r.kase.status !== 'approved' ? '—' : office && r.published === null ? (
                <Select size="small" style={{ width: 190 }} aria-label={`${t('publication.col.category')} ${r.kase.entityName}`} value={r.choice.category}
                  onChange={(category: PublicationCategory) => choose(r.kase.id, { category }, r.choice)}
                  options={r.allowed.map((c) => ({ value: c, label: t(`publication.category.${c}`) }))} />
              ) : t(`publication.category.${r.choice.category}`),
            },
            {
              title: t('publication.col.note'),
              render: (_, r) => r.kase.status !== 'approved' ? '—' : office && r.published === null ? (
                <Input size="small" maxLength={500} aria-label={`${t('publication.col.note')} ${r.kase.entityName}`} placeholder={t('publication.notePlaceholder')} value={r.choice.note}
                  status={r.choice.category === 'other' && r.choice.note.trim() === '' ? 'warning' : undefined}
                  onChange={(e) => choose(r.kase.id, { note: e.target.value }, r.choice)} />
              ) : (r.choice.note || '—'),
            },
          ]}
        />
      </Card>
      {publishing && drawId && (
        <PublishDialog drawId={drawId} entries={publishing} onClose={(done) => {
          setPublishing(null);
          if (done) setSelected([]);
        }} />
      )}
    </Space>
  );
}
