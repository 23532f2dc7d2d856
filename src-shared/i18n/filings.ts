// Messages of the landlords' monthly filings (转供电主体月度报表): columns, row issues, flags, the CLI report and
// the template. Issue texts follow the column name directly ("购电量（千瓦时）" + "应大于 0：“0”").
import type { MessageTable } from './format';

const zh = {
  'filings.column.uscc': '统一社会信用代码',
  'filings.column.name': '主体名称',
  'filings.column.month': '月份',
  'filings.column.category': '用户类别',
  'filings.column.voltage': '电压等级',
  'filings.column.purchaseKwh': '购电量（千瓦时）',
  'filings.column.purchaseYuan': '购电电费（元）',
  'filings.column.resoldKwh': '转供电量（千瓦时）',
  'filings.column.chargedYuan': '收取电费（元）',
  'filings.column.tenants': '户数',

  'filings.default.category': '一般工商业',
  'filings.default.voltage': '不满1千伏',

  'filings.issue.required': '不能为空',
  'filings.issue.text.tooLong': '超过 {{max}} 个字符',
  'filings.issue.uscc.length': '应为 18 位，实际为 {{length}} 位',
  'filings.issue.uscc.character': '含有不允许的字符“{{char}}”',
  'filings.issue.uscc.check': '校验位错误',
  'filings.issue.month.invalid': '不是月份：“{{value}}”（应如 2026-01 或 2026年1月）',
  'filings.issue.number.invalid': '不是数字：“{{value}}”',
  'filings.issue.kwh.decimals': '超过 4 位小数：“{{value}}”',
  'filings.issue.amount.decimals': '超过 2 位小数：“{{value}}”',
  'filings.issue.kwh.notPositive': '应大于 0：“{{value}}”',
  'filings.issue.amount.negative': '不能为负数：“{{value}}”',
  'filings.issue.absurd': '超过 {{max}}，疑为填写错误：“{{value}}”',
  'filings.issue.count.invalid': '应为非负整数：“{{value}}”',
  'filings.issue.duplicate': '重复：该主体该月份已在第 {{first}} 行填报',
  'filings.issue.tariff.missing': '没有该月的目录电价（{{region}}、{{category}}、{{voltage}}，{{month}}）',
  'filings.issue.tariff.overlap': '该月有两个目录电价版本同时执行（{{region}}、{{category}}、{{voltage}}，{{month}}）',
  'filings.issue.tariff.split': '目录电价在该月内调整，没有整月电价（{{region}}、{{category}}、{{voltage}}，{{month}}）',

  'filings.error.unreadable': '无法读取该文件，请确认是 Excel 工作簿（.xlsx）',
  'filings.error.empty': '工作簿中没有任何内容',
  'filings.error.no-header': '在前 {{rows}} 行中找不到月度报表的表头，请确认表头包含“统一社会信用代码”“月份”“购电量”等列',
  'filings.error.missing-columns': '表头缺少必填列：{{columns}}',

  'filings.flag.markup': '加价',
  'filings.flag.above-catalogue': '高于目录电价',
  'filings.flag.loss': '损耗偏高',
  'filings.flag.inverted': '转供电量大于购电量',

  'filings.report.title': '转供电主体月度报表筛查：{{file}}（表头在第 {{row}} 行）',
  'filings.report.summary': '已筛查 {{rows}} 行、{{landlords}} 个主体，其中 {{flagged}} 行有标记，估算多收电费合计 {{amount}} 元；拒收 {{rejected}} 行',
  'filings.report.options': '加价容差 {{tolerance}} 元/千瓦时，损耗率阈值 {{threshold}}',
  'filings.report.ranking': '主体排名（按估算多收电费、有标记月数）：',
  'filings.report.landlordHead': '名次  统一社会信用代码      主体名称  有标记月数  估算多收电费（元）',
  'filings.report.landlord': '{{rank}}  {{uscc}}  {{name}}  {{months}}  {{amount}}',
  'filings.report.noFlags': '没有主体有标记或估算多收电费。',
  'filings.report.flagged': '有标记的行：',
  'filings.report.filing': '第 {{row}} 行  {{uscc}}  {{month}}  购电均价 {{purchase}}  收费均价 {{charged}}  目录电价 {{catalogue}}  损耗率 {{loss}}  估算多收 {{amount}} 元  {{flags}}',
  'filings.report.rejected': '拒收的行：',

  'filings.sheet': '月度报表',
  'filings.sheet.help': '填写说明',
  'filings.help.intro':
    '每行填写一个转供电主体一个月的情况。月份填 2026-01 或 2026年1月；用户类别和电压等级按电网电费账单填写，留空按一般工商业、不满1千伏计；购电量、转供电量单位为千瓦时（最多 4 位小数），购电电费、收取电费单位为元（最多 2 位小数）；户数为转供电的终端用户户数。',
  'filings.help.terms':
    '购电量、购电电费：当月从电网购入的电量和向电网缴纳的电费；转供电量、收取电费：当月转供给终端用户的电量和向终端用户收取的全部电费（含以服务费、损耗费、公摊费等名义收取的费用）。',
  'filings.validation.uscc': '统一社会信用代码应为 18 位',
  'filings.validation.kwh': '电量应为大于 0 的数（千瓦时，最多 4 位小数）',
  'filings.validation.yuan': '金额应为不小于 0 的数（元，最多 2 位小数）',
  'filings.validation.tenants': '户数应为非负整数',
  'filings.help.example': '第 2 行为示例（灰色斜体），请替换为实际数据。同一主体同一月份只填一行。',
} as const;

export type FilingsMessageKey = keyof typeof zh;

const en: Record<FilingsMessageKey, string> = {
  'filings.column.uscc': 'Unified social credit code',
  'filings.column.name': 'Landlord name',
  'filings.column.month': 'Month',
  'filings.column.category': 'User category',
  'filings.column.voltage': 'Voltage level',
  'filings.column.purchaseKwh': 'Purchased (kWh)',
  'filings.column.purchaseYuan': 'Paid to the grid (yuan)',
  'filings.column.resoldKwh': 'Resold (kWh)',
  'filings.column.chargedYuan': 'Charged to tenants (yuan)',
  'filings.column.tenants': 'Tenants',

  'filings.default.category': 'General commercial and industrial',
  'filings.default.voltage': 'Below 1 kV',

  'filings.issue.required': 'is required',
  'filings.issue.text.tooLong': 'is longer than {{max}} characters',
  'filings.issue.uscc.length': 'must have 18 characters, has {{length}}',
  'filings.issue.uscc.character': 'contains the character “{{char}}”, which is not allowed',
  'filings.issue.uscc.check': 'has a wrong check character',
  'filings.issue.month.invalid': 'is not a month: “{{value}}” (write 2026-01 or 2026年1月)',
  'filings.issue.number.invalid': 'is not a number: “{{value}}”',
  'filings.issue.kwh.decimals': 'has more than 4 decimals: “{{value}}”',
  'filings.issue.amount.decimals': 'has more than 2 decimals: “{{value}}”',
  'filings.issue.kwh.notPositive': 'must be above 0: “{{value}}”',
  'filings.issue.amount.negative': 'must not be negative: “{{value}}”',
  'filings.issue.absurd': 'is above {{max}}, probably a typing error: “{{value}}”',
  'filings.issue.count.invalid': 'must be a whole number ≥ 0: “{{value}}”',
  'filings.issue.duplicate': 'duplicate: this landlord already filed this month in row {{first}}',
  'filings.issue.tariff.missing': 'has no catalogue price ({{region}}, {{category}}, {{voltage}}, {{month}})',
  'filings.issue.tariff.overlap': 'has two catalogue price versions in force ({{region}}, {{category}}, {{voltage}}, {{month}})',
  'filings.issue.tariff.split': 'has a catalogue price that changes within the month, so none covers all of it ({{region}}, {{category}}, {{voltage}}, {{month}})',

  'filings.error.unreadable': 'The file cannot be read; make sure it is an Excel workbook (.xlsx)',
  'filings.error.empty': 'The workbook is empty',
  'filings.error.no-header': 'No filings header in the first {{rows}} rows; the header must name columns such as 统一社会信用代码, 月份 and 购电量',
  'filings.error.missing-columns': 'The header lacks required columns: {{columns}}',

  'filings.flag.markup': 'Markup',
  'filings.flag.above-catalogue': 'Above catalogue price',
  'filings.flag.loss': 'High loss',
  'filings.flag.inverted': 'Resold more than purchased',

  'filings.report.title': 'Monthly filings screening: {{file}} (header in row {{row}})',
  'filings.report.summary': '{{rows}} rows of {{landlords}} landlords screened, {{flagged}} rows flagged, estimated excess {{amount}} yuan in all; {{rejected}} rows refused',
  'filings.report.options': 'Markup tolerance {{tolerance}} yuan/kWh, loss threshold {{threshold}}',
  'filings.report.ranking': 'Landlords ranked (estimated excess, months flagged):',
  'filings.report.landlordHead': 'Rank  Credit code  Name  Months flagged  Estimated excess (yuan)',
  'filings.report.landlord': '{{rank}}  {{uscc}}  {{name}}  {{months}}  {{amount}}',
  'filings.report.noFlags': 'No landlord is flagged or has an estimated excess.',
  'filings.report.flagged': 'Flagged rows:',
  'filings.report.filing': 'Row {{row}}  {{uscc}}  {{month}}  purchase avg {{purchase}}  charged avg {{charged}}  catalogue {{catalogue}}  loss rate {{loss}}  estimated excess {{amount}} yuan  {{flags}}',
  'filings.report.rejected': 'Refused rows:',

  'filings.sheet': 'Monthly filings',
  'filings.sheet.help': 'How to fill in',
  'filings.help.intro':
    'One row per landlord and month. Month as 2026-01 or 2026年1月; user category and voltage level as on the grid bill, blank meaning general commercial and industrial below 1 kV; kWh with at most 4 decimals, yuan with at most 2; tenants is the number of end users supplied.',
  'filings.help.terms':
    'Purchased / paid to the grid: the month’s kWh bought from the grid and the bill paid for them; resold / charged: the kWh passed on to end users and everything charged to them for electricity (including service, loss and public-area fees).',
  'filings.validation.uscc': 'The credit code has 18 characters',
  'filings.validation.kwh': 'kWh above 0 (at most 4 decimals)',
  'filings.validation.yuan': 'An amount of at least 0 yuan (at most 2 decimals)',
  'filings.validation.tenants': 'A whole number of at least 0',
  'filings.help.example': 'Row 2 is an example (grey italics); replace it with real figures. One row per landlord and month.',
};

export const filingsMessages = { 'zh-CN': zh, en } satisfies MessageTable;
export const filingsZh = zh;
