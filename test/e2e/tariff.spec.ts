// Issue 4 in the web build: the sample tariff table, the price viewer, a landlord's ledger read with a
// confirmed and remembered column mapping, and the overcharge equal to the same computation in Node.
import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import sample from '../../resources/tariffs/sample-fujian.json';
import { importLedger } from '../../src-shared/ledger/importLedger';
import { formatFen } from '../../src-shared/money';
import { computeOvercharge } from '../../src-shared/refund/overcharge';
import { TariffIndex } from '../../src-shared/tariff/lookup';
import { loadTariffTable } from '../../src-shared/tariff/types';
import { ledgerFile } from '../fixtures/ledgerFiles';
import { chooseFile, createProfile, screenshot, tempFile } from './helpers';

const KEY = { region: '福建', category: '一般工商业', voltage: '不满1千伏' };

test('office loads the sample tariffs, views a price and computes a ledger’s overcharge', async ({ page }) => {
  const table = loadTariffTable(sample);
  const priceOf = (period: string, month: string) =>
    table.entries.find((e) => e.region === KEY.region && e.category === KEY.category && e.voltage === KEY.voltage && e.period === period && e.from <= month && (e.to === null || e.to >= month))!.price;
  const generated = await ledgerFile('simple', { tenants: 5 });
  const ledgerPath = tempFile('ledger-simple.xlsx', generated.bytes);
  const ledger = await importLedger(generated.bytes);
  const expected = computeOvercharge(ledger, { method: 'catalogue', tariffs: new TariffIndex(table), key: KEY });
  expect(expected.totalOverchargeFen).toBeGreaterThan(0);

  await createProfile(page, '张科长', '科室');
  await page.getByRole('menuitem', { name: '电价表' }).click();
  await expect(page.getByText('本机尚未保存电价表')).toBeVisible();
  await screenshot(page, '20-tariffs-empty');

  // A tariff workbook with one bad row: the row issue is shown and nothing can be stored.
  await page.getByRole('button', { name: '导入电价表' }).click();
  await chooseFile(page, page.getByRole('button', { name: '选择文件…' }), await badTariffFile());
  const issues = page.getByTestId('tariff-issues');
  await expect(issues.getByRole('row').nth(1)).toContainText('第 3 行');
  await expect(issues.getByRole('row').nth(1)).toContainText('超过 6 位小数：“0.12345678”');
  await expect(page.getByRole('button', { name: '保存 1 条电价' })).toBeDisabled();
  await screenshot(page, '20b-tariff-import-issues');
  await page.getByRole('dialog').getByRole('button', { name: /^(Close|关闭)$/ }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: '载入示例电价表' }).click();
  await expect(page.getByTestId('tariff-stored')).toContainText(`共 ${table.entries.length} 条电价`);

  // The viewer: the prices in force in March 2026 (after the sample's price change) and February 2026 (before it).
  await page.getByLabel('计费月份').fill('2026-03');
  const prices = page.getByTestId('tariff-prices');
  await expect(prices.getByRole('row', { name: /不分时/ })).toContainText(priceOf('single', '2026-03'));
  await expect(prices.getByRole('row', { name: /不分时/ })).toContainText('0.6093');
  await expect(prices.getByRole('row', { name: /^峰/ })).toContainText('0.9718');
  await screenshot(page, '21-tariff-viewer');
  await page.getByLabel('计费月份').fill('2026-02');
  await expect(prices.getByRole('row', { name: /不分时/ })).toContainText('0.6177');

  // The ledger: recognised columns shown, confirmed and remembered for the landlord.
  await page.getByRole('menuitem', { name: '账单核算' }).click();
  await page.getByRole('combobox', { name: '转供电主体' }).fill('某某购物中心');
  await chooseFile(page, page.getByRole('button', { name: '选择台账 Excel…' }), ledgerPath);
  await expect(page.getByTestId('ledger-info')).toContainText(`表头在第 ${generated.headerRow} 行，读取 ${generated.bills.length} 行账单`);
  const mapping = page.getByTestId('ledger-mapping');
  await expect(mapping.getByRole('row', { name: /商户名称/ })).toContainText('商户名称');
  await expect(mapping.getByRole('row', { name: /其他费用|其他电费项目/ })).toContainText('用电服务费');
  await screenshot(page, '22-ledger-mapping');
  await page.getByRole('button', { name: '记住此映射' }).click();
  await expect(page.getByText('已为“某某购物中心”记住此列映射')).toBeVisible();

  // Choosing the landlord again applies the remembered mapping and reads the same lines.
  await page.getByRole('combobox', { name: '转供电主体' }).fill('');
  await page.getByRole('combobox', { name: '转供电主体' }).fill('某某购物中心');
  await expect(page.getByText('已套用为“某某购物中心”记住的列映射')).toBeVisible();
  await expect(page.getByTestId('ledger-info')).toContainText(`读取 ${generated.bills.length} 行账单`);

  await page.getByRole('button', { name: /核\s?算/ }).click();
  await expect(page.getByTestId('oc-total')).toContainText(formatFen(expected.totalOverchargeFen));
  const tenants = page.getByTestId('oc-tenants');
  for (const tenant of expected.tenants) {
    await expect(tenants.getByRole('row', { name: new RegExp(`^${tenant.tenant}`) })).toContainText(formatFen(tenant.overchargeFen));
  }
  await expect(page.getByTestId('oc-fees')).toContainText('用电服务费');
  await screenshot(page, '23-overcharge-result');
});

async function badTariffFile(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('目录电价');
  sheet.addRow(['地区', '用户类别', '电压等级', '时段', '电价（元/千瓦时）', '执行起始日期', '执行截止日期']);
  sheet.addRow(['福建', '一般工商业', '不满1千伏', '不分时', '0.6177', '2025-01-01', '']);
  sheet.addRow(['福建', '一般工商业', '不满1千伏', '峰', '0.12345678', '2025-01-01', '']);
  return tempFile('tariffs-bad.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
}
