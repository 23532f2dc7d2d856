// Why a .tcase case file is refused, by code: Chinese for the CLI and the app, English for the hub's
// log message (src-shared/sync/tcase.ts, src-main/hub/sync/caseFiles.ts).
import { formatMessage, type MessageTable } from './format';

const zh = {
  'not-zip': '不是 zip 文件（.tcase 案件文件是 zip 格式）',
  'unexpected-entry': '含有意外的内容 {{entry}}：案件文件只应有 manifest.json、mutations.jsonl 和 blobs/<摘要>',
  'too-big': '文件过大：解压后超过 {{mib}} MB',
  'no-manifest': '文件中没有 manifest.json',
  'manifest-json': 'manifest.json 不是有效的 JSON',
  'manifest-invalid': 'manifest.json 不合规：{{detail}}',
  'no-mutations': '文件中没有 mutations.jsonl',
  'not-utf8': 'mutations.jsonl 不是 UTF-8 文本',
  'bad-json': 'mutations.jsonl 第 {{line}} 行不是有效的 JSON',
  'line-not-mutation': 'mutations.jsonl 第 {{line}} 行不是一项操作：{{detail}}',
  'line-no-args': 'mutations.jsonl 第 {{line}} 行缺少操作参数',
  'mutation-shape': '第 {{n}} 项操作格式不正确',
  'ids-gap': 'mutations.jsonl 中的操作编号不连续：第 {{line}} 行的 {{id}} 接在 {{prev}} 之后',
  'mutations-hash': 'mutations.jsonl 与清单中的摘要不符（文件被改动过）',
  'count-mismatch': '清单所列的操作 {{announced}} 与 mutations.jsonl 实有的 {{actual}} 不符',
  'blob-bytes': '照片 {{sha}} 的内容与其摘要不符',
  'blob-twice': '清单中同一张照片列了两次',
  'blob-list': '清单列有 {{named}} 张照片，文件中实有 {{held}} 张不同的照片',
  'device-unknown': '文件来自设备 {{deviceId}}，该设备未在本检查中心登记',
  'mac-mismatch': '文件没有本设备的签名（校验不符）：文件被改动过，或来自其他设备或之前的登记',
  'unknown-mutator': 'mutations.jsonl 第 {{line}} 行：没有名为“{{name}}”的操作',
  'args-mismatch': 'mutations.jsonl 第 {{line}} 行：{{name}} 的参数不合规（{{path}}：{{issue}}）',
} as const;

export type CaseFileCode = keyof typeof zh;

const en: Record<CaseFileCode, string> = {
  'not-zip': 'not a zip file (a .tcase file is a zip)',
  'unexpected-entry': 'unexpected entry {{entry}}: a case file holds only manifest.json, mutations.jsonl and blobs/<sha256>',
  'too-big': 'too big: more than {{mib}} MiB uncompressed',
  'no-manifest': 'no manifest.json in the file',
  'manifest-json': 'manifest.json is not valid JSON',
  'manifest-invalid': 'manifest.json: {{detail}}',
  'no-mutations': 'no mutations.jsonl in the file',
  'not-utf8': 'mutations.jsonl is not UTF-8',
  'bad-json': 'bad JSON on line {{line}} of mutations.jsonl',
  'line-not-mutation': 'line {{line}} of mutations.jsonl is not a mutation: {{detail}}',
  'line-no-args': 'line {{line}} of mutations.jsonl is not a mutation: args is missing',
  'mutation-shape': 'mutation {{n}} does not have the shape of a mutation',
  'ids-gap': 'mutations.jsonl: ids must be ascending without gaps, but {{id}} follows {{prev}} (line {{line}})',
  'mutations-hash': 'mutations.jsonl does not match the mutationsSha256 of the manifest (the file was changed)',
  'count-mismatch': 'the manifest announces mutations {{announced}} but mutations.jsonl holds {{actual}}',
  'blob-bytes': 'blob {{sha}}: its bytes do not match its name',
  'blob-twice': 'the manifest names a blob twice',
  'blob-list': 'the manifest lists {{named}} blobs but the file holds {{held}} other or different ones',
  'device-unknown': 'the file comes from device {{deviceId}}, which is not enrolled with this hub',
  'mac-mismatch': 'the file is not signed by its device (mac mismatch): it was changed, or it comes from another device or an earlier enrollment',
  'unknown-mutator': "line {{line}} of mutations.jsonl: no mutator named '{{name}}'",
  'args-mismatch': 'line {{line}} of mutations.jsonl: arguments of {{name}} do not match ({{path}}: {{issue}})',
};

export const caseFileMessages: MessageTable = { 'zh-CN': zh, en };

/** The reason a case file is refused, in the given language. */
export function caseFileText(code: CaseFileCode, params: Record<string, string | number> = {}, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return formatMessage(caseFileMessages[locale], code, params);
}
