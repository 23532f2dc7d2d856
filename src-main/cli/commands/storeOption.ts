// --data DIR (embedded PGlite) or --pg URL (PostgreSQL): the store every hub command works on.
import { FolderInUseError } from '../../hub/store/folderLock';
import { openStore, type StoreLocation } from '../../hub/store/open';
import type { Store } from '../../hub/store/store';
import { CliError } from '../command';
import { hubCliText } from '../../../src-shared/i18n/hubCli';

export const STORE_OPTIONS = { data: { type: 'string' }, pg: { type: 'string' } } as const;

export function storeLocation(values: { data?: string | undefined; pg?: string | undefined }): StoreLocation {
  if (values.data !== undefined && values.pg !== undefined) throw new CliError(hubCliText('cli.storeBoth'));
  if (values.pg !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(values.pg)) throw new CliError(hubCliText('cli.pgUrl'));
    return { pg: values.pg };
  }
  if (values.data !== undefined) return { data: values.data };
  throw new CliError(hubCliText('cli.storeNeeded'));
}

/** openStore, with a folder in use reported as a refusal (exit 1) rather than a crash. */
export async function openCliStore(location: StoreLocation): Promise<Store> {
  try {
    return await openStore(location);
  } catch (e) {
    if (e instanceof FolderInUseError) throw new CliError(e.message, 1);
    throw e;
  }
}

/** Opens and migrates the store, runs `work`, and closes the store whatever happens. */
export async function withStore<T>(location: StoreLocation, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCliStore(location);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
