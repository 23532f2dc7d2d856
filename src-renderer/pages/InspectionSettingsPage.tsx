// 检查设置: what the office keeps for every inspection — the finding types and legal bases inspectors
// choose from, the verification period per accuracy class, the map's tile source. The office edits and
// saves (putOfficeSettings, to every device); a lead reads them.
import { Alert, App, Button, Card, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCURACY_CLASSES, chinaDate } from '../../src-shared/inspection/meters';
import { defaultOfficeSettings, newCode, officeSettingsSchema, type FindingTypeSetting, type LegalBasis, type OfficeSettings, type TileSource } from '../../src-shared/inspection/officeSettings';
import { formatChinaTime } from '../../src-shared/time';
import { formatDocNo, REFUND_BASIS } from '../../src-shared/refund/order';
import { CalendarCard } from '../components/CalendarCard';
import { firstIssue } from '../../src-shared/zodIssue';
import { useStoredOfficeSettings } from '../db/reference';
import { useIdentity } from '../db/identity';
import { write } from '../db/write';
import { useRun } from '../components/useRun';

const NO_TILES: TileSource = { url: '', subdomains: '', attribution: '', minZoom: 3, maxZoom: 18 };

/** Where an invalid setting is, in the office's words: which list, which row, which field, why. */
function issueText(t: (k: string, o?: Record<string, unknown>) => string, s: OfficeSettings, path: string, code: string): string {
  const [list, index, field] = path.split('.');
  const row = Number(index) + 1;
  const why = t(`settings.issue.${['duplicate', 'unknown-basis', 'tile-url', 'zoom-range'].includes(code) ? code : 'invalid'}`);
  if (list === 'findingTypes') return t('settings.issue.at', { where: t('settings.types.row', { n: row, label: s.findingTypes[Number(index)]?.label ?? '' }), field: t(`settings.types.${field === 'bases' ? 'bases' : field === 'code' ? 'code' : 'label'}`), why });
  if (list === 'legalBases') return t('settings.issue.at', { where: t('settings.bases.row', { n: row }), field: t('settings.bases.text'), why });
  if (list === 'verificationYears') return t('settings.issue.at', { where: t('settings.years.title'), field: index ?? '', why: t('settings.issue.years') });
  if (list === 'refund') return t('settings.issue.at', { where: t('settings.refund.title'), field: t(`settings.refund.${index === 'officeName' ? 'office' : index === 'docPrefix' ? 'prefix' : index === 'workingDays' ? 'days' : 'bases'}`), why });
  if (list === 'tileSource') return t('settings.issue.at', { where: t('settings.map.title'), field: t(`settings.map.${index === 'url' ? 'url' : index === 'minZoom' || index === 'maxZoom' ? 'zoom' : 'url'}`), why });
  return t('settings.issue.at', { where: path, field: '', why });
}

export function InspectionSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useRun();
  const identity = useIdentity();
  const stored = useStoredOfficeSettings();
  const [edit, setEdit] = useState<OfficeSettings | null>(null);
  // The stored settings the form was filled from: newer ones arriving by sync replace an untouched form,
  // and are announced over an edited one (saving then would overwrite them without anyone noticing).
  const [base, setBase] = useState<OfficeSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = stored === undefined ? undefined : (stored?.settings ?? defaultOfficeSettings());
  const untouched = edit !== null && base !== null && JSON.stringify(edit) === JSON.stringify(base);
  const newer = current !== undefined && base !== null && JSON.stringify(current) !== JSON.stringify(base);
  const load = (settings: OfficeSettings) => {
    setEdit(structuredClone(settings));
    setBase(structuredClone(settings));
    setProblem(null);
  };
  useEffect(() => {
    if (current === undefined) return;
    if (edit === null || (newer && untouched)) load(current);
  }, [current, edit, newer, untouched]);
  if (!edit || stored === undefined) return <Card loading />;
  const office = identity?.role === 'office';
  const change = (patch: Partial<OfficeSettings>) => { setEdit({ ...edit, ...patch }); setProblem(null); };
  const setType = (i: number, patch: Partial<FindingTypeSetting>) => change({ findingTypes: edit.findingTypes.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const setBasis = (i: number, patch: Partial<LegalBasis>) => change({ legalBases: edit.legalBases.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  const removeBasis = (code: string) => change({
    legalBases: edit.legalBases.filter((b) => b.code !== code),
    findingTypes: edit.findingTypes.map((x) => ({ ...x, bases: x.bases.filter((b) => b !== code) })),
  });

  async function save() {
    const parsed = officeSettingsSchema.safeParse(edit);
    if (!parsed.success) {
      const { path, code } = firstIssue(parsed.error);
      setProblem(issueText(t, edit!, path, code));
      return;
    }
    if (await run(() => write.putOfficeSettings(parsed.data))) load(parsed.data);
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('settings.title')}
        extra={office && (
          <Space>
            <Popconfirm title={t('settings.resetConfirm')} onConfirm={() => { change(defaultOfficeSettings()); message.info(t('settings.resetDone')); }}>
              <Button>{t('settings.reset')}</Button>
            </Popconfirm>
            <Button type="primary" onClick={() => void save()}>{t('settings.save')}</Button>
          </Space>
        )}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="settings-source">
          {stored ? t('settings.savedBy', { by: stored.by || '—', at: formatChinaTime(stored.savedAt) }) : t('settings.defaults')}
        </Typography.Paragraph>
        {!office && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('settings.readOnly')} />}
        {problem && <Alert type="error" showIcon style={{ marginTop: 8 }} data-testid="settings-problem" title={problem} />}
        {newer && !untouched && current && (
          <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="settings-newer" title={t('settings.newer', { by: stored?.by || '—', at: stored ? formatChinaTime(stored.savedAt) : '' })}
            action={<Button size="small" onClick={() => load(current)}>{t('settings.loadNewer')}</Button>} />
        )}
      </Card>

      <Card size="small" title={t('settings.types.title')} extra={office && <Button size="small" onClick={() => change({ findingTypes: [...edit.findingTypes, { code: newCode('type', edit.findingTypes), label: '', bases: [], active: true }] })}>{t('settings.types.add')}</Button>}>
        <Table size="small" rowKey="code" pagination={false} dataSource={edit.findingTypes} data-testid="settings-types"
          columns={[
            { title: t('settings.types.label'), width: 240, render: (_, x, i) => <Input aria-label={t('settings.types.label')} disabled={!office} value={x.label} maxLength={40} onChange={(e) => setType(i, { label: e.target.value })} /> },
            { title: t('settings.types.bases'), render: (_, x, i) => <Select mode="multiple" optionFilterProp="label" aria-label={t('settings.types.bases')} disabled={!office} style={{ width: '100%' }} value={x.bases} onChange={(v) => setType(i, { bases: v })} options={edit.legalBases.map((b) => ({ value: b.code, label: b.text }))} /> },
            { title: t('settings.types.active'), width: 80, render: (_, x, i) => <Switch aria-label={t('settings.types.active')} disabled={!office} checked={x.active} onChange={(v) => setType(i, { active: v })} /> },
          ]} />
      </Card>

      <Card size="small" title={t('settings.bases.title')} extra={office && <Button size="small" onClick={() => change({ legalBases: [...edit.legalBases, { code: newCode('basis', edit.legalBases), text: '' }] })}>{t('settings.bases.add')}</Button>}>
        <Table size="small" rowKey="code" pagination={false} dataSource={edit.legalBases} data-testid="settings-bases"
          columns={[
            { title: t('settings.bases.text'), render: (_, b, i) => <Input aria-label={t('settings.bases.text')} disabled={!office} value={b.text} maxLength={300} onChange={(e) => setBasis(i, { text: e.target.value })} /> },
            { title: '', width: 80, render: (_, b) => office && <Button size="small" danger onClick={() => removeBasis(b.code)}>{t('settings.bases.remove')}</Button> },
          ]} />
      </Card>

      <Card size="small" title={t('settings.years.title')}>
        <Space wrap>
          {ACCURACY_CLASSES.map((c) => (
            <Space key={c} size={4}>
              <Typography.Text>{t('settings.years.class', { cls: c })}</Typography.Text>
              <InputNumber aria-label={t('settings.years.class', { cls: c })} disabled={!office} min={1} max={20} precision={0} style={{ width: 70 }} value={edit.verificationYears[c]}
                onChange={(v) => change({ verificationYears: { ...edit.verificationYears, [c]: v ?? 0 } })} />
              <Typography.Text type="secondary">{t('settings.years.unit')}</Typography.Text>
            </Space>
          ))}
        </Space>
        <Space style={{ marginTop: 8 }}>
          <Typography.Text>{t('settings.years.source')}</Typography.Text>
          <Input aria-label={t('settings.years.source')} disabled={!office} style={{ width: 420 }} value={edit.verificationSource} maxLength={200} onChange={(e) => change({ verificationSource: e.target.value })} />
        </Space>
      </Card>

      <Card size="small" title={t('settings.refund.title')} data-testid="settings-refund">
        <Space wrap>
          <Space.Compact><Space.Addon>{t('settings.refund.office')}</Space.Addon><Input aria-label={t('settings.refund.office')} disabled={!office} style={{ width: 360 }} placeholder={t('settings.refund.officePlaceholder')} value={edit.refund.officeName} maxLength={100}
            onChange={(e) => change({ refund: { ...edit.refund, officeName: e.target.value } })} /></Space.Compact>
          <Space.Compact><Space.Addon>{t('settings.refund.prefix')}</Space.Addon><Input aria-label={t('settings.refund.prefix')} disabled={!office} style={{ width: 260 }} value={edit.refund.docPrefix} maxLength={30}
            onChange={(e) => change({ refund: { ...edit.refund, docPrefix: e.target.value } })} /></Space.Compact>
          <Typography.Text type="secondary">{t('settings.refund.example', { no: formatDocNo(edit.refund.docPrefix || '…', Number(chinaDate(new Date()).slice(0, 4)), 1) })}</Typography.Text>
        </Space>
        <Space wrap style={{ marginTop: 8 }}>
          <Typography.Text>{t('settings.refund.days')}</Typography.Text>
          <InputNumber aria-label={t('settings.refund.days')} disabled={!office} min={1} max={120} precision={0} value={edit.refund.workingDays} onChange={(v) => change({ refund: { ...edit.refund, workingDays: v ?? 0 } })} />
          <Typography.Text>{t('settings.refund.bases')}</Typography.Text>
          <Select mode="multiple" optionFilterProp="label" aria-label={t('settings.refund.bases')} disabled={!office} style={{ minWidth: 360 }} value={edit.refund.bases} onChange={(v) => change({ refund: { ...edit.refund, bases: v } })}
            options={edit.legalBases.map((b) => ({ value: b.code, label: b.text }))} />
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('settings.refund.hint', { basis: REFUND_BASIS })}</Typography.Paragraph>
      </Card>

      <CalendarCard calendar={edit.calendar} office={office} onChange={(calendar) => change({ calendar })} />

      <Card size="small" title={t('settings.map.title')}
        extra={<Space><Typography.Text>{t('settings.map.use')}</Typography.Text><Switch aria-label={t('settings.map.use')} disabled={!office} checked={edit.tileSource !== null} onChange={(on) => change({ tileSource: on ? { ...NO_TILES } : null })} /></Space>}>
        {edit.tileSource === null ? <Typography.Text type="secondary">{t('settings.map.none')}</Typography.Text> : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space.Compact><Space.Addon>{t('settings.map.url')}</Space.Addon><Input aria-label={t('settings.map.url')} disabled={!office} placeholder="https://t{s}.example.cn/{z}/{x}/{y}.png" value={edit.tileSource.url} maxLength={500}
              onChange={(e) => change({ tileSource: { ...edit.tileSource!, url: e.target.value } })} /></Space.Compact>
            <Space wrap>
              <Space.Compact><Space.Addon>{t('settings.map.subdomains')}</Space.Addon><Input aria-label={t('settings.map.subdomains')} disabled={!office} style={{ width: 220 }} value={edit.tileSource.subdomains} maxLength={10}
                onChange={(e) => change({ tileSource: { ...edit.tileSource!, subdomains: e.target.value } })} /></Space.Compact>
              <Space.Compact><Space.Addon>{t('settings.map.attribution')}</Space.Addon><Input aria-label={t('settings.map.attribution')} disabled={!office} style={{ width: 360 }} value={edit.tileSource.attribution} maxLength={200}
                onChange={(e) => change({ tileSource: { ...edit.tileSource!, attribution: e.target.value } })} /></Space.Compact>
              <Typography.Text>{t('settings.map.zoom')}</Typography.Text>
              <InputNumber aria-label={t('settings.map.minZoom')} disabled={!office} min={0} max={22} precision={0} value={edit.tileSource.minZoom} onChange={(v) => change({ tileSource: { ...edit.tileSource!, minZoom: v ?? 0 } })} />
              <InputNumber aria-label={t('settings.map.maxZoom')} disabled={!office} min={1} max={22} precision={0} value={edit.tileSource.maxZoom} onChange={(v) => change({ tileSource: { ...edit.tileSource!, maxZoom: v ?? 18 } })} />
            </Space>
            <Typography.Text type="secondary">{t('settings.map.hint')}</Typography.Text>
          </Space>
        )}
      </Card>
    </Space>
  );
}
