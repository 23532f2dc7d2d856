// A real hub for the browser tests: the built CLI over PGlite in a temporary folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { APIRequestContext } from '@playwright/test';

const CLI = join(process.cwd(), 'bin', 'tariffcheck.cjs');

/** Runs `tariffcheck ARGS` (stdin `input`) and returns its output; throws with its stderr on failure. */
export function cli(args: string[], input?: string): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tariffcheck ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** Starts `tariffcheck hub` over the folder on the port and waits until it answers /health. */
export async function startHub(request: APIRequestContext, dir: string, port: number): Promise<ChildProcess> {
  // E2E_WEB_ROOT serves another web build, e.g. a development one whose React and antd print their warnings.
  const web = process.env.E2E_WEB_ROOT ? ['--web', process.env.E2E_WEB_ROOT] : [];
  const hub = spawn(process.execPath, [CLI, 'hub', '--data', dir, '--port', String(port), ...web], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (await request.get(`http://127.0.0.1:${port}/api/v1/health`).then((r) => r.ok()).catch(() => false)) return hub;
    await new Promise((r) => setTimeout(r, 200));
  }
  hub.kill('SIGTERM');
  throw new Error('the hub did not start');
}
