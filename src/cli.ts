/**
 * The `mojaz` command line: a small table of subcommands. Input, output and the clock are injected
 * so tests call `main` directly; bin/mojaz.mjs passes the real process streams.
 */
import { analyzeCommand } from './cli/analyze.ts';
import { discordCommand } from './cli/discord.ts';
import { UsageError } from './cli/input.ts';
import type { CliIO, Subcommand } from './cli/types.ts';
import { environment } from './config.ts';

/** Every subcommand by name: add one entry to add a command. */
export const COMMANDS: Record<string, Subcommand> = {
  analyze: analyzeCommand,
  discord: discordCommand,
};

/** The help text listing every subcommand. */
export function usage(): string {
  const lines = ['الاستخدام: mojaz <أمر> [خيارات]', '', 'الأوامر:'];
  for (const [name, cmd] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${cmd.summary}`, `             ${cmd.usage}`);
  return `${lines.join('\n')}\n`;
}

/** Runs the command line with `argv` (without node and the script) and returns the exit status. */
export async function main(argv: string[], io: Partial<CliIO> = {}): Promise<number> {
  const full: CliIO = {
    stdin: io.stdin ?? process.stdin,
    stdout: io.stdout ?? process.stdout,
    stderr: io.stderr ?? process.stderr,
    now: io.now ?? (() => new Date()),
    env: io.env ?? environment(),
  };
  // A reader that closes the pipe early is normal for a command line; anything else is worth a line.
  full.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') full.stderr.write(`mojaz: تعذرت الكتابة: ${oneLine(err.message)}\n`);
  });
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? full.stderr : full.stdout).write(usage());
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS[name];
  if (cmd === undefined) {
    full.stderr.write(`mojaz: أمر غير معروف: ${oneLine(name)} (الأوامر: ${Object.keys(COMMANDS).join('، ')})\n`);
    return 2;
  }
  try {
    return await cmd.run(rest, full);
  } catch (err) {
    // The reader went away (`mojaz analyze … | head`): nothing left to say to anyone.
    if ((err as NodeJS.ErrnoException)?.code === 'EPIPE') return 0;
    if (err instanceof UsageError) {
      full.stderr.write(`mojaz ${name}: ${oneLine(err.message)}\n`);
      return 2;
    }
    full.stderr.write(`mojaz ${name}: خطأ داخلي: ${oneLine(err instanceof Error ? err.message : String(err))}\n`);
    return 1;
  }
}

/** A message on one line, short enough for a terminal. */
export function oneLine(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
