// PGlite in a folder is one process's database: a second process opening it would corrupt it.
// A lock file holding the owner's pid keeps `tariffcheck pair` from opening a folder the hub is using.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'tariffcheck.lock';

export class FolderInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive but another user's.
    return e instanceof Error && 'code' in e && e.code === 'EPERM';
  }
}

/** Takes the folder's lock (replacing one left by a dead process); returns the release function. */
export function lockFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
      const owner = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new FolderInUseError(`${dir} is in use by process ${owner} (a running hub?); stop it first`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new FolderInUseError(`cannot lock ${dir}`);
}
