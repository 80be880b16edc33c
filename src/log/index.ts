/**
 * The one logger: every line the scheduler, the feeds, the adapters and start-up write passes
 * through {@link createLogger}, which drops lines below the configured level, gives each the same
 * shape (`<ISO time> <level> <component>: <message>`, one physical line) and redacts secrets. The
 * redaction is here, not at each call site, so an error text that echoes a request path
 * (`/bot<token>/sendMessage`) cannot reach the log whoever logs it.
 *
 * Not pino: pino redacts by object path, while the secrets that leak sit inside message strings
 * (error messages quoting URLs); what the bot needs (levels, one shape, redaction) is this file.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** Where components write. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** The same logger with `component` in front of every line ("feeds", "telegram" …). */
  child(component: string): Logger;
}

/** What {@link createLogger} is given. */
export interface LoggerOptions {
  level: LogLevel;
  /** Configured secrets (bot tokens, webhook secrets): replaced wherever they appear. */
  secrets?: ReadonlyArray<string | undefined>;
  /** Where finished lines go (default: stderr). */
  write?: (line: string) => void;
  now?: () => Date;
}

/** Text shaped like a secret even when it is not a configured one. */
const SECRET_SHAPES: Array<[RegExp, string]> = [
  // A Telegram bot token, with or without the /bot prefix of the API path.
  [/\d{5,}:[A-Za-z0-9_-]{20,}/gu, '<token>'],
  // A Discord bot token (three base64url parts).
  [/[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/gu, '<token>'],
  // Interaction and webhook tokens in Discord URLs.
  [/\/(webhooks|interactions)\/(\d+)\/[\w.-]+/gu, '/$1/$2/<token>'],
  // Credentials in a URL's user-info part.
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/giu, '$1<credentials>@'],
];

/** `text` with every configured secret and anything shaped like a token replaced. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 8) out = out.split(secret).join('<token>');
  for (const [shape, by] of SECRET_SHAPES) out = out.replace(shape, by);
  return out;
}

/** An error as one log phrase ("Name: message"), whatever was thrown. */
export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** Longest message kept on one line; the rest is cut (a 6,000-character error is not read). */
const MAX_MESSAGE = 2_000;

/** The logger every part of mojaz writes through. */
export function createLogger(options: LoggerOptions, component = ''): Logger {
  const min = LEVELS.indexOf(options.level);
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const secrets = (options.secrets ?? []).filter((s): s is string => Boolean(s));
  const at =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string): void => {
      if (LEVELS.indexOf(level) < min) return;
      // One physical line: a feed title or an error with a newline cannot forge a second line.
      let text = redactSecrets(message, secrets).replace(/[\r\n]+/gu, ' ⏎ ');
      if (text.length > MAX_MESSAGE) text = `${text.slice(0, MAX_MESSAGE)}…`;
      write(`${now().toISOString()} ${level} ${component ? `${component}: ` : ''}${text}`);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (name) => createLogger(options, component ? `${component}/${name}` : name),
  };
}
