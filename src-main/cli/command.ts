// What every `tariffcheck` sub-command is: arguments in, exit code out. Output goes to stdout/stderr.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export type Command = (argv: string[], io: CliIo) => Promise<number>;

/** A refusal with the reason shown to the user and the exit code to end with. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}
