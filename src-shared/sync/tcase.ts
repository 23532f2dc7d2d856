// `.tcase` case files: a device's outbox and the blobs it names, carried to the office by hand
// (USB stick, mail) when the laptop cannot reach the hub. Pure: runs in the browser and in Node.
//
// A zip of exactly these entries (no others, no folders):
//   manifest.json    — caseFileManifestSchema below
//   mutations.jsonl  — one Mutation as JSON per line, ids ascending without gaps, "\n" after each
//   blobs/<sha256>   — the bytes of each blob, named by their lower-case hex SHA-256
// `mutationsSha256` is the hex SHA-256 of the bytes of mutations.jsonl; `mac` is the hex
// HMAC-SHA256 of the UTF-8 of `mutationsSha256`, keyed with the 32 bytes of SHA-256(device token)
// — the hub keeps exactly that hash, so it can check the mac without ever holding the token.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { caseFileText, type CaseFileCode } from '../i18n/caseFile';
import { cleanString } from '../text';
import { issueCode } from '../zodIssue';
import { mutationSchema, type Mutation } from './mutators';
import { sha256HexSchema } from './records';

export const CASE_FILE_FORMAT = 'tcase';
export const CASE_FILE_VERSION = 1;
/** Largest total of the uncompressed entries of a case file. */
export const CASE_FILE_MAX_BYTES = 256 * 1024 * 1024;

const MANIFEST = 'manifest.json';
const MUTATIONS = 'mutations.jsonl';
const BLOB_ENTRY = /^blobs\/([0-9a-f]{64})$/;

export const caseFileManifestSchema = z.strictObject({
  format: z.literal(CASE_FILE_FORMAT),
  version: z.literal(CASE_FILE_VERSION),
  /** The hub the device was enrolled with (its address), for the office's information. */
  hub: cleanString().max(500).optional(),
  deviceId: z.uuid(),
  username: cleanString().min(1).max(64),
  createdAt: z.iso.datetime(),
  /** firstId and lastId are 0 when the file carries no mutations. */
  mutations: z.strictObject({
    count: z.number().int().nonnegative(),
    firstId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    lastId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  }),
  blobs: z.array(sha256HexSchema),
  mutationsSha256: sha256HexSchema,
  mac: sha256HexSchema,
});
export type CaseFileManifest = z.infer<typeof caseFileManifestSchema>;

export interface CaseFile {
  manifest: CaseFileManifest;
  mutations: Mutation[];
  /** By SHA-256; every entry's bytes match its name. */
  blobs: Map<string, Uint8Array>;
}

/** A case file that cannot be read or does not hold together; the message says what is wrong. */
/** A refused case file: a code and its parameters (words at the edge: i18n/caseFile.ts); `message` is English. */
export class CaseFileError extends Error {
  override readonly name = 'CaseFileError';
  constructor(
    readonly code: CaseFileCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(caseFileText(code, params, 'en'));
  }
}

export function sha256HexOf(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** The device's key for case files: the bytes of SHA-256(token), which is what the hub stores. */
export function caseFileKey(token: string): Uint8Array {
  return sha256(utf8ToBytes(token));
}

/** The manifest's mac: hex HMAC-SHA256(key, UTF-8 of mutationsSha256). */
export function caseFileMac(key: Uint8Array, mutationsSha256: string): string {
  return bytesToHex(hmac(sha256, key, utf8ToBytes(mutationsSha256)));
}

function checkSequence(mutations: readonly Mutation[]): void {
  for (let i = 1; i < mutations.length; i++) {
    const prev = mutations[i - 1]!.id;
    const id = mutations[i]!.id;
    if (id !== prev + 1) throw new CaseFileError('ids-gap', { id, prev, line: i + 1 });
  }
}

function summary(mutations: readonly Mutation[]): CaseFileManifest['mutations'] {
  return { count: mutations.length, firstId: mutations[0]?.id ?? 0, lastId: mutations.at(-1)?.id ?? 0 };
}

export interface CaseFileInput {
  deviceId: string;
  username: string;
  /** The device token; only its SHA-256 is used, as the mac key. */
  token: string;
  mutations: readonly Mutation[];
  blobs: ReadonlyMap<string, Uint8Array>;
  createdAt: Date | string;
  hub?: string;
}

/** The bytes of a .tcase file. Throws CaseFileError for mutations out of order or a blob not matching its name. */
export function writeCaseFile(input: CaseFileInput): Uint8Array {
  const mutations = input.mutations.map((m, i) => {
    const parsed = mutationSchema.safeParse(m);
    if (!parsed.success) throw new CaseFileError('mutation-shape', { n: i + 1 });
    return parsed.data;
  });
  checkSequence(mutations);
  const jsonl = strToU8(mutations.map((m) => JSON.stringify(m) + '\n').join(''));
  const mutationsSha256 = sha256HexOf(jsonl);
  const shas = [...input.blobs.keys()].sort();
  const createdAt = typeof input.createdAt === 'string' ? input.createdAt : input.createdAt.toISOString();
  const manifest: CaseFileManifest = {
    format: CASE_FILE_FORMAT,
    version: CASE_FILE_VERSION,
    ...(input.hub === undefined ? {} : { hub: input.hub }),
    deviceId: input.deviceId,
    username: input.username,
    createdAt,
    mutations: summary(mutations),
    blobs: shas,
    mutationsSha256,
    mac: caseFileMac(caseFileKey(input.token), mutationsSha256),
  };
  const checked = caseFileManifestSchema.safeParse(manifest);
  if (!checked.success) throw new CaseFileError('manifest-invalid', { detail: describeIssues(checked.error) });
  const mtime = new Date(createdAt);
  const entries: Zippable = {
    [MANIFEST]: [strToU8(JSON.stringify(manifest, null, 2) + '\n'), { mtime }],
    [MUTATIONS]: [jsonl, { mtime }],
  };
  for (const sha of shas) {
    const bytes = input.blobs.get(sha)!;
    if (sha256HexOf(bytes) !== sha) throw new CaseFileError('blob-bytes', { sha });
    // Photos are compressed already: stored, not deflated.
    entries[`blobs/${sha}`] = [bytes, { level: 0, mtime }];
  }
  return zipSync(entries, { level: 6 });
}

/** Issues as `path: code` (codes, not zod's English), for the refusal's detail. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') + ': ' : ''}${issueCode(i)}`).join('; ');
}

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  const refused: string[] = [];
  const seen = new Set<string>();
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (seen.has(entry.name)) refused.push(`${entry.name} (twice)`);
        seen.add(entry.name);
        if (entry.name !== MANIFEST && entry.name !== MUTATIONS && !BLOB_ENTRY.test(entry.name)) refused.push(entry.name);
        total += entry.originalSize;
        // Decided on the declared sizes, before anything is inflated (inflating never exceeds them).
        return refused.length === 0 && total <= CASE_FILE_MAX_BYTES;
      },
    });
  } catch {
    throw new CaseFileError('not-zip');
  }
  if (refused.length > 0) throw new CaseFileError('unexpected-entry', { entry: JSON.stringify(refused[0]) });
  if (total > CASE_FILE_MAX_BYTES) throw new CaseFileError('too-big', { mib: CASE_FILE_MAX_BYTES / 1024 / 1024 });
  return files;
}

function parseJsonl(bytes: Uint8Array): Mutation[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CaseFileError('not-utf8');
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new CaseFileError('bad-json', { line: i + 1 });
    }
    const parsed = mutationSchema.safeParse(value);
    if (!parsed.success) throw new CaseFileError('line-not-mutation', { line: i + 1, detail: describeIssues(parsed.error) });
    if (parsed.data.args === undefined) throw new CaseFileError('line-no-args', { line: i + 1 });
    return parsed.data;
  });
}

/** Reads and checks a .tcase file whole (the mac needs the device's key: the hub checks it). */
export function readCaseFile(bytes: Uint8Array): CaseFile {
  const files = unzip(bytes);
  const manifestBytes = files[MANIFEST];
  if (!manifestBytes) throw new CaseFileError('no-manifest');
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new CaseFileError('manifest-json');
  }
  const parsedManifest = caseFileManifestSchema.safeParse(manifestJson);
  if (!parsedManifest.success) throw new CaseFileError('manifest-invalid', { detail: describeIssues(parsedManifest.error) });
  const manifest = parsedManifest.data;

  const jsonl = files[MUTATIONS];
  if (!jsonl) throw new CaseFileError('no-mutations');
  if (sha256HexOf(jsonl) !== manifest.mutationsSha256) throw new CaseFileError('mutations-hash');
  const mutations = parseJsonl(jsonl);
  checkSequence(mutations);
  const actual = summary(mutations);
  if (actual.count !== manifest.mutations.count || actual.firstId !== manifest.mutations.firstId || actual.lastId !== manifest.mutations.lastId) {
    throw new CaseFileError('count-mismatch', { announced: JSON.stringify(manifest.mutations), actual: JSON.stringify(actual) });
  }

  const blobs = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    const sha = BLOB_ENTRY.exec(name)?.[1];
    if (sha === undefined) continue;
    if (sha256HexOf(data) !== sha) throw new CaseFileError('blob-bytes', { sha });
    blobs.set(sha, data);
  }
  const named = [...new Set(manifest.blobs)].sort();
  const held = [...blobs.keys()].sort();
  if (named.length !== manifest.blobs.length) throw new CaseFileError('blob-twice');
  if (named.join() !== held.join()) throw new CaseFileError('blob-list', { named: named.length, held: held.length });
  return { manifest, mutations, blobs };
}
