// `tariffcheck audit verify`: 0 when the audit chain is intact, 1 naming the first bad entry.
import { verifyAudit } from '../../hub/audit/auditLog';
import { CliError, type Command } from '../command';
import { parseOptions } from './args';
import { STORE_OPTIONS, storeLocation, withStore } from './storeOption';

const REASONS = {
  'hash-mismatch': 'its content does not match its hash (edited)',
  'chain-broken': 'it does not follow the entry before it (an entry before it was removed or rewritten)',
  'missing-tail': 'the newest entries are missing',
} as const;

export const auditCommand: Command = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new CliError(`unknown sub-command '${sub ?? ''}'; try: audit verify …`);
  const { values } = parseOptions(rest, STORE_OPTIONS);
  const verdict = await withStore(storeLocation(values), verifyAudit);
  if (verdict.ok) {
    io.out(`audit log intact: ${verdict.entries} entries`);
    return 0;
  }
  io.out(`audit log broken at entry ${verdict.badEntryId}: ${REASONS[verdict.reason]} (${verdict.entries} entries before it verified)`);
  return 1;
};
