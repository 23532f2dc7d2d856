// Office mode: the desktop app runs the hub in its main process, on the LAN, over the embedded store
// in the user-data folder. Started with `--office` or by `office.json` ({"enabled": true, "port": 8787}).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PORT, startHub, type RunningHub } from '../cli/commands/hub';

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

let running: RunningHub | null = null;

export async function startOfficeHub(config: OfficeConfig, userData: string, webRoot: string): Promise<OfficeHubInfo | null> {
  if (!config.enabled || running) return officeHubInfo();
  running = await startHub(['--data', join(userData, 'hub'), '--port', String(config.port), '--host', '0.0.0.0', '--web', webRoot]);
  return officeHubInfo();
}

export function officeHubInfo(): OfficeHubInfo | null {
  if (!running) return null;
  return { lan: running.lan, local: `http://127.0.0.1:${new URL(running.address).port}` };
}

export async function stopOfficeHub(): Promise<void> {
  await running?.close();
  running = null;
}
