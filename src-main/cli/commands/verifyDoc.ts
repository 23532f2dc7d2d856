// `tariffcheck verify-doc FILE.pdf --key office-key.pub`: 0 for a document the office's key signed and
// nobody changed since, 1 naming what differs, 2 when the file or the key cannot be read.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePublicKeys, printedFingerprint, type OfficePublicKey } from '../../../src-shared/seal/officeKey';
import { verifySealedPdf } from '../../../src-shared/seal/pdfSeal';
import type { SealSummary } from '../../../src-shared/seal/envelope';
import { sealProblemText, sealText } from '../../../src-shared/i18n/seal';
import { CliError, type Command } from '../command';
import { required } from './args';

function read(file: string, message: 'seal.keyFile' | 'seal.readFile'): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CliError(sealText(message, { file, reason: e instanceof Error ? e.message : String(e) }));
  }
}

export function summaryLines(s: SealSummary): string[] {
  return [
    `  ${sealText('seal.field.title')}：${s.title}`,
    `  ${sealText('seal.field.no')}：${s.no}`,
    `  ${sealText('seal.field.issuer')}：${s.issuer}`,
    `  ${sealText('seal.field.date')}：${s.date}`,
    ...(s.parties.length ? [`  ${sealText('seal.field.parties')}：${s.parties.map((p) => (p.id ? `${p.name}（${p.id}）` : p.name)).join('、')}`] : []),
    ...s.figures.map((f) => `  ${f.label}：${f.value}`),
    `  ${sealText('seal.field.pdf')}：${s.pdf}`,
  ];
}

export const verifyDocCommand: Command = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { key: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) throw new CliError('verify-doc FILE.pdf --key office-key.pub');
  const keyFile = required(parsed.values.key, 'key');
  let keys: OfficePublicKey[];
  try {
    keys = parsePublicKeys(read(keyFile, 'seal.keyFile').toString('utf8'));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(sealText('seal.keyFile', { file: keyFile, reason: e instanceof Error ? e.message : String(e) }));
  }
  const check = verifySealedPdf(new Uint8Array(read(file, 'seal.readFile')), keys);
  if (parsed.values.json) {
    io.out(JSON.stringify(check.ok ? { ok: true, summary: check.summary, key: check.key.fingerprint } : { ok: false, problems: check.problems, summary: check.summary ?? null }));
    return check.ok ? 0 : 1;
  }
  if (check.ok) {
    io.out(sealText('seal.genuine', { key: printedFingerprint(check.key.fingerprint) }));
    io.out(summaryLines(check.summary).join('\n'));
    return 0;
  }
  io.out(sealText('seal.failed'));
  for (const p of check.problems) io.out(`  - ${sealProblemText(p)}`);
  if (check.summary) io.out(summaryLines(check.summary).join('\n'));
  return 1;
};
