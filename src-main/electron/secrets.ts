// The device's hub token sealed by the operating system (safeStorage: DPAPI on Windows, the Keychain on
// macOS, libsecret or kwallet on Linux), so that a copy of the profile's IndexedDB does not carry a
// usable token. Where the OS has no key store ('basic_text' on Linux: a key built into Chromium) the
// secret is stored as it is and says so, rather than pretending to be protected.
import { safeStorage } from 'electron';
import type { SealedSecret } from '../../src-shared/platform-api';

function osCanSeal(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function sealSecret(plain: string): SealedSecret {
  if (!osCanSeal()) return { scheme: 'plain', value: plain };
  return { scheme: 'os', value: safeStorage.encryptString(plain).toString('base64') };
}

/** Null when the ciphertext is not this machine's (another user, a restored profile, a changed keyring). */
export function openSecret(sealed: SealedSecret): string | null {
  if (sealed.scheme === 'plain') return sealed.value;
  if (!safeStorage.isEncryptionAvailable()) return null;
  try {
    return safeStorage.decryptString(Buffer.from(sealed.value, 'base64'));
  } catch {
    return null;
  }
}
