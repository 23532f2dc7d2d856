// A refusal thrown in a worker (not enrolled, not found, a draw not here), rebuilt on the window as the
// LocalRefusal describeError words; any other error as plainError keeps it.
import { LocalRefusal } from '../sync/mutators';
import { plainError, type SentError } from './task';

export const reviveRefusal = (e: SentError): Error =>
  e.name === 'LocalRefusal' ? new LocalRefusal(e.fields.code as LocalRefusal['code'], e.message) : plainError(e);
