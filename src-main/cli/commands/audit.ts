// `tariffcheck audit verify`: 0 when the audit chain is intact, 1 naming the first bad entry.
import { verifyAudit } from '../../hub/audit/auditLog';
import { CliError, type Command } from '../command';
import { parseOptions } from './args';
import { STORE_OPTIONS, storeLocation, withStore } from './storeOption';
import { hubCliText } from '../../../src-shared/i18n/hubCli';


export const auditCommand: Command = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new CliError(hubCliText('cli.unknownSub', { sub: sub ?? '', usage: 'audit verify …' }));
  const { values } = parseOptions(rest, STORE_OPTIONS);
  const verdict = await withStore(storeLocation(values), verifyAudit);
  if (verdict.ok) {
    io.out(hubCliText('cli.auditIntact', { entries: verdict.entries }));
    return 0;
  }
  io.out(hubCliText('cli.auditBroken', { id: verdict.badEntryId, reason: hubCliText(`cli.audit.${verdict.reason}`), entries: verdict.entries }));
  return 1;
};
