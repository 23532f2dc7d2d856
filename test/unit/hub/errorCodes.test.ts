// The error codes are a contract: docs/sync-protocol.md lists each with the status the hub answers,
// and the app and the CLI have words for each in both languages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../src-shared/i18n/errors';
import { HUB_ERROR_CODES } from '../../../src-main/hub/errors';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** status → code pairs as the hub's source raises them (`new HubError(403, 'forbidden'`). */
function raised(): Set<string> {
  const pairs = new Set<string>();
  for (const file of files(join(process.cwd(), 'src-main'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/new HubError\((\d{3}), '([a-z-]+)'/g)) pairs.add(`${m[1]} ${m[2]}`);
  }
  return pairs;
}

/** status → code pairs of the error table in docs/sync-protocol.md. */
function documented(): Set<string> {
  const doc = readFileSync(join(process.cwd(), 'docs/sync-protocol.md'), 'utf8');
  return new Set([...doc.matchAll(/^\|\s*(\d{3})\s*\|\s*`([a-z-]+)`/gm)].map((m) => `${m[1]} ${m[2]}`));
}

describe('hub error codes', () => {
  it('the protocol document lists every code with exactly the status the hub answers it with', () => {
    const doc = documented();
    const hub = raised();
    hub.add('500 internal');
    expect([...doc].sort()).toEqual([...hub].sort());
    expect(doc).toContain('403 forbidden');
    expect([...new Set([...doc].map((p) => p.split(' ')[1]))].sort()).toEqual([...HUB_ERROR_CODES].sort());
  });

  it('the app and the CLI have words for every code, in Chinese and in English', () => {
    for (const code of HUB_ERROR_CODES) {
      expect(errorMessages['zh-CN'][`hubError.${code}`], code).toMatch(/[\u4e00-\u9fff]/);
      expect(errorMessages.en[`hubError.${code}`], code).toMatch(/^[A-Z]/);
    }
  });
});
