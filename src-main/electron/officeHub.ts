// Office mode: the desktop app runs the hub on the LAN, over the embedded store in the user-data
// folder, in a utility process of its own (src-main/hub/hubProcess.ts), never on the main thread that
// serves the window. Started with `--office` or by `office.json` ({"enabled": true, "port": 8787}).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { utilityProcess } from 'electron';
import { z } from 'zod';
import { DEFAULT_PORT, type HubStartOptions } from '../cli/commands/hub';
import type { FromHub, StartedHub, ToHub } from '../hub/hubProcess';

const configSchema = z.object({ enabled: z.boolean(), port: z.number().int().min(1).max(65535).default(DEFAULT_PORT) });
export type OfficeConfig = z.infer<typeof configSchema>;

/** The office-mode setting: the flag wins; else office.json in the user-data folder; else off. */
export function officeConfig(argv: readonly string[], userData: string): OfficeConfig {
  if (argv.includes('--office')) return { enabled: true, port: DEFAULT_PORT };
  const file = join(userData, 'office.json');
  if (!existsSync(file)) return { enabled: false, port: DEFAULT_PORT };
  const parsed = configSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : { enabled: false, port: DEFAULT_PORT };
}

export interface OfficeHubInfo {
  /** Where laptops on the LAN reach it, and where this app itself does. */
  lan: string[];
  local: string;
}

/** The part of Electron's UtilityProcess office mode uses. */
export interface HubChild {
  postMessage(message: ToHub): void;
  on(event: 'message', listener: (message: FromHub) => void): unknown;
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/** Forks the hub process: out/main/hubProcess.js beside this code (electron.vite.config.ts). */
export type ForkHub = () => HubChild;
const forkHub: ForkHub = () => utilityProcess.fork(join(__dirname, 'hubProcess.js'), [], { serviceName: 'TariffCheck hub' }) as unknown as HubChild;

let running: { child: HubChild; hub: StartedHub } | null = null;

/** Sends one message and waits for the answer of one of the given types (or the process's exit). */
function ask(child: HubChild, message: ToHub, answers: FromHub['type'][]): Promise<FromHub> {
  return new Promise((resolve, reject) => {
    child.on('message', (reply) => {
      if (answers.includes(reply.type)) resolve(reply);
    });
    child.once('exit', (code) => reject(new Error(`the hub process exited (${code})`)));
    child.postMessage(message);
  });
}

export async function startOfficeHub(config: OfficeConfig, userData: string, webRoot: string, fork: ForkHub = forkHub): Promise<OfficeHubInfo | null> {
  if (!config.enabled || running) return officeHubInfo();
  const options: HubStartOptions = { store: { data: join(userData, 'hub') }, port: config.port, host: '0.0.0.0', webRoot };
  const child = fork();
  const reply = await ask(child, { type: 'start', options }, ['started', 'failed']);
  if (reply.type !== 'started') {
    child.kill();
    throw new Error(reply.type === 'failed' ? reply.message : 'the hub did not start');
  }
  running = { child, hub: reply.hub };
  return officeHubInfo();
}

export function officeHubInfo(): OfficeHubInfo | null {
  if (!running) return null;
  return { lan: running.hub.lan, local: `http://127.0.0.1:${new URL(running.hub.address).port}` };
}

export async function stopOfficeHub(): Promise<void> {
  if (!running) return;
  const { child } = running;
  running = null;
  await ask(child, { type: 'stop' }, ['stopped']).catch(() => undefined);
  child.kill();
}
