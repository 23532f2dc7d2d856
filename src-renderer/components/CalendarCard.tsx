// 工作日历 in 检查设置: the years the working-day deadlines are counted on, each with the State Council
// notice it follows; the office adds a year (a new notice) from a JSON file in the app's calendar format.
import { Alert, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarDataOf, workdayCalendarOf } from '../../src-shared/calendar/officeCalendar';
import { platform } from '../platform';
import { checkWorkdayCalendar, type CalendarData } from '../../src-shared/calendar/workdays';
import { calendarDataProblemsText } from '../../src-shared/i18n/calendar';

export function CalendarCard({ calendar, office, onChange }: { calendar: CalendarData | null; office: boolean; onChange: (c: CalendarData | null) => void }) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const inForce = workdayCalendarOf({ calendar });
  const added = new Set(Object.keys(calendar?.years ?? {}).map(Number));
  const rows = [...inForce.years.entries()].map(([year, source]) => ({ year, source, added: added.has(year) }));

  async function take(file: File) {
    setProblem(null);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setProblem(t('settings.calendar.notJson', { name: file.name }));
      return;
    }
    const checked = checkWorkdayCalendar(json);
    if (!checked.ok) {
      setProblem(`${file.name}：${calendarDataProblemsText(checked.problems, i18n.language === 'en' ? 'en' : 'zh-CN')}`);
      return;
    }
    const data = json as CalendarData;
    onChange({ title: data.title, years: { ...(calendar?.years ?? {}), ...data.years } });
  }

  return (
    <Card size="small" title={t('settings.calendar.title')} data-testid="settings-calendar"
      extra={(
        <Space>
          {/* The file in force, in the format an import takes: the template for next year's notice. */}
          <Button size="small" onClick={() => void platform.saveFile({ title: t('settings.calendar.title'), suggestedName: 'cn-workdays.json', filters: [{ name: 'JSON', extensions: ['json'] }], data: new TextEncoder().encode(JSON.stringify(calendarDataOf({ calendar }), null, 2)) })}>{t('settings.calendar.export')}</Button>
          {office && (
            <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => { void take(f); return false; }}>
              <Button size="small">{t('settings.calendar.import')}</Button>
            </Upload>
          )}
        </Space>
      )}>
      <Table size="small" rowKey="year" pagination={false} dataSource={rows}
        columns={[
          { title: t('settings.calendar.year'), dataIndex: 'year', width: 80 },
          { title: t('settings.calendar.source'), render: (_, r) => `《${r.source.title}》${r.source.number ?? ''}` },
          { title: '', width: 120, render: (_, r) => (r.added ? <Typography.Text type="success">{t('settings.calendar.added')}</Typography.Text> : <Typography.Text type="secondary">{t('settings.calendar.builtIn')}</Typography.Text>) },
        ]} />
      {problem && <Alert type="error" showIcon style={{ marginTop: 8 }} data-testid="calendar-problem" title={problem} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('settings.calendar.hint')}</Typography.Paragraph>
    </Card>
  );
}
