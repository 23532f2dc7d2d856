// Two laptops that never see the hub hand their work over as .tcase files; the office merges both in one
// go and reads one report (issue 13: "merged in one go with one report").
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { expect, test, watchBrowser } from './fixtures';
import { chooseFile, pickOption, screenshot } from './helpers';
import { FIELD_TARGET, startFieldHub, type FieldHub } from './fieldHub';
import { enrollInBrowser, goOffline, pairingCode } from './hubSession';
import type { APIRequestContext } from '@playwright/test';

const PORT = Number(process.env.E2E_CASEFILE_PORT ?? 4189);
let field: FieldHub | undefined;

test.beforeAll(async ({ request }) => {
  field = await startFieldHub(request, PORT, 'casefiles');
});

test.afterAll(() => field?.stop());

/** An inspector's laptop: enrolled (so it holds the case), then offline for a finding, then its work exported. */
async function offlineWork(browser: Browser, request: APIRequestContext, browserLog: string[], username: string, facts: string, dir: string): Promise<string> {
  const hub = field!;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, username), `${username} 的笔记本`);
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${hub.url}/#/cases`);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await goOffline(context);
  await page.getByText(FIELD_TARGET.name).first().click();
  await page.getByRole('tab', { name: '发现问题' }).click();
  await page.getByLabel('问题类型').click();
  await pickOption(page, '加收其他费用');
  await page.getByLabel('违法事实').fill(facts);
  await page.getByRole('button', { name: '记录违法事实' }).click();
  await expect(page.getByTestId('sync-badge')).toContainText('待同步 1');
  await page.getByRole('menuitem', { name: '同步' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出未同步的工作' }).click();
  const path = join(dir, `${username}.tcase`);
  await (await download).saveAs(path);
  await context.close();
  return path;
}

test('the office merges two laptops\' case files in one go, with one report', async ({ browser, request, browserLog }, info) => {
  test.setTimeout(180_000);
  const hub = field!;
  const wang = await offlineWork(browser, request, browserLog, 'wang', '另收用电服务费，每户每月 50 元。', info.outputDir);
  const li = await offlineWork(browser, request, browserLog, 'li', '另收线损费，按电费 8% 计收。', info.outputDir);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  watchBrowser(context, browserLog);
  const page = await context.newPage();
  await enrollInBrowser(page, hub.url, await pairingCode(request, hub.url, hub.officeToken, 'office'), '科室电脑');
  await expect(page.getByTestId('sync-badge')).toContainText('已同步');
  await page.goto(`${hub.url}/#/sync`);
  await chooseFile(page, page.getByRole('button', { name: '导入案件文件…' }), [wang, li]);
  await expect(page.getByTestId('case-files-total')).toHaveText('共导入 2 个文件：新增 2 项，已有 0 项，冲突 0 项，被拒绝 0 项；照片新增 0 张；整个文件未导入 0 个');
  await expect(page.getByText('wang.tcase')).toBeVisible();
  await expect(page.getByText('li.tcase')).toBeVisible();
  await screenshot(page, '93-case-files-merged');
  // Both findings are on the hub, each by its laptop's user.
  await expect(async () => {
    const pulled = (await (await request.get(`${hub.url}/api/v1/pull?cursor=0.0&limit=1000`, { headers: { authorization: `Bearer ${hub.officeToken}` } })).json()) as { changes: { table: string; row: { kind: string; createdBy: string; data: { detail: string } } }[] };
    const findings = pulled.changes.filter((c) => c.table === 'records' && c.row.kind === 'finding').map((c) => [c.row.createdBy, c.row.data.detail]).sort();
    expect(findings).toEqual([['li', '另收线损费，按电费 8% 计收。'], ['wang', '另收用电服务费，每户每月 50 元。']]);
  }).toPass({ timeout: 30_000 });
  await context.close();
});
