// A refusal the hub explains: HTTP status, a stable machine code for clients, a message for people.

export type HubErrorCode =
  | 'bad-request'
  | 'malformed-json'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'unauthenticated'
  | 'device-revoked'
  | 'forbidden'
  | 'not-found'
  | 'username-taken'
  | 'unknown-user'
  | 'pairing-code-invalid'
  | 'internal';

export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: HubErrorCode,
    message: string,
    readonly issues?: unknown,
  ) {
    super(message);
  }
}
