// Messages of the signed documents (电子签章): what `tariffcheck verify-doc` and the app's 文件核验 page
// say about a document — genuine, or what differs — and the `office-key` command's words.
import type { PdfProblem } from '../seal/pdfSeal';
import { formatMessage, type Locale, type MessageTable } from './format';

const zh = {
  'seal.genuine': '核验通过：该文件由公钥指纹 {{key}} 的办案机构签发，内容未被改动。',
  'seal.genuineQr': '核验通过：二维码中的摘要由公钥指纹 {{key}} 的办案机构签发。请将下列内容与纸质文件逐项核对。',
  'seal.retiredKey': '（该密钥已于 {{at}} 停用，停用前签发的文件仍然有效）',
  'seal.failed': '核验未通过：',
  'seal.problem.not-pdf': '不是可读的 PDF 文件（{{detail}}）',
  'seal.problem.no-seal': '文件中没有电子签章（{{detail}}）',
  'seal.problem.not-prepared': '文件中没有电子签章的位置（{{detail}}）',
  'seal.problem.not-seal': '内容不是电费检查通的签章二维码',
  'seal.problem.malformed': '签章内容不完整或格式错误（{{detail}}）',
  'seal.problem.unknown-key': '签章所用的密钥（指纹 {{key}}）不在所给的公钥中：文件由其他密钥签发',
  'seal.problem.bad-signature': '签名与摘要不符：摘要在签发后被改动，或签名不是该密钥所签',
  'seal.problem.content-changed': '文件内容与签发时不同：签发时 SHA-256 {{signed}}，现为 {{actual}}',
  'seal.problem.update-changed': '签章之后文件又被追加或改动',
  'seal.field.kind': '文件种类',
  'seal.field.no': '文号',
  'seal.field.title': '标题',
  'seal.field.issuer': '签发机构',
  'seal.field.date': '日期',
  'seal.field.parties': '当事人',
  'seal.field.pdf': '文件 SHA-256',
  'seal.field.key': '公钥指纹',
  'seal.keyFile': '无法读取公钥文件 {{file}}：{{reason}}',
  'seal.readFile': '无法读取文件 {{file}}：{{reason}}',
  'seal.keyExported': '已导出 {{count}} 个公钥（在用：{{key}}）到 {{file}}',
  'seal.keyRotated': '已启用新的签章密钥 {{key}}；旧密钥已停用，其签发的文件仍可核验。',
  'seal.noSealKey': '没有签章密钥：用 --seal-key 指定文件，或设置环境变量 TARIFFCHECK_SEAL_KEY',
};

type SealKey = keyof typeof zh;

const en: Record<SealKey, string> = {
  'seal.genuine': 'Genuine: issued by the office whose key fingerprint is {{key}}, and unchanged.',
  'seal.genuineQr': 'Genuine: the summary in the QR code was issued by the office whose key fingerprint is {{key}}. Compare it with the paper, item by item.',
  'seal.retiredKey': ' (the key was retired on {{at}}; what it signed before stays valid)',
  'seal.failed': 'Not genuine: ',
  'seal.problem.not-pdf': 'not a readable PDF file ({{detail}})',
  'seal.problem.no-seal': 'the file carries no signature ({{detail}})',
  'seal.problem.not-prepared': 'the file has no place for a signature ({{detail}})',
  'seal.problem.not-seal': 'this is not a TariffCheck seal code',
  'seal.problem.malformed': 'the seal is incomplete or malformed ({{detail}})',
  'seal.problem.unknown-key': 'the signing key (fingerprint {{key}}) is not among the public keys given: another key signed it',
  'seal.problem.bad-signature': 'the signature does not match the summary: the summary was changed after signing, or another key signed it',
  'seal.problem.content-changed': 'the file differs from what was signed: SHA-256 {{signed}} when signed, {{actual}} now',
  'seal.problem.update-changed': 'something was appended to or changed in the file after it was signed',
  'seal.field.kind': 'Kind',
  'seal.field.no': 'Number',
  'seal.field.title': 'Title',
  'seal.field.issuer': 'Issued by',
  'seal.field.date': 'Date',
  'seal.field.parties': 'Parties',
  'seal.field.pdf': 'File SHA-256',
  'seal.field.key': 'Key fingerprint',
  'seal.keyFile': 'cannot read the public key file {{file}}: {{reason}}',
  'seal.readFile': 'cannot read {{file}}: {{reason}}',
  'seal.keyExported': 'exported {{count}} public key(s) (in force: {{key}}) to {{file}}',
  'seal.keyRotated': 'a new signing key {{key}} is in force; the old one is retired and what it signed stays verifiable.',
  'seal.noSealKey': 'no seal key: name a file with --seal-key or set TARIFFCHECK_SEAL_KEY',
};

export const sealMessages: MessageTable = { 'zh-CN': zh, en };

export function sealText(key: SealKey, params: Record<string, string | number> = {}, locale: Locale = 'zh-CN'): string {
  return formatMessage(sealMessages[locale], key, params);
}

/** One problem of a document, in words. */
export function sealProblemText(p: PdfProblem, locale: Locale = 'zh-CN'): string {
  const params: Record<string, string> = {};
  if ('detail' in p) params.detail = p.detail;
  if ('key' in p) params.key = p.key;
  if ('signed' in p) Object.assign(params, { signed: p.signed, actual: p.actual });
  return sealText(`seal.problem.${p.code}` as SealKey, params, locale);
}
