// `tariffcheck verify-draw`: re-runs a saved draw over the two list workbooks and says whether it reproduces.
import { parseArgs } from 'node:util';
import { drawResultFileSchema, type DrawResultFile } from '../../../src-shared/draw/draw';
import { verifyDraw } from '../../../src-shared/draw/verify';
import { drawText } from '../../../src-shared/i18n/draw';
import { CliError, type Command } from '../command';
import { readBytes, readListFile } from './draw';

/** Exit code when the draw does not reproduce. */
export const EXIT_DIFFERENT = 1;

interface VerifyArgs {
  file: string;
  entities: string;
  inspectors: string;
}

/** verify-draw FILE.json --entities F --inspectors F: 0 and 复核一致 when it reproduces, 1 and the differences when not. */
export const verifyDrawCommand: Command = async (argv, io) => {
  const args = parseVerifyArgs(argv);
  const saved = await readResultFile(args.file);
  const [entities, inspectors] = await Promise.all([readListFile('entities', args.entities), readListFile('inspectors', args.inspectors)]);
  const verdict = verifyDraw(saved, entities.rows, inspectors.rows);
  if (verdict.ok) {
    io.out(drawText('draw.verify.ok'));
    return 0;
  }
  io.out([drawText('draw.verify.failed'), ...verdict.differences].join('\n'));
  return EXIT_DIFFERENT;
};

function parseVerifyArgs(argv: string[]): VerifyArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { entities: { type: 'string' }, inspectors: { type: 'string' } }, allowPositionals: true });
  } catch (e) {
    throw new CliError(e instanceof Error ? e.message : String(e));
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) throw new CliError(drawText('draw.cli.oneFile'));
  const { entities, inspectors } = parsed.values;
  if (!entities) throw new CliError(drawText('draw.cli.missingOption', { option: 'entities' }));
  if (!inspectors) throw new CliError(drawText('draw.cli.missingOption', { option: 'inspectors' }));
  return { file, entities, inspectors };
}

/** The saved draw, checked against the result-file schema; anything else is a CliError (exit 2). */
async function readResultFile(file: string): Promise<DrawResultFile> {
  const text = new TextDecoder().decode(await readBytes(file));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(drawText('draw.cli.badResultFile', { file, reason: e instanceof Error ? e.message : String(e) }));
  }
  const parsed = drawResultFileSchema.safeParse(json);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new CliError(drawText('draw.cli.badResultFile', { file, reason }));
  }
  return parsed.data;
}
