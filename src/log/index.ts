/**
 * The one logger: every line the scheduler, the feeds, the adapters and start-up write passes
 * through {@link createLogger}, which drops lines below the configured level, gives each the same
 * shape and redacts secrets. Two shapes (MOJAZ_LOG_FORMAT): `text`, for a terminal
 * (`<ISO time> <level> <component>: <message> chat=… feed=…`, one physical line), and `json`, one
 * JSON object a line for a log collector (`{"time","level","component","msg","chat","feed"}`). The
 * redaction is here, not at each call site, so an error text that echoes a request path
 * (`/bot<token>/sendMessage`) cannot reach the log whoever logs it, in either shape.
 *
 * Not pino: pino redacts by object path, while the secrets that leak sit inside message strings
 * (error messages quoting URLs); what the bot needs (levels, two shapes, fields, redaction of
 * every string) is this file, and pino's speed is not needed at a few lines a second.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** The line shapes: `text` for people, `json` (one object a line) for log collectors. */
export type LogFormat = 'text' | 'json';

/** What a line is about, when known: kept as fields of their own (JSON) or `key=value` after the text. */
export interface LogFields {
  /** The chat key ("telegram:-100…", "discord:987"). */
  chat?: string;
  /** The feed's id in the store. */
  feed?: number | string;
}

/** Where components write. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** The same logger with `component` in front of every line ("feeds", "telegram" …). */
  child(component: string): Logger;
}

/** What {@link createLogger} is given. */
export interface LoggerOptions {
  level: LogLevel;
  /** Line shape (default `text`). */
  format?: LogFormat;
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

/**
 * An error as one short, redacted line, the one way every adapter describes what a platform threw:
 * "Name: message", plus the request (method and URL) when the error carries one (discord.js's
 * DiscordAPIError; read by shape), with `secrets` and anything shaped like a token replaced.
 * For text that leaves the logger too (a CLI answer, an error thrown at start).
 */
export function describeError(err: unknown, secrets: ReadonlyArray<string | undefined> = []): string {
  const request = err as { method?: unknown; url?: unknown } | null;
  const url = typeof request?.url === 'string' && typeof request.method === 'string' ? ` (${request.method} ${request.url})` : '';
  return redactSecrets(`${errorText(err)}${url}`, secrets).replace(/\s+/gu, ' ').slice(0, 500);
}

/** Longest message kept on one line; the rest is cut (a 6,000-character error is not read). */
const MAX_MESSAGE = 2_000;

/** `text` redacted, on one physical line (a feed title or an error with a newline cannot forge a second line), cut when long. */
function cleanText(text: string, secrets: readonly string[]): string {
  const out = redactSecrets(text, secrets).replace(/[\r\n]+/gu, ' ⏎ ');
  return out.length > MAX_MESSAGE ? `${out.slice(0, MAX_MESSAGE)}…` : out;
}

/** The fields that are set, each value cleaned like the message (a chat key can hold anything a platform sent). */
function cleanFields(fields: LogFields | undefined, secrets: readonly string[]): Array<[string, string | number]> {
  if (!fields) return [];
  const out: Array<[string, string | number]> = [];
  for (const [key, value] of Object.entries(fields) as Array<[string, unknown]>) {
    if (typeof value === 'number') out.push([key, value]);
    else if (typeof value === 'string') out.push([key, cleanText(value, secrets)]);
  }
  return out;
}

/** The logger every part of mojaz writes through. */
export function createLogger(options: LoggerOptions, component = ''): Logger {
  const min = LEVELS.indexOf(options.level);
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const secrets = (options.secrets ?? []).filter((s): s is string => Boolean(s));
  const json = options.format === 'json';
  const at =
    (level: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: LogFields): void => {
      if (LEVELS.indexOf(level) < min) return;
      const text = cleanText(message, secrets);
      const extra = cleanFields(fields, secrets);
      const time = now().toISOString();
      if (json) {
        // JSON.stringify escapes newlines and quotes, so the object stays one line whatever it holds.
        write(JSON.stringify({ time, level, ...(component ? { component } : {}), msg: text, ...Object.fromEntries(extra) }));
        return;
      }
      const tail = extra.map(([k, v]) => ` ${k}=${v}`).join('');
      write(`${time} ${level} ${component ? `${component}: ` : ''}${text}${tail}`);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (name) => createLogger(options, component ? `${component}/${name}` : name),
  };
}
