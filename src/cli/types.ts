/** What a `mojaz` subcommand is given and what it is: the shapes src/cli.ts's table holds. */
import type { Readable, Writable } from 'node:stream';

/** The outside world a subcommand may touch. */
export interface CliIO {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** The real clock, used only to find "today" when no date is given. */
  now: () => Date;
  env: NodeJS.ProcessEnv;
}

/** One subcommand: a one-line Arabic summary for the help text, and its runner (returns the exit status). */
export interface Subcommand {
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}
