// The one object the renderer uses for what a browser page cannot do by itself. The Electron preload
// exposes it as `window.tariffcheck` (`satisfies PlatformApi`); the web build implements it with
// file inputs and downloads. No generic IPC passthrough.
import { z } from 'zod';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface PlatformApi {
  readonly kind: 'electron' | 'web';
  /**
   * App version and the host platform, for the about box and diagnostics; the computer's host name where
   * the app can know it (Electron), else null, for the name a device is enrolled under.
   */
  appInfo(): Promise<{ version: string; platform: string; hostName: string | null }>;
  /** Asks the user for one file to read; null when cancelled. */
  openFile(options: { title: string; filters: FileFilter[] }): Promise<OpenedFile | null>;
  /** Asks where to save `data` (or downloads it on the web); false when cancelled. */
  saveFile(options: { title: string; suggestedName: string; filters: FileFilter[]; data: Uint8Array }): Promise<boolean>;
  /** Prints the current page to a PDF and saves it (Electron) or opens the print dialog (web). */
  printPage(options: { title: string; suggestedName: string }): Promise<boolean>;
  /** Opens an https link in the system browser; anything else is refused. */
  openExternal(url: string): Promise<boolean>;
  /** In office mode, the hub this app runs (LAN addresses for the laptops); null otherwise. */
  officeHub(): Promise<{ lan: string[]; local: string } | null>;
  /**
   * Seals a secret (the device's hub token) for storing on this machine: 'os' when the operating system
   * keeps the key (Electron's safeStorage: DPAPI, Keychain, libsecret/kwallet), 'plain' where nothing can
   * (the web build, or Linux without a keyring).
   */
  sealSecret(plain: string): Promise<SealedSecret>;
  /** A secret sealed by sealSecret on this machine; null when it cannot be opened here (the OS key is gone). */
  openSecret(sealed: SealedSecret): Promise<string | null>;
}

/** A secret as stored: sealed by the operating system (base64 of its ciphertext), or as it is. */
export const sealedSecretSchema = z.strictObject({ scheme: z.enum(['os', 'plain']), value: z.string().max(16_384) });
export type SealedSecret = z.infer<typeof sealedSecretSchema>;

/**
 * The one rule for `openExternal`, shared so the main process (the guard) and the web build agree:
 * only https, and no user:password@ part, which is how a link disguises its real host.
 */
export function isExternalLinkAllowed(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}
