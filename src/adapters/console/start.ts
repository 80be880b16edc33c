/** Starts the console chat on this process's standard input and output. */
import type { Services } from '../../commands/services.ts';
import { runConsole } from './index.ts';

/** Runs the terminal chat on stdin/stdout until the input ends (Ctrl+D, or the end of a pipe). */
export async function startConsole(services: Services, picturesDir?: string): Promise<void> {
  await runConsole({
    ...(picturesDir ? { picturesDir } : {}),
    input: process.stdin,
    output: process.stdout,
    services,
    interactive: Boolean(process.stdin.isTTY),
  });
}
