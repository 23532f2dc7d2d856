// zod at the edge of every route: parse or refuse with 400 and the issues (path and code, never raw text).
import type { z } from 'zod';
import { BAD_TEXT, badTextPath } from '../../../src-shared/text';
import { issueCode } from '../../../src-shared/zodIssue';
import { HubError } from '../errors';

/**
 * `textInSchema`: the schema itself refuses unclean text where it matters (a push, whose mutations are
 * refused one by one so an outbox is never blocked); otherwise any NUL or lone surrogate anywhere, keys
 * too, refuses the request before the schema: no store could keep it.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, options: { textInSchema?: boolean } = {}): z.infer<S> {
  const bad = options.textInSchema ? null : badTextPath(value);
  if (bad) throw new HubError(400, 'bad-request', 'the request holds text with a NUL character or a lone surrogate', [{ path: bad.map(String), code: BAD_TEXT, message: BAD_TEXT }]);
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.map(String), code: issueCode(i), message: i.message }));
    throw new HubError(400, 'bad-request', 'the request does not match the expected shape', issues);
  }
  return result.data;
}
