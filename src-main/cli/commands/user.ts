// `tariffcheck user add`: creates a hub user; the password comes from stdin, never from argv.
import { addUser, newUserSchema } from '../../hub/accounts/users';
import { hubErrorText, issueText } from '../../../src-shared/i18n/errors';
import { issueCode } from '../../../src-shared/zodIssue';
import { HubError } from '../../hub/errors';
import { CliError, type Command } from '../command';
import { parseOptions, required } from './args';
import { STORE_OPTIONS, storeLocation, withStore } from './storeOption';
import { hubCliText } from '../../../src-shared/i18n/hubCli';

/** Reads the whole of stdin (a pipe or a terminal line); the trailing newline is not part of the password. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function makeUserCommand(readPassword: () => Promise<string>): Command {
  return async (argv, io) => {
    const [sub, ...rest] = argv;
    if (sub !== 'add') throw new CliError(hubCliText('cli.unknownSub', { sub: sub ?? '', usage: 'user add …' }));
    // argv is visible to every user of the machine (ps, shell history): refuse, do not just ignore.
    if (rest.some((a) => a === '--password' || a.startsWith('--password='))) throw new CliError(hubCliText('cli.passwordOnArgv'));
    const { values } = parseOptions(rest, {
      ...STORE_OPTIONS,
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      district: { type: 'string' },
      'cert-no': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    });
    if (!values['password-stdin']) throw new CliError(hubCliText('cli.passwordStdin'));
    const location = storeLocation(values);
    const parsed = newUserSchema.safeParse({
      username: required(values.username, 'username'),
      displayName: required(values.name, 'name'),
      role: required(values.role, 'role'),
      district: required(values.district, 'district'),
      ...(values['cert-no'] === undefined ? {} : { certNo: values['cert-no'] }),
      password: await readPassword(),
    });
    if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => issueText({ path: i.path, code: issueCode(i) })).join('；'));
    const user = await withStore(location, (store) => addUser(store, parsed.data, { userId: null, deviceId: null }, new Date())).catch(toCliError);
    io.out(hubCliText('cli.userAdded', { role: hubCliText(`cli.role.${user.role}`), username: user.username, id: user.id }));
    return 0;
  };
}

/** A HubError (taken username, unknown user) as a refusal with exit 1, in Chinese. */
export function toCliError(e: unknown): never {
  if (e instanceof HubError) throw new CliError(hubErrorText(e.code), 1);
  throw e;
}

export const userCommand: Command = makeUserCommand(readStdin);
