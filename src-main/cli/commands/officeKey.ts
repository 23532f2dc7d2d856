// `tariffcheck office-key export|rotate`: the office's public keys as PEM (every key, the one in force
// first, so documents signed before a rotation stay verifiable), and a rotation to a new key.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { activeKey, listOfficeKeys, rotateOfficeKey } from '../../hub/seal/officeKeys';
import { publicKeyPem, printedFingerprint } from '../../../src-shared/seal/officeKey';
import { sealText } from '../../../src-shared/i18n/seal';
import { hubCliText } from '../../../src-shared/i18n/hubCli';
import { CliError, type Command } from '../command';
import { parseOptions } from './args';
import { sealKeyFor } from './hub';
import { STORE_OPTIONS, storeLocation, withStore } from './storeOption';

const ACTOR = { userId: null, deviceId: null };

export const officeKeyCommand: Command = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub !== 'export' && sub !== 'rotate') throw new CliError(hubCliText('cli.unknownSub', { sub: sub ?? '', usage: 'office-key export|rotate …' }));
  const { values } = parseOptions(rest, { ...STORE_OPTIONS, out: { type: 'string' }, 'seal-key': { type: 'string' } });
  const store = storeLocation(values);
  if ('memory' in store) throw new CliError(hubCliText('cli.storeNeeded'));
  const sealKey = sealKeyFor({ store, sealKey: values['seal-key'] });
  if (!sealKey) throw new CliError(sealText('seal.noSealKey'));
  return withStore(store, async (db) => {
    if (sub === 'rotate') {
      const key = await rotateOfficeKey(db, sealKey, ACTOR, new Date());
      io.out(sealText('seal.keyRotated', { key: printedFingerprint(key) }));
      return 0;
    }
    const active = await activeKey(db, sealKey, ACTOR, new Date());
    const pem = (await listOfficeKeys(db)).map(publicKeyPem).join('\n');
    if (values.out === undefined) {
      io.out(pem.trimEnd());
      return 0;
    }
    const file = resolve(values.out);
    writeFileSync(file, pem);
    io.err(sealText('seal.keyExported', { count: (pem.match(/BEGIN PUBLIC KEY/g) ?? []).length, key: printedFingerprint(active.fingerprint), file }));
    return 0;
  });
};
