// zod at the edge of every route: parse or refuse with 400 and zod's issues.
import type { z } from 'zod';
import { HubError } from '../errors';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message }));
    throw new HubError(400, 'bad-request', 'the request does not match the expected shape', issues);
  }
  return result.data;
}
