// A refusal the hub explains: HTTP status, a stable machine code for clients, a message for people.

/** Every code a hub error carries: docs/sync-protocol.md lists each, the app and the CLI translate each. */
export const HUB_ERROR_CODES = [
  'bad-request',
  'malformed-json',
  'body-too-large',
  'unsupported-media-type',
  'unauthenticated',
  'device-revoked',
  'forbidden',
  'not-found',
  'username-taken',
  'unknown-user',
  'pairing-code-invalid',
  'cert-no-taken',
  'unknown-mutator',
  'mutation-gap',
  'bad-credentials',
  'rate-limited',
  'draw-failed',
  'blob-offset-mismatch',
  'blob-hash-mismatch',
  'blob-too-large',
  'case-file-invalid',
  'invalid-data',
  'seal-unavailable',
  'seal-refused',
  'internal',
] as const;
export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];

export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: HubErrorCode,
    message: string,
    readonly issues?: unknown,
    /** Extra fields of the reply body (e.g. `expected` of a mutation gap). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}
