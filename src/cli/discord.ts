/**
 * `mojaz discord register [--guild ID]`: registers the slash commands and the "موجز" message
 * context-menu command with Discord over REST — globally, or in one guild (shows at once; for
 * testing). Prints what Discord stored. Exit status: 0 done, 1 Discord refused, 2 bad arguments or
 * missing DISCORD_TOKEN / DISCORD_APPLICATION_ID.
 */
import type { Writable } from 'node:stream';
import { ConfigError, environment, loadConfig, type Config } from '../config.ts';
import type { CliIO, Subcommand } from './types.ts';

const USAGE = 'mojaz discord register [--guild ID]';

/** What the Discord command line may touch; tests inject the config and streams. */
export interface DiscordCliDeps {
  config?: Config;
  stdout?: Writable;
  stderr?: Writable;
  env?: NodeJS.ProcessEnv;
}

/** Parses "register [--guild ID]"; a string is a one-line complaint. */
export function parseDiscordArgs(argv: string[]): { action: 'register'; guildId?: string } | string {
  const [action, ...rest] = argv;
  if (action !== 'register') return `الأمر الفرعي المتاح: register (الاستخدام: ${USAGE})`;
  let guildId: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const inline = /^--guild=(.*)$/.exec(arg);
    if (arg !== '--guild' && !inline) return `خيار غير معروف: ${arg} (الاستخدام: ${USAGE})`;
    const value = inline ? inline[1] : rest[++i];
    if (!value || !/^\d{1,20}$/.test(value)) return `--guild يحتاج رقم الخادم (معرّف رقمي)`;
    guildId = value;
  }
  return guildId ? { action, guildId } : { action };
}

/** Runs `mojaz discord …` and returns the exit status. */
export async function runDiscordCli(argv: string[], deps: DiscordCliDeps = {}): Promise<number> {
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  const fail = (code: number, message: string): number => {
    stderr.write(`mojaz discord: ${message}\n`);
    return code;
  };
  const parsed = parseDiscordArgs(argv);
  if (typeof parsed === 'string') return fail(2, parsed);
  let config: Config;
  try {
    config = deps.config ?? loadConfig(deps.env ?? environment());
  } catch (error) {
    if (error instanceof ConfigError) return fail(2, error.message);
    throw error;
  }
  const { token, applicationId } = config.discord;
  if (!token || !applicationId) return fail(2, 'اضبط DISCORD_TOKEN و DISCORD_APPLICATION_ID أولًا (في البيئة أو ملف .env).');

  // Loaded here, not at the top: every other subcommand would otherwise pay for loading discord.js.
  const { createRest, registerCommands } = await import('../adapters/discord/index.ts');
  const { describeError } = await import('../log/index.ts');
  const rest = createRest(config);
  try {
    const registered = await registerCommands(rest, applicationId, parsed.guildId);
    const where = parsed.guildId ? `في الخادم ${parsed.guildId}` : 'عامًّا (قد يستغرق ظهورها بعض الوقت)';
    const lines = registered.map((c) => (c.type === 3 ? `  ${c.name}  (قائمة التطبيقات على الرسائل)` : `  /${c.name}`));
    stdout.write(`سُجّل ${registered.length} أمرًا ${where}:\n${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    return fail(1, `رفض Discord التسجيل: ${describeError(error, [token])}`);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** The `discord` entry of the command-line table. */
export const discordCommand: Subcommand = {
  summary: 'تسجيل أوامر Discord (الأوامر المائلة وأمر «موجز» على الرسائل)',
  usage: USAGE,
  run: (args: string[], io: CliIO) => runDiscordCli(args, { stdout: io.stdout, stderr: io.stderr, env: io.env }),
};
