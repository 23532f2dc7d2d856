// SHA-256 for shared code that hashes megabytes: the draw's canonical lists and output, case checksums.
// Under Node (the hub, the CLI, tests and benchmarks) it is Node's own, several times faster than any
// JavaScript one. The renderer has no synchronous native SHA-256: its synchronous hash is @noble/hashes,
// and where megabytes are hashed at once (a draw's lists) it gathers the bytes and hands them to WebCrypto,
// asynchronous and native (gatherSha256). All give the same digest; the draw's generator keeps noble for
// its 40-byte blocks, where a native call costs more than it saves.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** An incremental SHA-256. */
export interface Sha256 {
  update(data: Uint8Array): Sha256;
  /** Lower-case hex of the digest; the hash cannot be updated afterwards. */
  hex(): string;
}

export type Sha256Backend = 'node:crypto' | '@noble/hashes';

interface NodeHash {
  update(data: Uint8Array): unknown;
  digest(encoding: 'hex'): string;
}

/** node:crypto when this runs under Node; `process.getBuiltinModule` needs no import a browser build would trip on. */
function nodeCrypto(): { createHash(algorithm: 'sha256'): NodeHash } | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (proc?.getBuiltinModule?.('node:crypto') as { createHash(algorithm: 'sha256'): NodeHash } | undefined) ?? null;
}

const native = nodeCrypto();
let backend: Sha256Backend = native ? 'node:crypto' : '@noble/hashes';

/** The implementation in use. */
export function sha256Backend(): Sha256Backend {
  return backend;
}

/** Chooses the implementation (benchmarks measure the renderer's with '@noble/hashes'); node:crypto needs Node. */
export function useSha256Backend(choice: Sha256Backend): void {
  if (choice === 'node:crypto' && !native) throw new Error('node:crypto is not available here');
  backend = choice;
}

export function createSha256(): Sha256 {
  if (backend === 'node:crypto' && native) {
    const h = native.createHash('sha256');
    const self: Sha256 = { update: (data) => (h.update(data), self), hex: () => h.digest('hex') };
    return self;
  }
  const h = nobleSha256.create();
  const self: Sha256 = { update: (data) => (h.update(data), self), hex: () => bytesToHex(h.digest()) };
  return self;
}

/** Lower-case hex SHA-256 of `data`. */
export function sha256Hex(data: Uint8Array): string {
  return createSha256().update(data).hex();
}

/** A SHA-256 whose input is gathered and digested at the end, asynchronously. */
export interface GatheredSha256 {
  update(data: Uint8Array): GatheredSha256;
  /** Lower-case hex of the digest of everything gathered. */
  hex(): Promise<string>;
}

/** WebCrypto's digest, where the platform has it: a secure context in a browser or Electron, and Node. */
function webCrypto(): SubtleCrypto | null {
  return (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle ?? null;
}

let gatheredBackend: 'webcrypto' | 'sync' = 'webcrypto';

/** Chooses how gatherSha256 digests (benchmarks compare): WebCrypto when available, or the synchronous hash. */
export function useGatheredSha256(choice: 'webcrypto' | 'sync'): void {
  gatheredBackend = choice;
}

/**
 * A SHA-256 for megabytes in the renderer: the bytes are copied as they come (callers may reuse
 * theirs) and digested by WebCrypto in one call. Without WebCrypto (an insecure context, such as the web
 * build opened by a LAN address over http) it hashes as it goes with createSha256.
 */
export function gatherSha256(): GatheredSha256 {
  const subtle = gatheredBackend === 'webcrypto' ? webCrypto() : null;
  if (!subtle) {
    const h = createSha256();
    const self: GatheredSha256 = { update: (data) => (h.update(data), self), hex: () => Promise.resolve(h.hex()) };
    return self;
  }
  // Copies of the parts, joined once at the end: growing one buffer by doubling would allocate, zero and
  // copy half as much again.
  const parts: Uint8Array[] = [];
  let length = 0;
  const self: GatheredSha256 = {
    update(data) {
      parts.push(data.slice());
      length += data.length;
      return self;
    },
    async hex() {
      const all = new Uint8Array(length);
      let at = 0;
      for (const part of parts) {
        all.set(part, at);
        at += part.length;
      }
      parts.length = 0;
      return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', all)));
    },
  };
  return self;
}
