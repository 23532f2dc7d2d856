// `tariffcheck hub`: the sync hub on its own, until SIGINT or SIGTERM.
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createHub } from '../../hub/server';
import type { StoreKind } from '../../hub/store/store';
import { CliError, type Command } from '../command';
import { parseOptions } from './args';
import { openCliStore, STORE_OPTIONS, storeLocation } from './storeOption';

export const DEFAULT_PORT = 8787;

export interface RunningHub {
  app: FastifyInstance;
  address: string;
  /** Where laptops reach it when bound to all interfaces. */
  lan: string[];
  storeKind: StoreKind;
  close(): Promise<void>;
}

/** Opens the store, starts listening and returns; the command below waits for a signal. */
export async function startHub(argv: string[]): Promise<RunningHub> {
  const { values } = parseOptions(argv, {
    ...STORE_OPTIONS,
    port: { type: 'string' },
    host: { type: 'string' },
    web: { type: 'string' },
    log: { type: 'boolean' },
  });
  const location = storeLocation(values);
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port takes 0–65535, not '${values.port}'`);
  const store = await openCliStore(location);
  const webRoot = values.web ?? defaultWebRoot(__dirname);
  const host = values.host ?? '127.0.0.1';
  const app = await createHub({ store, webRoot, logger: values.log === true });
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
    throw new CliError(`cannot listen: ${e instanceof Error ? e.message : String(e)}`, 1);
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
  const hub = await startHub(argv);
  io.out(`hub listening on ${hub.address} (store: ${hub.storeKind})`);
  for (const lan of hub.lan) io.out(`  on the LAN: ${lan}`);
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await hub.close();
  io.out('hub stopped');
  return 0;
};
