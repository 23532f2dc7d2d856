// The exports of whole lists as the export worker makes them (db/exports.ts through workers/exportClient.ts and
// the task protocol): the list as filtered, 申报筛查's ranking with its months in the person's language, a draw's
// notice; progress as rows are written, Cancel with nothing handed back, a draw not here refused in words.
import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../src-shared/domain';
import { runDraw } from '../../../src-shared/draw/draw';
import { rescreened, type StoredFiling } from '../../../src-shared/filings/stored';
import { ROW_SLICE } from '../../../src-shared/xlsxTable';
import { db } from '../../../src-renderer/db/db';
import { makeExport, type ExportProgress, type ExportRequest } from '../../../src-renderer/db/exports';
import { readScreening, screenWorld } from '../../../src-renderer/db/filingsScreen';
import { saveProfile } from '../../../src-renderer/state/profile';
import { putFilings } from '../../../src-renderer/sync/filingsMutators';
import { LocalRefusal } from '../../../src-renderer/sync/mutators';
import { putListRows } from '../../../src-renderer/sync/referenceMutators';
import { exportInWorker } from '../../../src-renderer/workers/exportClient';
import { TaskCancelled } from '../../../src-renderer/workers/task';
import { syntheticUscc } from '../../fixtures/synthetic';
import { vectorEntities, vectorInspectors, vectorPlan, vectorSeed } from '../draw/vector';
import { FakeWorker } from '../workers/fakeWorker';

const N = 2 * ROW_SLICE + 3_000;
const targets: Entity[] = Array.from({ length: N }, (_, i) => ({
  uscc: syntheticUscc(7, i + 1), name: `目标${i + 1}`, kind: 'mall', district: i % 2 === 0 ? '鼓楼区' : '台江区', subdistrict: '东街街道', address: '', lng: null, lat: null,
  tenantCount: null, contact: '', phone: '', credit: null, lastInspectors: [], active: true,
}));
const A = '91350100M000100Y43';
const B = '91350100M000200Y3X';
const NONE = { tolerance: '0', lossThreshold: '0.07' };

function month(uscc: string, name: string, m: string, chargedFen: number): StoredFiling {
  return rescreened({
    key: `${uscc}|${m}`, uscc, name, month: m, purchaseKwh: '100000', purchaseFen: 6_200_000, transferKwh: '95000', chargedFen, households: null, category: '一般工商业', voltage: '不满1千伏',
    purchaseAvgPrice: '', chargedAvgPrice: '', markupPerKwh: '', lossRate: '', catalogueReference: '0.6177', estimatedExcessFen: 0, flags: [], importedAt: '2026-03-02T01:00:00.000Z', source: 'f.xlsx',
  }, NONE);
}

const worker = () => new FakeWorker<ExportRequest, ExportProgress, Uint8Array>((request, context) => makeExport(db, request, context.progress));

async function rowsOf(bytes: Uint8Array, sheet: number): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const out: unknown[][] = [];
  workbook.worksheets[sheet]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await saveProfile({ name: '张科长', role: 'office', district: '鼓楼区', certNo: '' });
  await putListRows(db, 'entities', targets, 'import');
  await putListRows(db, 'inspectors', vectorInspectors, 'import');
  await putFilings(db, [month(B, '乙大厦', '2026-01', 3_000_000), month(A, '甲商场', '2026-02', 7_000_000), month(A, '甲商场', '2026-01', 7_600_000)], 'f.xlsx');
}, 60_000);

describe('exports made in the export worker', () => {
  it('writes the list as the page filters it, in key order, telling what it reads and every slice of rows it writes', async () => {
    const progress: ExportProgress[] = [];
    const bytes = await exportInWorker({ type: 'list', kind: 'entities', filter: { text: '', district: '台江区' } }, { onProgress: (p) => progress.push(p) }, worker);
    const shown = targets.filter((t) => t.district === '台江区').sort((a, b) => (a.uscc < b.uscc ? -1 : 1));
    const rows = await rowsOf(bytes, 0);
    expect(rows).toHaveLength(shown.length + 1);
    expect(rows[0]!.slice(0, 4)).toEqual(['统一社会信用代码', '名称', '类型', '区']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(shown.map((t) => t.uscc));
    expect(rows[1]!.slice(1, 5)).toEqual([shown[0]!.name, '商业综合体', '台江区', '东街街道']);
    expect(progress).toEqual([{ stage: 'read' }, { stage: 'write', done: ROW_SLICE, total: shown.length }, { stage: 'write', done: shown.length, total: shown.length }]);
  }, 60_000);

  it('a cancel while it writes ends the work: no bytes come back', async () => {
    const controller = new AbortController();
    const run = exportInWorker({ type: 'list', kind: 'entities', filter: { text: '' } }, { signal: controller.signal, onProgress: (p) => p.stage === 'write' && controller.abort() }, worker);
    await expect(run).rejects.toBeInstanceOf(TaskCancelled);
  }, 60_000);

  it('writes 申报筛查’s ranking and its months in the ranking’s order, in the language asked for', async () => {
    const { rows } = screenWorld(await readScreening(db), NONE);
    const request = (locale: 'zh-CN' | 'en'): ExportRequest => ({ type: 'landlords', rows, limits: NONE, caption: '标题', locale });
    const zh = await exportInWorker(request('zh-CN'), {}, worker);
    const ranking = await rowsOf(zh, 0);
    expect(ranking[0]).toEqual(['标题']);
    expect(ranking[1]!.slice(0, 3)).toEqual(['名次', '统一社会信用代码', '主体名称']);
    expect(ranking.slice(2).map((r) => [r[0], r[1]])).toEqual([[1, A], [2, B]]);
    const months = await rowsOf(zh, 1);
    expect(months.slice(2).map((r) => [r[0], r[2]])).toEqual([[A, '2026-01'], [A, '2026-02'], [B, '2026-01']]);
    const en = await rowsOf(await exportInWorker(request('en'), {}, worker), 0);
    expect(en[1]!.slice(0, 3)).toEqual(['Rank', 'Unified social credit code', 'Landlord']);
  }, 60_000);

  it('writes a draw’s notice from the draw kept here, and refuses one not here in words', async () => {
    const result = runDraw({ entities: vectorEntities, inspectors: vectorInspectors, plan: vectorPlan, seed: vectorSeed, drawnAt: '2025-03-01T17:30:05.000Z' });
    await db.draws.put({ id: 'd1', drawnAt: result.record.drawnAt, drawnBy: '张科长', result });
    const list = await rowsOf(await exportInWorker({ type: 'notice', drawId: 'd1' }, {}, worker), 1);
    expect(list).toEqual([
      ['序号', '统一社会信用代码', '名称', '区', '街镇', '类型', '检查人员'],
      [1, '91110000600037341L', '温泉产业园', '鼓楼区', '温泉街道', '产业园区', '刘洋（35010004）、李娜（35010002）'],
      [2, '91310115MA1K3BTP2B', '五凤写字楼', '鼓楼区', '五凤街道', '写字楼', '王伟（35010001）、刘洋（35010004）'],
    ]);
    const missing = exportInWorker({ type: 'notice', drawId: 'elsewhere' }, {}, worker);
    await expect(missing).rejects.toBeInstanceOf(LocalRefusal);
    await expect(missing).rejects.toMatchObject({ code: 'draw-not-here' });
  }, 60_000);
});
