// `tariffcheck merge`: merges .tcase case files into the hub's store, one report line per file.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { HubError } from '../../hub/errors';
import { importCaseFile, type CaseFileReport } from '../../hub/sync/caseFiles';
import { CliError, type Command } from '../command';
import { STORE_OPTIONS, storeLocation, withStore } from './storeOption';
import { hubCliText } from '../../../src-shared/i18n/hubCli';
import { caseFileText, type CaseFileCode } from '../../../src-shared/i18n/caseFile';
import { hubErrorText } from '../../../src-shared/i18n/errors';

export function reportLine(file: string, r: CaseFileReport): string {
  const line = hubCliText('cli.mergeReport', { file, new: r.new, alreadyPresent: r.alreadyPresent, conflicting: r.conflicting, rejected: r.rejected, blobsNew: r.blobs.new, blobsPresent: r.blobs.alreadyPresent });
  return r.gap ? hubCliText('cli.mergeGap', { line, expected: r.gap.expected }) : line;
}

/** A refused file's reason in Chinese: the case file's own reason when the hub names one. */
function refusalText(e: HubError): string {
  const reason = e.extra?.reason;
  return typeof reason === 'string' ? caseFileText(reason as CaseFileCode, (e.extra?.params ?? {}) as Record<string, string | number>) : hubErrorText(e.code);
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
  if (files.length === 0) throw new CliError(hubCliText('cli.mergeNone'));
  let exit = 0;
  await withStore(location, async (store) => {
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (e) {
        io.err(hubCliText('cli.mergeUnreadable', { file, reason: e instanceof Error ? e.message : String(e) }));
        exit = 2;
        continue;
      }
      try {
        const report = await importCaseFile(store, bytes, { userId: null, deviceId: null }, new Date());
        io.out(reportLine(file, report));
        if (report.gap) {
          io.err(hubCliText('cli.mergeGapHint', { file, expected: report.gap.expected }));
          exit = Math.max(exit, 1);
        }
      } catch (e) {
        if (!(e instanceof HubError) || e.status !== 400) throw e;
        io.err(hubCliText('cli.mergeInvalid', { file, reason: refusalText(e) }));
        exit = 2;
      }
    }
  });
  return exit;
};
