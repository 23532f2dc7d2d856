// `tariffcheck` — the command line over the same src-shared code as the app.
import { CliError, type CliIo, type Command } from './command';
import { checkListCommand } from './commands/checkList';
import { overchargeCommand } from './commands/overcharge';
import { screenFilingsCommand } from './commands/screenFilings';
import { drawCommand } from './commands/draw';
import { verifyDrawCommand } from './commands/verifyDraw';
import { auditCommand } from './commands/audit';
import { hubCommand } from './commands/hub';
import { mergeCommand } from './commands/merge';
import { pairCommand } from './commands/pair';
import { userCommand } from './commands/user';
import { officeKeyCommand } from './commands/officeKey';
import { verifyDocCommand } from './commands/verifyDoc';
import { hubCliText } from '../../src-shared/i18n/hubCli';

const commands: Record<string, { run: Command; help: string }> = {
  'check-list': { run: checkListCommand, help: 'check-list --kind entities|inspectors FILE.xlsx [--json]' },
  draw: {
    run: drawCommand,
    help:
      'draw --entities FILE --inspectors FILE --seed TEXT [--ratio 0.5] [--group-by district[,subdistrict,kind,credit]]\n' +
      '     [--risk-ratio yellow=0.7,red=1] [--team-size 2] [--max-per-inspector N]\n' +
      '     [--recuse same-subdistrict,last-inspector] [--name TEXT] --out FILE.json',
  },
  'verify-draw': { run: verifyDrawCommand, help: 'verify-draw FILE.json --entities FILE --inspectors FILE' },
  overcharge: { run: overchargeCommand, help: 'overcharge --bills FILE.xlsx --tariffs FILE.xlsx|FILE.json --region R --category C --voltage V\n     [--method catalogue|grid-bill] [--grid-bill YYYY-MM=YUAN …] [--mapping FILE.json] [--tolerance-fen N] [--json]' },
  'screen-filings': { run: screenFilingsCommand, help: 'screen-filings --filings FILE.xlsx --tariffs FILE.xlsx|FILE.json --region R [--tolerance 0.0000] [--loss-threshold 0.07] [--json]' },
  hub: { run: hubCommand, help: 'hub --data DIR | --pg postgres://… [--port 8787] [--host 127.0.0.1] [--web DIR] [--seal-key FILE] [--log]' },
  user: { run: userCommand, help: 'user add --data DIR | --pg URL --username U --name N --role office|lead|inspector --district D [--cert-no C] --password-stdin' },
  pair: { run: pairCommand, help: `pair --data DIR | --pg URL --username U   ${hubCliText('cli.help.pair')}` },
  audit: { run: auditCommand, help: `audit verify --data DIR | --pg URL   ${hubCliText('cli.help.audit')}` },
  merge: { run: mergeCommand, help: `merge --data DIR | --pg URL FILE.tcase…   ${hubCliText('cli.help.merge')}` },
  'office-key': { run: officeKeyCommand, help: 'office-key export|rotate --data DIR | --pg URL [--seal-key FILE] [--out office-key.pub]' },
  'verify-doc': { run: verifyDocCommand, help: 'verify-doc FILE.pdf --key office-key.pub [--json]   （签章有效且未改动返回 0，否则返回 1 并说明哪里不同）' },
};

// Commands, options and their values are the contract scripts use, so they stay as written; the words
// around them are Chinese, like every other message of the CLI.
const USAGE = hubCliText('cli.usage');

function usage(): string {
  return [`${USAGE}tariffcheck ${hubCliText('cli.usageArgs')}`, '', ...Object.values(commands).map((c) => '  ' + c.help)].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`tariffcheck: ${hubCliText('cli.unknownCommand', { name })}\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${USAGE}tariffcheck ${command.help}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`tariffcheck ${name}: ${e.message}`);
      return e.exitCode;
    }
    throw e;
  }
}

const io: CliIo = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') };
if (process.env.VITEST === undefined) {
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      io.err(`tariffcheck: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
