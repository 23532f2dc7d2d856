// SHA-256 for shared code that hashes megabytes: the draw's canonical lists and output, case checksums.
// Under Node (the hub, the CLI, tests and benchmarks) it is Node's own, several times faster than any
// JavaScript one; the renderer has no synchronous native SHA-256 (WebCrypto is async and one-shot), so
// there it is @noble/hashes. Both give the same digest; the draw's generator keeps noble for its
// 40-byte blocks, where a native call costs more than it saves.
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
