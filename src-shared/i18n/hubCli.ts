// Messages of the hub's commands (`tariffcheck hub | user | pair | merge | audit`), Chinese first like
// the rest of the CLI; English as the second language of the table.
import { formatMessage, type MessageTable } from './format';

const zh = {
  'cli.unknownCommand': '没有这个命令：“{{name}}”',
  'cli.usage': '用法：',
  'cli.usageArgs': '<命令> [选项]',
  'cli.help.pair': '（打印一个 10 分钟内有效的配对码）',
  'cli.help.audit': '（日志完整返回 0，断开返回 1）',
  'cli.help.merge': '（每个文件一行报告；文件无法读取或无效返回 2）',
  'cli.unknownSub': '没有这个子命令：“{{sub}}”；应为：{{usage}}',
  'cli.optionRequired': '缺少 --{{name}}',
  'cli.storeBoth': '--data 目录和 --pg 地址只能给一个',
  'cli.storeNeeded': '请用 --data 目录（内置数据库）或 --pg postgres://… 给出检查中心的数据库',
  'cli.pgUrl': '--pg 须为 postgres:// 地址',
  'cli.port': '--port 须为 0–65535，不是“{{value}}”',
  'cli.cannotListen': '无法在该端口监听：{{reason}}',
  'cli.hubListening': '检查中心已启动：{{address}}（数据库：{{store}}）',
  'cli.hubLan': '  局域网内的地址：{{address}}',
  'cli.hubStopped': '检查中心已停止',
  'cli.passwordOnArgv': '密码不能写在命令行上（其他用户可见）；请用 --password-stdin 从标准输入给出',
  'cli.passwordStdin': '请加 --password-stdin，并从标准输入给出密码（不要写在命令行上）',
  'cli.userAdded': '已添加{{role}} {{username}}（{{id}}）',
  'cli.pairIssued': '{{username}} 的配对码，有效期至 {{until}}（只能使用一次）',
  'cli.mergeNone': '请至少给出一个 .tcase 案件文件',
  'cli.mergeReport': '{{file}}：新增 {{new}} 项，已有 {{alreadyPresent}} 项，冲突 {{conflicting}} 项，被拒绝 {{rejected}} 项；照片新增 {{blobsNew}} 张，已有 {{blobsPresent}} 张',
  'cli.mergeGap': '{{line}}；不连续：检查中心应先收到第 {{expected}} 项操作，本文件未合并',
  'cli.mergeUnreadable': '{{file}}：无法读取：{{reason}}',
  'cli.mergeGapHint': '{{file}}：检查中心尚未收到第 {{expected}} 项之前的操作；请先合并更早的案件文件',
  'cli.mergeInvalid': '{{file}}：{{reason}}',
  'cli.auditIntact': '审计日志完整：共 {{entries}} 条',
  'cli.auditBroken': '审计日志在第 {{id}} 条处断开：{{reason}}（此前 {{entries}} 条校验通过）',
  'cli.audit.hash-mismatch': '内容与其摘要不符（被改动过）',
  'cli.audit.chain-broken': '与前一条不衔接（此前有条目被删除或改写）',
  'cli.audit.missing-tail': '最新的条目缺失',
  'cli.role.office': '科室账号',
  'cli.role.lead': '组长账号',
  'cli.role.inspector': '执法人员账号',
} as const;

export type HubCliKey = keyof typeof zh;

const en: Record<HubCliKey, string> = {
  'cli.unknownCommand': "unknown command '{{name}}'",
  'cli.usage': 'usage: ',
  'cli.usageArgs': '<command> [options]',
  'cli.help.pair': '(prints a 10-minute pairing code)',
  'cli.help.audit': '(exit 0 intact, 1 broken)',
  'cli.help.merge': '(one report line per file; exit 2 for an unreadable or invalid file)',
  'cli.unknownSub': "unknown sub-command '{{sub}}'; try: {{usage}}",
  'cli.optionRequired': '--{{name}} is required',
  'cli.storeBoth': 'give --data DIR or --pg URL, not both',
  'cli.storeNeeded': 'give --data DIR (embedded store) or --pg postgres://…',
  'cli.pgUrl': '--pg takes a postgres:// URL',
  'cli.port': "--port takes 0–65535, not '{{value}}'",
  'cli.cannotListen': 'cannot listen: {{reason}}',
  'cli.hubListening': 'hub listening on {{address}} (store: {{store}})',
  'cli.hubLan': '  on the LAN: {{address}}',
  'cli.hubStopped': 'hub stopped',
  'cli.passwordOnArgv': 'passwords are never taken on the command line; use --password-stdin',
  'cli.passwordStdin': 'give --password-stdin and the password on stdin (never on the command line)',
  'cli.userAdded': 'added {{role}} {{username}} ({{id}})',
  'cli.pairIssued': 'pairing code for {{username}}, valid until {{until}} (once)',
  'cli.mergeNone': 'name at least one FILE.tcase',
  'cli.mergeReport': '{{file}}: {{new}} new, {{alreadyPresent}} already present, {{conflicting}} conflicting, {{rejected}} rejected; blobs {{blobsNew}} new, {{blobsPresent}} already present',
  'cli.mergeGap': '{{line}}; gap: the hub expects mutation {{expected}} first, nothing applied',
  'cli.mergeUnreadable': '{{file}}: cannot read: {{reason}}',
  'cli.mergeGapHint': '{{file}}: the hub has not seen the mutations before {{expected}}; merge the earlier file first',
  'cli.mergeInvalid': '{{file}}: {{reason}}',
  'cli.auditIntact': 'audit log intact: {{entries}} entries',
  'cli.auditBroken': 'audit log broken at entry {{id}}: {{reason}} ({{entries}} entries before it verified)',
  'cli.audit.hash-mismatch': 'its content does not match its hash (edited)',
  'cli.audit.chain-broken': 'it does not follow the entry before it (an entry before it was removed or rewritten)',
  'cli.audit.missing-tail': 'the newest entries are missing',
  'cli.role.office': 'office',
  'cli.role.lead': 'lead',
  'cli.role.inspector': 'inspector',
};

export const hubCliMessages: MessageTable = { 'zh-CN': zh, en };

/** A hub command's message in Chinese (the CLI's language). */
export function hubCliText(key: HubCliKey, params: Record<string, string | number> = {}): string {
  return formatMessage(zh, key, params);
}
