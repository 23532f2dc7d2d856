// HTTP to the hub (docs/sync-protocol.md). Every failure becomes a SyncError whose cause the status
// bar shows: network, auth, revoked, gap, server — with the hub's own message when there is one.
import { z } from 'zod';
import type { Commitment } from '../../src-shared/draw/commitment';
import { drawResultSchema, type DrawResult } from '../../src-shared/draw/draw';
import type { Mutation } from '../../src-shared/sync/mutators';
import { errorBodySchema, pullResponseSchema, pushResponseSchema, checksumResponseSchema, type PullResponse, type PushResponse } from '../../src-shared/sync/protocol';
import { hubUserSchema, type HubUser } from './account';

/** Why a round failed; `storage`: this device's own database could not be read or written. */
export type SyncCause = 'network' | 'auth' | 'revoked' | 'gap' | 'server' | 'storage' | 'clock' | 'rejected' | 'conflict' | 'checksum';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncCause,
    message: string,
    readonly status?: number,
    readonly expected?: number,
    /** The hub's error code (`bad-credentials`, `pairing-code-invalid` …) and the issues it named. */
    readonly code?: string,
    readonly issues?: readonly { path: readonly string[]; code: string }[],
    /** A finer reason the hub named with the code (a refused case file's), and its parameters. */
    readonly reason?: { code: string; params: Record<string, string | number> },
  ) {
    super(message);
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const hubDeviceSchema = z.object({ id: z.string(), name: z.string(), username: z.string(), enrolledAt: z.string().nullable(), revokedAt: z.string().nullable(), lastMutationId: z.number() });
export type HubDevice = z.infer<typeof hubDeviceSchema>;
const auditEntrySchema = z.object({
  id: z.number(), at: z.string(), actorUser: z.string().nullable(), actorDevice: z.string().nullable(), action: z.string(), subject: z.string(),
  before: z.unknown(), after: z.unknown(), prevHash: z.string(), hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const caseFileReportSchema = z.object({
  deviceId: z.string(),
  username: z.string(),
  new: z.number(),
  alreadyPresent: z.number(),
  conflicting: z.number(),
  rejected: z.number(),
  blobs: z.object({ new: z.number(), alreadyPresent: z.number() }),
  gap: z.object({ expected: z.number() }).optional(),
});
export type CaseFileReport = z.infer<typeof caseFileReportSchema>;
const blobStatusSchema = z.object({ state: z.enum(['complete', 'partial', 'absent']), offset: z.number(), size: z.number().nullable() });
const caseResponseSchema = z.object({ case: z.record(z.string(), z.unknown()), records: z.array(z.record(z.string(), z.unknown())) });
const enrollResponseSchema = z.object({ deviceId: z.string(), token: z.string(), user: hubUserSchema });

export class HubClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | null,
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {}

  /** The hub's answer when it is a success; every failure as a SyncError with its cause. */
  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const raw = body instanceof Uint8Array;
    if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
    const payload = body === undefined ? {} : { body: raw ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) };
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}/api/v1${path}`, { method, headers, ...payload });
    } catch (e) {
      throw new SyncError('network', e instanceof Error ? e.message : String(e));
    }
    if (response.ok) return response;
    const err = errorBodySchema.safeParse(await response.json().catch(() => null));
    const message = err.success ? err.data.message : `HTTP ${response.status}`;
    const code = err.success ? err.data.error : '';
    const cause: SyncCause = code === 'device-revoked' ? 'revoked' : response.status === 401 || response.status === 403 ? 'auth' : code === 'mutation-gap' ? 'gap' : 'server';
    const reason = err.success && err.data.reason ? { code: err.data.reason, params: err.data.params ?? {} } : undefined;
    throw new SyncError(cause, message, response.status, err.success ? err.data.expected : undefined, code || undefined, err.success ? err.data.issues : undefined, reason);
  }

  private async call<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    const json: unknown = await response.json().catch(() => null);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('server', `unexpected answer from the hub to ${method} ${path}`);
    return parsed.data;
  }

  enroll(code: string, deviceName: string): Promise<{ deviceId: string; token: string; user: HubUser }> {
    return this.call('POST', '/devices/enroll', enrollResponseSchema, { code, deviceName });
  }

  push(mutations: readonly Mutation[], clientTime: string): Promise<PushResponse> {
    return this.call('POST', '/push', pushResponseSchema, { clientTime, mutations });
  }

  pull(cursor: string, limit: number): Promise<PullResponse> {
    return this.call('GET', `/pull?cursor=${encodeURIComponent(cursor)}&limit=${limit}`, pullResponseSchema);
  }

  async checksums(caseIds: readonly string[]): Promise<Record<string, string>> {
    return (await this.call('POST', '/checksums', checksumResponseSchema, { caseIds })).checksums;
  }

  fetchCase(id: string): Promise<{ case: Record<string, unknown>; records: Record<string, unknown>[] }> {
    return this.call('GET', `/cases/${encodeURIComponent(id)}`, caseResponseSchema);
  }

  blobStatus(sha256: string): Promise<{ state: 'complete' | 'partial' | 'absent'; offset: number; size: number | null }> {
    return this.call('GET', `/blobs/${sha256}/status`, blobStatusSchema);
  }

  /** Sends one chunk of a blob at `offset`; the hub verifies the whole when the last chunk arrives. */
  putBlobChunk(sha256: string, offset: number, size: number, chunk: Uint8Array): Promise<{ state: 'complete' | 'partial' | 'absent'; offset: number }> {
    return this.call('PUT', `/blobs/${sha256}?offset=${offset}&size=${size}`, blobStatusSchema, chunk);
  }

  /** (Office) merges a .tcase file through the hub's apply path; the report counts what was new. */
  importCaseFile(bytes: Uint8Array): Promise<z.infer<typeof caseFileReportSchema>> {
    return this.call('POST', '/case-files', caseFileReportSchema, bytes);
  }

  listUsers(): Promise<{ users: HubUser[] }> {
    return this.call('GET', '/users', z.object({ users: z.array(hubUserSchema) }));
  }

  addUser(user: { username: string; displayName: string; role: HubUser['role']; district: string; password: string; certNo?: string }): Promise<HubUser> {
    return this.call('POST', '/users', hubUserSchema, user);
  }

  listDevices(): Promise<{ devices: HubDevice[] }> {
    return this.call('GET', '/devices', z.object({ devices: z.array(hubDeviceSchema) }));
  }

  pairingCode(username: string): Promise<{ code: string; username: string; expiresAt: string }> {
    return this.call('POST', '/pairing-codes', z.object({ code: z.string(), username: z.string(), expiresAt: z.string() }), { username });
  }

  revokeDevice(id: string): Promise<{ deviceId: string; revokedAt: string }> {
    return this.call('POST', `/devices/${encodeURIComponent(id)}/revoke`, z.object({ deviceId: z.string(), revokedAt: z.string() }));
  }

  audit(after: number, limit: number): Promise<{ entries: AuditEntry[]; next: number | null }> {
    return this.call('GET', `/audit?after=${after}&limit=${limit}`, z.object({ entries: z.array(auditEntrySchema), next: z.number().nullable() }));
  }

  auditVerify(): Promise<{ ok: boolean; entries: number; badEntryId?: number; reason?: string }> {
    return this.call('GET', '/audit/verify', z.object({ ok: z.boolean(), entries: z.number(), badEntryId: z.number().optional(), reason: z.string().optional() }));
  }

  /** The office's public keys (the one in force first), as PEM, for signing and for verifying offline. */
  officeKeys(): Promise<{ keys: { fingerprint: string; pem: string; createdAt: string; retiredAt: string | null }[] }> {
    return this.call('GET', '/office-keys', z.object({ keys: z.array(z.object({ fingerprint: z.string(), pem: z.string(), createdAt: z.string(), retiredAt: z.string().nullable() })) }));
  }

  /** The hub's signature over its own summary of a document this device made (src-main/hub/seal/). */
  sealDocument(request: { kind: string; ref: string; pdf: string; key: string }): Promise<{ summary: unknown; envelope: string }> {
    return this.call('POST', '/documents/seal', z.object({ summary: z.unknown(), envelope: z.string() }), request);
  }

  /** The whole audit log as JSON lines (the hub audits the export itself). */
  async auditExport(): Promise<Uint8Array> {
    return new Uint8Array(await (await this.send('GET', '/audit/export')).arrayBuffer());
  }

  /** (Lead, office) the draw over the hub's lists; each selected target becomes an assigned case. */
  /** A draw on the hub; targets in an open case of an earlier draw are left out unless `openCases` is 'allow'. */
  draw(seed: string, plan: unknown, openCases: 'leave-out' | 'allow' = 'leave-out', commitment?: Commitment): Promise<{ drawId: string; cases: number; alreadyOpen: { uscc: string; plan: string }[] }> {
    const schema = z.object({ drawId: z.string(), cases: z.number(), alreadyOpen: z.array(z.object({ uscc: z.string(), plan: z.string() }).loose()).default([]) }).loose();
    return this.call('POST', '/draws', schema, { seed, plan, openCases, ...(commitment ? { commitment } : {}) });
  }

  /** A draw made on the hub, whole, parsed with the shared result schema. */
  hubDraw(id: string): Promise<{ id: string; district: string | null; by: string; result: DrawResult }> {
    return this.call('GET', `/draws/${encodeURIComponent(id)}`, z.object({ id: z.string(), district: z.string().nullable(), by: z.string(), result: drawResultSchema }) as z.ZodType<{ id: string; district: string | null; by: string; result: DrawResult }>, undefined);
  }

  login(password: string): Promise<{ ok: true }> {
    return this.call('POST', '/login', z.object({ ok: z.literal(true) }), { password });
  }
}
