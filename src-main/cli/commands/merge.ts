// `tariffcheck merge`: merges .tcase case files into the hub's store, one report line per file.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { HubError } from '../../hub/errors';
import { importCaseFile, type CaseFileReport } from '../../hub/sync/caseFiles';
import { CliError, type Command } from '../command';
import { STORE_OPTIONS, storeLocation, withStore } from './storeOption';

export function reportLine(file: string, r: CaseFileReport): string {
  const line = `${file}: ${r.new} new, ${r.alreadyPresent} already present, ${r.conflicting} conflicting, ${r.rejected} rejected; blobs ${r.blobs.new} new, ${r.blobs.alreadyPresent} already present`;
  return r.gap ? `${line}; gap: the hub expects mutation ${r.gap.expected} first, nothing applied` : line;
}

/** Exit 0 when every file merged; 1 when a file was refused for a gap; 2 when a file cannot be read or is invalid. */
export const mergeCommand: Command = async (argv, io) => {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: STORE_OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  const location = storeLocation(parsed.values);
  const files = parsed.positionals;
  if (files.length === 0) throw new CliError('name at least one FILE.tcase');
  let exit = 0;
  await withStore(location, async (store) => {
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (e) {
        io.err(`${file}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
        exit = 2;
        continue;
      }
      try {
        const report = await importCaseFile(store, bytes, { userId: null, deviceId: null }, new Date());
        io.out(reportLine(file, report));
        if (report.gap) {
          io.err(`${file}: the hub has not seen the mutations before ${report.gap.expected}; merge the earlier file first`);
          exit = Math.max(exit, 1);
        }
      } catch (e) {
        if (!(e instanceof HubError) || e.status !== 400) throw e;
        io.err(`${file}: ${e.message}`);
        exit = 2;
      }
    }
  });
  return exit;
};
