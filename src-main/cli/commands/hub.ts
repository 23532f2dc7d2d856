// `tariffcheck hub`: the sync hub on its own, until SIGINT or SIGTERM.
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createHub } from '../../hub/server';
import { loadSealKey, SEAL_KEY_FILE } from '../../hub/seal/officeKeys';
import type { StoreKind } from '../../hub/store/store';
import { CliError, type Command } from '../command';
import { parseOptions } from './args';
import { openCliStore, STORE_OPTIONS, storeLocation } from './storeOption';
import { hubCliText } from '../../../src-shared/i18n/hubCli';

export const DEFAULT_PORT = 8787;

export interface RunningHub {
  app: FastifyInstance;
  address: string;
  /** Where laptops reach it when bound to all interfaces. */
  lan: string[];
  storeKind: StoreKind;
  close(): Promise<void>;
}

/** How to start a hub: the one typed entry the CLI and the desktop app's office mode both use. */
export const hubStartSchema = z.strictObject({
  store: z.union([z.strictObject({ data: z.string().min(1) }), z.strictObject({ pg: z.string().regex(/^postgres(ql)?:\/\//) })]),
  port: z.number().int().min(0).max(65535),
  host: z.string().min(1),
  /** The web build to serve at /; the one beside this code when absent. */
  webRoot: z.string().min(1).optional(),
  log: z.boolean().default(false),
  /** The seal key file of the office's signing keys; `<data>/office-seal.key` for a folder store, none for PostgreSQL. */
  sealKey: z.string().min(1).optional(),
});
export type HubStartOptions = z.input<typeof hubStartSchema>;

/** The command line's options as a HubStartOptions (refused with the option named). */
export function hubOptions(argv: string[]): HubStartOptions {
  const { values } = parseOptions(argv, {
    ...STORE_OPTIONS,
    port: { type: 'string' },
    host: { type: 'string' },
    web: { type: 'string' },
    log: { type: 'boolean' },
    'seal-key': { type: 'string' },
  });
  const store = storeLocation(values);
  if ('memory' in store) throw new CliError(hubCliText('cli.storeNeeded'));
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(hubCliText('cli.port', { value: String(values.port) }));
  return {
    store, port, host: values.host ?? '127.0.0.1', ...(values.web === undefined ? {} : { webRoot: values.web }), log: values.log === true,
    ...(values['seal-key'] === undefined ? {} : { sealKey: values['seal-key'] }),
  };
}

/** The seal key: the file named, else one beside the embedded store's data; from the environment first (loadSealKey). */
export function sealKeyFor(options: { store: { data: string } | { pg: string }; sealKey?: string | undefined }): Uint8Array | null {
  const file = options.sealKey ?? ('data' in options.store ? join(options.store.data, SEAL_KEY_FILE) : null);
  return loadSealKey(file === null ? null : resolve(file));
}

/** Opens the store, starts listening and returns; the command below waits for a signal. */
export async function startHub(input: HubStartOptions): Promise<RunningHub> {
  const options = hubStartSchema.parse(input);
  const { port, host } = options;
  const store = await openCliStore(options.store);
  const webRoot = options.webRoot ?? defaultWebRoot(__dirname);
  const app = await createHub({ store, webRoot, logger: options.log, sealKey: sealKeyFor(options) });
  try {
    const address = await app.listen({ port, host });
    return {
      app,
      address,
      lan: lanAddresses(host, address),
      storeKind: store.kind,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (e) {
    await app.close();
    await store.close();
    throw new CliError(hubCliText('cli.cannotListen', { reason: e instanceof Error ? e.message : String(e) }), 1);
  }
}

/**
 * The built web app: out/renderer beside out/main. The bundler may put this code in out/main/cli.js
 * or in a shared chunk under out/main/chunks/, so look upwards from here.
 */
export function defaultWebRoot(here: string): string {
  const candidates = [resolve(here, '../renderer'), resolve(here, '../../renderer')];
  return candidates.find((dir) => existsSync(resolve(dir, 'index.html'))) ?? candidates[0]!;
}

/** Bound to all interfaces (0.0.0.0): the addresses laptops on the LAN can use. */
export function lanAddresses(host: string, address: string): string[] {
  if (host !== '0.0.0.0') return [];
  const port = new URL(address).port;
  const ipv4 = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i !== undefined && i.family === 'IPv4' && !i.internal);
  return ipv4.map((i) => `http://${i?.address}:${port}`);
}

export const hubCommand: Command = async (argv, io) => {
  const hub = await startHub(hubOptions(argv));
  io.out(hubCliText('cli.hubListening', { address: hub.address, store: hub.storeKind }));
  for (const lan of hub.lan) io.out(hubCliText('cli.hubLan', { address: lan }));
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await hub.close();
  io.out(hubCliText('cli.hubStopped'));
  return 0;
};
