// The file I/O behind the open and save dialogs.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { OpenedFile } from '../../src-shared/platform-api';

/** Case files carry photos, so they can be large; beyond this the renderer would stall on the copy. */
export const MAX_OPEN_BYTES = 512 * 1024 * 1024;

export async function readOpenedFile(path: string): Promise<OpenedFile> {
  const { size } = await stat(path);
  if (size > MAX_OPEN_BYTES) throw new Error(`file too large: ${size} bytes, the limit is ${MAX_OPEN_BYTES}`);
  const buffer = await readFile(path);
  return { name: basename(path), data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}

/** Writes beside the target and renames, so a crash or a full disk never leaves half a file under the real name. */
export async function writeFileAtomically(path: string, data: Uint8Array): Promise<void> {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
