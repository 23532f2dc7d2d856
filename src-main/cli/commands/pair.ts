// `tariffcheck pair`: a 10-minute pairing code for a user, for a device to enroll with.
import { createPairingCode } from '../../hub/accounts/devices';
import type { Command } from '../command';
import { parseOptions, required } from './args';
import { STORE_OPTIONS, storeLocation, withStore } from './storeOption';
import { toCliError } from './user';
import { hubCliText } from '../../../src-shared/i18n/hubCli';
import { formatChinaTime } from '../../../src-shared/time';

export const pairCommand: Command = async (argv, io) => {
  const { values } = parseOptions(argv, { ...STORE_OPTIONS, username: { type: 'string' } });
  const location = storeLocation(values);
  const username = required(values.username, 'username');
  const pairing = await withStore(location, (store) => createPairingCode(store, username, { userId: null, deviceId: null }, new Date())).catch(toCliError);
  io.out(pairing.code);
  io.err(hubCliText('cli.pairIssued', { username: pairing.username, until: formatChinaTime(pairing.expiresAt) }));
  return 0;
};
