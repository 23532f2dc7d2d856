// node:util parseArgs with its complaints turned into usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from '../command';
import { hubCliText } from '../../../src-shared/i18n/hubCli';

export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
}

/** The option's value, or a usage error naming it. */
export function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new CliError(hubCliText('cli.optionRequired', { name }));
  return value;
}
