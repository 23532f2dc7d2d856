// Every error leaves as JSON {error, message[, issues]}; never a stack trace, never request content.
import type { FastifyError, FastifyInstance } from 'fastify';
import { HubError, type HubErrorCode } from '../errors';

/** Fastify's own refusals (body parsing, limits) as our codes. */
function fromFastify(error: FastifyError): HubError | undefined {
  const status = error.statusCode ?? 500;
  if (status === 413) return new HubError(413, 'body-too-large', 'the request body is larger than the limit');
  if (status === 429) return new HubError(429, 'rate-limited', 'too many requests from this device; wait a minute');
  if (status === 415) return new HubError(415, 'unsupported-media-type', 'send Content-Type: application/json');
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return new HubError(400, 'malformed-json', 'the body is not valid JSON');
  if (status >= 400 && status < 500) {
    const code: HubErrorCode = status === 404 ? 'not-found' : status === 403 ? 'forbidden' : status === 401 ? 'unauthenticated' : 'bad-request';
    return new HubError(status, code, error.message);
  }
  return undefined;
}

/**
 * A refusal by the database of the data itself (SQLSTATE class 22: bad text, a number out of range):
 * the request's fault, answered 400 with a code, never 500. The schemas should have refused it first.
 */
function fromDatabase(error: unknown): HubError | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return new HubError(400, 'invalid-data', `the data cannot be stored (SQLSTATE ${code})`);
  return undefined;
}

export function installErrorReplies(app: FastifyInstance): void {
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const known = error instanceof HubError ? error : (fromDatabase(error) ?? fromFastify(error));
    if (!known) {
      // Logged for the operator (stack included), answered without detail.
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).send({ error: 'internal', message: 'internal error' });
    }
    const body = { error: known.code, message: known.message, ...(known.issues === undefined ? {} : { issues: known.issues }), ...known.extra };
    return reply.status(known.status).send(body);
  });
}
