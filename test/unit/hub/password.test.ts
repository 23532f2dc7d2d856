import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src-main/hub/accounts/password';
import { newPairingCode, normalizePairingCode, PAIRING_ALPHABET } from '../../../src-main/hub/accounts/secrets';

describe('password', () => {
  it('hashes with scrypt N=2^15 r=8 p=1, a 16-byte salt and a 64-byte key', async () => {
    const encoded = await hashPassword('correct horse');
    const [name, logN, r, p, salt, key] = encoded.split('$');
    expect([name, logN, r, p]).toEqual(['scrypt', '15', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(64);
  });

  it('verifies the right password and refuses a wrong one, a salted twin and garbage', async () => {
    const encoded = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', encoded)).toBe(true);
    expect(await verifyPassword('correct horsE', encoded)).toBe(false);
    expect(await hashPassword('correct horse')).not.toBe(encoded);
    expect(await verifyPassword('correct horse', 'scrypt$15$8$1$xx')).toBe(false);
    expect(await verifyPassword('correct horse', 'bcrypt$whatever')).toBe(false);
  });
});

describe('pairing code', () => {
  it('is 8 characters of an alphabet without 0 O 1 I', () => {
    expect(PAIRING_ALPHABET).toHaveLength(32);
    expect(PAIRING_ALPHABET).not.toMatch(/[0O1I]/);
    for (let i = 0; i < 50; i++) expect(newPairingCode()).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ2-9]{8}$/);
  });

  it('is accepted in lower case with a dash', () => {
    expect(normalizePairingCode('abcd-efgh')).toBe('ABCDEFGH');
  });
});
