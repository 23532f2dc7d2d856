import { CalculatorOutlined, DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Col, Form, Input, Radio, Row, Space, Statistic, Table, Typography } from 'antd';
import { PlainList } from '../components/PlainList';
import { newWorkbook } from '../../src-shared/excel';
import { PRINT_A4_WIDE } from '../../src-shared/excelPrint';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Month } from '../../src-shared/billingMonth';
import type { Entity } from '../../src-shared/domain';
import { LedgerReadError, mappingOf } from '../../src-shared/ledger/importLedger';
import type { LedgerColumns, LedgerImport, LedgerMapping } from '../../src-shared/ledger/types';
import { workbookBytes } from '../../src-shared/lists/sheet';
import { fenOfYuan, formatFen, yuanText, type Fen } from '../../src-shared/money';
import type { OverchargeMethod, OverchargeResult } from '../../src-shared/refund/overcharge';
import type { FeeOvercharge, TenantOvercharge } from '../../src-shared/refund/summary';
import type { TariffKey } from '../../src-shared/tariff/types';
import type { OpenedFile } from '../../src-shared/platform-api';
import { LedgerMappingTable } from '../components/LedgerMappingTable';
import { firstKey, TariffKeyFields } from '../components/TariffViewer';
import { useListPage } from '../db/lists';
import { rememberedMapping, useStoredTariff } from '../db/reference';
import { write } from '../db/write';
import { platform } from '../platform';
import { describeError } from '../i18n/errors';
import { useNavigate, useParams } from 'react-router-dom';
import { ledgerCheckOf } from '../../src-shared/inspection/ledgerCheck';
import { useCase } from '../db/cases';
import { storeBlob } from '../db/syncState';
import { useWork } from '../components/useWork';
import { WorkProgress } from '../components/WorkProgress';
import { computeInWorker, readLedgerInWorker, type OverchargeInput } from '../workers/ledgerClient';
import { isCancelled } from '../workers/task';

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];
const YUAN = /^\d+(?:\.\d{1,2})?$/;

type Read = { ok: true; ledger: LedgerImport } | { ok: false; reason: string; columns?: LedgerColumns };
/** Work running in the ledger worker: reading (rows so far) or computing. */
type Work = { step: 'read'; done: number; total: number } | { step: 'compute'; lines: number };
/** Above this many tenants the result table scrolls a window of rows instead of rendering them all. */
const VIRTUAL_ABOVE = 20;
/** The tenants table's columns (px): their sum is the virtual table's width. */
const TENANT_WIDTHS = { tenant: 260, months: 300, money: 140 } as const;

/** 账单核算 inside a case: the landlord is the case's target, and the result is kept with the case. */
export function CaseLedgerPage() {
  const { id = '' } = useParams();
  const kase = useCase(id);
  if (!kase) return null;
  return <OverchargePage inCase={{ id: kase.id, landlord: kase.entityName }} />;
}

const LANDLORD_OPTIONS = 20;

/**
 * The landlord's ledger against the catalogue or the grid bill: column mapping, computation, results.
 * In a case (`inCase`) the result can be kept with it: the file as evidence and the overcharge per tenant and month.
 */
export function OverchargePage({ inCase }: { inCase?: { id: string; landlord: string } } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const stored = useStoredTariff();
  const navigate = useNavigate();
  const [landlord, setLandlord] = useState(inCase?.landlord ?? '');
  const [keeping, setKeeping] = useState(false);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [read, setRead] = useState<Read | null>(null);
  const [work, setWork] = useState<Work | null>(null);
  const working = useWork();
  const reading = work?.step === 'read';
  const [applied, setApplied] = useState<string | null>(null);
  const [chosenKey, setKey] = useState<TariffKey | null>(null);
  const [method, setMethod] = useState<OverchargeMethod>('catalogue');
  const [gridBills, setGridBills] = useState<Record<Month, string>>({});
  const [result, setResult] = useState<OverchargeResult | null>(null);
  const [computeError, setComputeError] = useState<string | null>(null);
  const key = chosenKey ?? firstKey(stored?.table);

  // The first targets the typed text finds, by the list's search column (never the whole list in memory).
  const landlordSearch = useMemo(() => ({ text: landlord }), [landlord]);
  const found = useListPage('entities', landlordSearch, 0, LANDLORD_OPTIONS);
  const landlordOptions = useMemo(() => ((found?.rows ?? []) as Entity[]).map((e) => ({ value: e.name, label: `${e.name}（${e.uscc}）` })), [found]);

  /** A new piece of work in the ledger worker, cancelling the one before (a newer file or mapping replaces it). */
  function startWork(first: Work): AbortSignal {
    setWork(first);
    return working.start();
  }

  function endWork(signal: AbortSignal) {
    if (!working.isCurrent(signal)) return;
    working.end(signal);
    setWork(null);
  }

  async function readLedger(opened: OpenedFile, mapping?: LedgerMapping) {
    const signal = startWork({ step: 'read', done: 0, total: 0 });
    setResult(null);
    try {
      const onProgress = (p: { done: number; total: number }) => {
        if (!signal.aborted) setWork({ step: 'read', ...p });
      };
      setRead({ ok: true, ledger: await readLedgerInWorker(opened.data, mapping, { signal, onProgress }) });
    } catch (e) {
      if (isCancelled(e)) {
        if (working.isCurrent(signal)) message.info(t('ledger.cancelled'));
      } else if (e instanceof LedgerReadError) setRead({ ok: false, reason: e.message, columns: e.columns });
      else setRead({ ok: false, reason: String(e) });
    } finally {
      endWork(signal);
    }
  }

  const remembered = rememberedMapping;

  async function chooseFile() {
    const opened = await platform.openFile({ title: t('tariffUi.oc.chooseLedger'), filters: XLSX });
    if (!opened) return;
    setFile(opened);
    const mapping = await remembered(landlord);
    setApplied(mapping ? landlord.trim() : null);
    await readLedger(opened, mapping);
  }

  async function changeLandlord(name: string) {
    setLandlord(name);
    const mapping = await remembered(name);
    if (mapping && file) {
      setApplied(name.trim());
      await readLedger(file, mapping);
    }
  }

  async function remember(columns: LedgerColumns) {
    if (!landlord.trim()) {
      message.warning(t('tariffUi.oc.landlordRequired'));
      return;
    }
    await write.putLedgerMapping(landlord, mappingOf(columns));
    message.success(t('tariffUi.oc.remembered', { landlord: landlord.trim() }));
  }

  const ledger = read?.ok ? read.ledger : null;
  const columns = read?.ok ? read.ledger.columns : read?.columns;
  const months = useMemo(() => [...new Set((ledger?.lines ?? []).map((l) => l.month))].sort(), [ledger]);
  const badBills = months.filter((m) => gridBills[m]?.trim() && !YUAN.test(gridBills[m]!.trim().replace(/,/g, '')));

  /** The chosen method's input, as the worker takes it. */
  function overchargeInput(): OverchargeInput {
    if (method === 'catalogue') {
      if (!stored) throw new Error(t('tariffUi.oc.noTariff'));
      return { method, table: stored.table, key };
    }
    const bills: [Month, Fen][] = [];
    for (const m of months) {
      const text = gridBills[m]?.trim().replace(/,/g, '');
      if (text) bills.push([m, fenOfYuan(text)]);
    }
    return { method, gridBills: bills };
  }

  async function compute() {
    if (!ledger) return;
    setComputeError(null);
    const signal = startWork({ step: 'compute', lines: ledger.lines.length });
    try {
      setResult(await computeInWorker(ledger, overchargeInput(), { signal }));
    } catch (e) {
      if (isCancelled(e)) {
        if (working.isCurrent(signal)) message.info(t('ledger.computeCancelled'));
        return;
      }
      setResult(null);
      setComputeError(describeError(t, e));
    } finally {
      endWork(signal);
    }
  }

  /** Keeps the computed ledger with the case: the file as a blob (its hash), then the record naming it. */
  async function keep(r: OverchargeResult) {
    if (!inCase || !file || !ledger) return;
    setKeeping(true);
    try {
      const sha256 = await storeBlob(new Blob([new Uint8Array(file.data)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      const bills = new Map<string, Fen>();
      for (const m of months) if (gridBills[m]?.trim()) bills.set(m, fenOfYuan(gridBills[m]!.trim().replace(/,/g, '')));
      const data = ledgerCheckOf({ file: { sha256, name: file.name, size: file.data.length }, landlord: landlord.trim(), mapping: mappingOf(ledger.columns), key, gridBills: bills, tariffTable: stored?.table.name ?? '' }, r);
      await write.addRecord(inCase.id, 'ledgerCheck', data);
      message.success(t('insp.ledger.kept'));
      navigate(`/cases/${inCase.id}`);
    } catch (e) {
      message.error(describeError(t, e));
    } finally {
      setKeeping(false);
    }
  }

  async function exportTenants(r: OverchargeResult) {
    const workbook = await newWorkbook();
    const sheet = workbook.addWorksheet(t('tariffUi.oc.tenants'), { pageSetup: PRINT_A4_WIDE });
    sheet.addRow([t('tariffUi.oc.tenant'), t('tariffUi.oc.months'), t('tariffUi.oc.charged'), t('tariffUi.oc.lawful'), t('tariffUi.oc.overcharge')]).font = { bold: true };
    for (const x of r.tenants) sheet.addRow([x.tenant, x.months.join('、'), Number(yuanText(x.chargedFen)), Number(yuanText(x.lawfulFen)), Number(yuanText(x.overchargeFen))]);
    sheet.addRow([t('tariffUi.oc.total'), '', null, null, Number(yuanText(r.totalOverchargeFen))]).font = { bold: true };
    sheet.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 16));
    const ok = await platform.saveFile({ title: t('tariffUi.oc.export'), suggestedName: t('tariffUi.oc.exportName'), filters: XLSX, data: await workbookBytes(workbook) });
    if (ok) message.success(t('common.saved'));
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('tariffUi.oc.title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {stored === null && <Alert type="info" showIcon title={t('tariffUi.oc.noTariff')} />}
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label={t('tariffUi.oc.landlord')}>
              <AutoComplete
                aria-label={t('tariffUi.oc.landlord')}
                style={{ width: 320 }}
                placeholder={t('tariffUi.oc.landlordHint')}
                value={landlord}
                options={landlordOptions}
                onChange={(v: string) => void changeLandlord(v)}
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" icon={<UploadOutlined />} loading={reading} onClick={() => void chooseFile()}>{t('tariffUi.oc.chooseLedger')}</Button>
            </Form.Item>
          </Form>
          {work?.step === 'read' && (
            <WorkProgress testId="ledger-progress" percent={work.total ? Math.floor((work.done / work.total) * 100) : null}
              text={work.total ? t('ledger.readingRows', { done: work.done, total: work.total }) : t('ledger.reading')}
              cancelLabel={t('work.cancel')} canCancel onCancel={working.cancel} />
          )}
          {applied && <Alert type="info" showIcon title={t('tariffUi.oc.mappingApplied', { landlord: applied })} />}
          {read && !read.ok && <Alert data-testid="ledger-error" type="error" showIcon title={t('tariffUi.oc.readFailed')} description={read.reason} />}
          {ledger && file && (
            <Typography.Text type="secondary" data-testid="ledger-info">
              {t('tariffUi.oc.file', { name: file.name, sheet: ledger.columns.sheet, row: ledger.columns.headerRow, lines: ledger.lines.length })}
            </Typography.Text>
          )}
        </Space>
      </Card>

      {columns && file && (
        <Card
          title={t('tariffUi.oc.mapping')}
          size="small"
          extra={<Button icon={<SaveOutlined />} disabled={!read?.ok} onClick={() => void remember(columns)}>{t('tariffUi.oc.remember')}</Button>}
        >
          <Typography.Paragraph type="secondary">{t('tariffUi.oc.mappingHint')}</Typography.Paragraph>
          <LedgerMappingTable columns={columns} onChange={(m) => void readLedger(file, m)} />
        </Card>
      )}

      {ledger && (
        <Card title={t('tariffUi.oc.compute')} size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Form layout="inline" style={{ rowGap: 8 }}>
              <Form.Item label={t('tariffUi.oc.method')}>
                <Radio.Group
                  value={method}
                  onChange={(e) => setMethod(e.target.value as OverchargeMethod)}
                  options={[
                    { label: t('overcharge.method.catalogue'), value: 'catalogue' },
                    { label: t('overcharge.method.grid-bill'), value: 'grid-bill' },
                  ]}
                />
              </Form.Item>
              {method === 'catalogue' && <TariffKeyFields table={stored?.table} value={key} onChange={setKey} prefix="tariffUi.oc" />}
            </Form>
            {method === 'grid-bill' && (
              <Form layout="inline" style={{ rowGap: 8 }}>
                <Typography.Text style={{ marginRight: 12 }}>{t('tariffUi.oc.gridBills')}</Typography.Text>
                {months.map((m) => (
                  <Form.Item key={m} label={m} validateStatus={badBills.includes(m) ? 'error' : undefined}>
                    <Input aria-label={m} style={{ width: 140 }} value={gridBills[m] ?? ''} onChange={(e) => setGridBills({ ...gridBills, [m]: e.target.value })} />
                  </Form.Item>
                ))}
              </Form>
            )}
            {badBills.length > 0 && <Alert type="error" showIcon title={badBills.map((m) => t('tariffUi.oc.gridBillInvalid', { month: m })).join('；')} />}
            <Button type="primary" icon={<CalculatorOutlined />} loading={work?.step === 'compute'} disabled={badBills.length > 0 || (method === 'catalogue' && !stored)} onClick={() => void compute()}>
              {t('tariffUi.oc.compute')}
            </Button>
            {work?.step === 'compute' && (
              <WorkProgress testId="compute-progress" percent={null} text={t('ledger.computing', { lines: work.lines })}
                cancelLabel={t('work.cancel')} canCancel onCancel={working.cancel} />
            )}
            {computeError && <Alert type="error" showIcon title={t('tariffUi.oc.computeFailed')} description={computeError} />}
          </Space>
        </Card>
      )}

      {ledger && result && inCase && (
        <Alert type="info" showIcon title={t('insp.ledger.keepHint', { landlord: inCase.landlord })}
          action={<Button type="primary" loading={keeping} onClick={() => void keep(result)}>{t('insp.ledger.keep')}</Button>} />
      )}
      {ledger && result && <OverchargeResultView ledger={ledger} result={result} onExport={() => void exportTenants(result)} />}
      {ledger && !result && ledger.rejected.length > 0 && <Unreadable ledger={ledger} />}
    </Space>
  );
}

function Unreadable({ ledger }: { ledger: LedgerImport }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<Typography.Text type="warning">{t('tariffUi.oc.unreadable', { count: ledger.unread.length })}</Typography.Text>}>
      <PlainList
        testId="oc-unreadable"
        size="small"
        items={ledger.rejected}
        itemKey={(_, i) => String(i)}
        pageSize={10}
        renderItem={(r) => t('tariffUi.oc.issueLine', { row: r.row, field: r.field, reason: r.reason })}
      />
    </Card>
  );
}

function OverchargeResultView({ ledger, result, onExport }: { ledger: LedgerImport; result: OverchargeResult; onExport: () => void }) {
  const { t } = useTranslation();
  const yuan = (fen: Fen) => formatFen(fen);
  const tenants = useMemo(() => [...result.tenants], [result]);
  const long = tenants.length > VIRTUAL_ABOVE;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('tariffUi.oc.result', { method: t(`overcharge.method.${result.method}`) })} extra={<Button icon={<DownloadOutlined />} onClick={onExport}>{t('tariffUi.oc.export')}</Button>}>
        <Row gutter={24}>
          <Col>
            <div data-testid="oc-total">
              <Statistic title={t('tariffUi.oc.total')} value={yuan(result.totalOverchargeFen)} styles={{ content: { color: result.totalOverchargeFen > 0 ? '#cf1322' : undefined } }} />
            </div>
          </Col>
          <Col><Statistic title={t('tariffUi.oc.tenantsCount')} value={result.tenants.length} /></Col>
          <Col><Statistic title={t('tariffUi.oc.linesCount')} value={result.lines.length} /></Col>
        </Row>
      </Card>
      <Card size="small" title={t('tariffUi.oc.tenants')}>
        <Table<TenantOvercharge>
          data-testid="oc-tenants"
          size="small"
          rowKey="tenant"
          dataSource={tenants}
          // A ledger of tens of thousands of lines has thousands of tenants: only the rows in view are rendered.
          {...(long ? { virtual: true, scroll: { x: TENANT_WIDTHS.tenant + TENANT_WIDTHS.months + 3 * TENANT_WIDTHS.money, y: 480 } } : {})}
          pagination={false}
          columns={[
            { title: t('tariffUi.oc.tenant'), dataIndex: 'tenant', width: long ? TENANT_WIDTHS.tenant : undefined, ellipsis: { showTitle: true } },
            { title: t('tariffUi.oc.months'), key: 'months', width: long ? TENANT_WIDTHS.months : undefined, ellipsis: { showTitle: true }, render: (_, r) => r.months.join('、') },
            { title: t('tariffUi.oc.charged'), key: 'charged', width: long ? TENANT_WIDTHS.money : undefined, align: 'right', render: (_, r) => yuan(r.chargedFen) },
            { title: t('tariffUi.oc.lawful'), key: 'lawful', width: long ? TENANT_WIDTHS.money : undefined, align: 'right', render: (_, r) => yuan(r.lawfulFen) },
            { title: t('tariffUi.oc.overcharge'), key: 'overcharge', width: long ? TENANT_WIDTHS.money : undefined, align: 'right', render: (_, r) => <Typography.Text strong type={r.overchargeFen > 0 ? 'danger' : undefined}>{yuan(r.overchargeFen)}</Typography.Text> },
          ]}
        />
      </Card>
      <Card size="small" title={t('tariffUi.oc.feesTitle')}>
        <Table<FeeOvercharge>
          data-testid="oc-fees"
          size="small"
          rowKey="fee"
          dataSource={[...result.fees]}
          pagination={false}
          columns={[
            { title: t('tariffUi.oc.fee'), dataIndex: 'fee' },
            { title: t('tariffUi.oc.billed'), key: 'billed', align: 'right', render: (_, r) => yuan(r.billedFen) },
            { title: t('tariffUi.oc.overcharge'), key: 'overcharge', align: 'right', render: (_, r) => yuan(r.overchargeFen) },
          ]}
        />
      </Card>
      {ledger.rejected.length > 0 && <Unreadable ledger={ledger} />}
      {result.leftOut.length > 0 && (
        <Card size="small" title={<Typography.Text type="warning">{t('tariffUi.oc.leftOut', { count: result.leftOut.length })}</Typography.Text>}>
          <PlainList
            testId="oc-leftout"
            size="small"
            items={result.leftOut}
            itemKey={(_, i) => String(i)}
            pageSize={10}
            renderItem={(l) => t('tariffUi.oc.leftOutLine', { row: l.line, tenant: l.tenant, month: l.month, reasons: l.issues.map((i) => i.reason).join('；') })}
          />
        </Card>
      )}
      {result.inputIssues.length > 0 && (
        <Alert type="warning" showIcon title={t('tariffUi.oc.inputIssues')} description={result.inputIssues.map((i) => i.reason).join('；')} />
      )}
    </Space>
  );
}

