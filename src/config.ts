/**
 * The one reader of process.env and config/: defaults from config/default.json, overridden by
 * environment variables (see .env.example), validated at start-up. Secrets are kept out of
 * anything that is logged: use {@link describeConfig} to print settings.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const listOf = (v: unknown): unknown =>
  typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;

/** "0-3,6" → [0, 1, 2, 3, 6]: shard ids as a list of ids and inclusive ranges; anything else is left for the schema to refuse. */
export function parseIdList(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const ids: number[] = [];
  for (const part of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (!range) {
      ids.push(/^\d+$/.test(part) ? Number(part) : Number.NaN);
      continue;
    }
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to < from || to - from > 10_000) return part;
    for (let id = from; id <= to; id++) ids.push(id);
  }
  return ids;
}

/** Discord sharding: unset (one connection), "auto" (Discord's recommended count), or a count, with the ids this process runs. */
const DiscordShardsSchema = z
  .object({
    shards: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(10_000)]).optional(),
    shardIds: z.preprocess(parseIdList, z.array(z.number().int().min(0)).min(1)).optional(),
  })
  .superRefine(({ shards, shardIds }, ctx) => {
    if (!shardIds) return;
    if (typeof shards !== 'number') ctx.addIssue({ code: 'custom', path: ['shardIds'], message: 'needs DISCORD_SHARDS as a number (the total count)' });
    else if (shardIds.some((id) => id >= shards)) ctx.addIssue({ code: 'custom', path: ['shardIds'], message: `every id must be below DISCORD_SHARDS (${shards})` });
    if (new Set(shardIds).size !== shardIds.length) ctx.addIssue({ code: 'custom', path: ['shardIds'], message: 'an id is listed twice' });
  });

/**
 * The job pool's default size on a machine with `cores` cores: one thread per core, at most 4
 * (bench:ingest analyses in 2 on 2 cores; past 4, feeds are rarely due in bursts big enough to use more).
 */
export function defaultJobThreads(cores: number): number {
  return Math.max(1, Math.min(4, Math.floor(cores)));
}

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const ConfigSchema = z.object({
  dataDir: z.string().min(1),
  timezone: z.string().refine(isTimeZone, 'not an IANA time zone'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']),
  /** Log line shape: `text` for a terminal, `json` (one object a line) for a log collector. */
  logFormat: z.enum(['text', 'json']).default('text'),
  /** The operations endpoint (/healthz, /metrics): off while port is 0. */
  http: z
    .object({
      host: z.string().min(1).default('0.0.0.0'),
      port: z.coerce.number().int().min(0).max(65535).default(0),
    })
    .default({ host: '0.0.0.0', port: 0 }),
  /** Longest a stop (SIGTERM/SIGINT) may take before the process gives up waiting and exits non-zero. */
  shutdownSeconds: z.coerce.number().positive().default(10),
  /**
   * The PostgreSQL database to keep everything in (postgres://user:password@host:port/db), shared
   * by every instance that names it; '' keeps the embedded SQLite store in dataDir.
   */
  databaseUrl: z.union([z.literal(''), z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'a postgres:// URL')]).default(''),
  /**
   * Worker threads that analyse articles and extract pages (MOJAZ_JOB_THREADS), so polled feeds
   * are analysed several at once; default: one per core, at most 4 (see {@link defaultJobThreads}).
   */
  jobThreads: z.coerce.number().int().min(1).max(32).default(() => defaultJobThreads(availableParallelism())),
  /** Hours between rolling backups of the store into <dataDir>/backups (0: none). */
  backupHours: z.coerce.number().min(0).default(24),
  telegram: z.object({
    token: z.string().optional(),
    apiRoot: z.string().url(),
    webhookUrl: z.union([z.literal(''), z.string().url()]),
    webhookPort: z.coerce.number().int().min(1).max(65535),
    /** The X-Telegram-Bot-Api-Secret-Token every instance checks (default: derived from the token). */
    webhookSecret: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, '1-256 characters A-Z a-z 0-9 _ -')
      .optional(),
  }),
  discord: z.object({
    token: z.string().optional(),
    applicationId: z.string().optional(),
    apiRoot: z.union([z.literal(''), z.string().url()]),
    /**
     * Gateway shards (Discord requires them from 2,500 guilds): unset for one connection, "auto"
     * for Discord's recommended count, or the total count; `shardIds` are the ones this process
     * runs (default: all of them), for several processes each with a range.
     */
    sharding: DiscordShardsSchema.default({}),
  }),
  fetch: z.object({
    allowHosts: z.preprocess(listOf, z.array(z.string())),
    timeoutMs: z.coerce.number().int().positive(),
    maxBytes: z.coerce.number().int().positive(),
    maxRedirects: z.coerce.number().int().min(0).max(20),
    userAgent: z.string(),
  }),
  digest: z.object({
    defaultTimes: z.preprocess(listOf, z.array(z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'HH:MM'))),
    topN: z.coerce.number().int().min(1).max(50),
    quietHours: z.string(),
  }),
  feeds: z.object({
    pollMinutes: z.coerce.number().int().min(1),
    sampleFeed: z.string(),
  }),
  /** The optional generated brief (off while url is ''): an OpenAI-compatible endpoint. */
  llm: z
    .object({
      url: z.union([z.literal(''), z.string().url()]).default(''),
      key: z.string().optional(),
      model: z.string().default(''),
      timeoutMs: z.coerce.number().int().positive().default(15_000),
      perMinute: z.coerce.number().int().min(1).default(20),
    })
    .default({ url: '', model: '', timeoutMs: 15_000, perMinute: 20 }),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown when settings are invalid; the message lists every problem, never a secret's value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Environment variable → path in the config object. */
const ENV_MAP: Record<string, string[]> = {
  MOJAZ_DATA_DIR: ['dataDir'],
  MOJAZ_TIMEZONE: ['timezone'],
  MOJAZ_LOG_LEVEL: ['logLevel'],
  MOJAZ_LOG_FORMAT: ['logFormat'],
  MOJAZ_HTTP_HOST: ['http', 'host'],
  MOJAZ_HTTP_PORT: ['http', 'port'],
  MOJAZ_SHUTDOWN_SECONDS: ['shutdownSeconds'],
  MOJAZ_BACKUP_HOURS: ['backupHours'],
  MOJAZ_JOB_THREADS: ['jobThreads'],
  MOJAZ_DATABASE_URL: ['databaseUrl'],
  TELEGRAM_BOT_TOKEN: ['telegram', 'token'],
  TELEGRAM_API_ROOT: ['telegram', 'apiRoot'],
  TELEGRAM_WEBHOOK_URL: ['telegram', 'webhookUrl'],
  TELEGRAM_WEBHOOK_PORT: ['telegram', 'webhookPort'],
  TELEGRAM_WEBHOOK_SECRET: ['telegram', 'webhookSecret'],
  DISCORD_TOKEN: ['discord', 'token'],
  DISCORD_APPLICATION_ID: ['discord', 'applicationId'],
  DISCORD_API_ROOT: ['discord', 'apiRoot'],
  DISCORD_SHARDS: ['discord', 'sharding', 'shards'],
  DISCORD_SHARD_IDS: ['discord', 'sharding', 'shardIds'],
  MOJAZ_FETCH_ALLOW_HOSTS: ['fetch', 'allowHosts'],
  MOJAZ_FETCH_TIMEOUT_MS: ['fetch', 'timeoutMs'],
  MOJAZ_FETCH_MAX_BYTES: ['fetch', 'maxBytes'],
  MOJAZ_DIGEST_TIMES: ['digest', 'defaultTimes'],
  MOJAZ_DIGEST_TOP_N: ['digest', 'topN'],
  MOJAZ_DIGEST_QUIET_HOURS: ['digest', 'quietHours'],
  MOJAZ_FEED_POLL_MINUTES: ['feeds', 'pollMinutes'],
  MOJAZ_SAMPLE_FEED: ['feeds', 'sampleFeed'],
  MOJAZ_LLM_URL: ['llm', 'url'],
  MOJAZ_LLM_KEY: ['llm', 'key'],
  MOJAZ_LLM_MODEL: ['llm', 'model'],
  MOJAZ_LLM_TIMEOUT_MS: ['llm', 'timeoutMs'],
  MOJAZ_LLM_PER_MINUTE: ['llm', 'perMinute'],
};

// databaseUrl holds the database password.
const SECRET_KEYS = new Set(['token', 'key', 'webhookSecret', 'databaseUrl']);

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = obj;
  for (const key of path.slice(0, -1)) {
    if (typeof cur[key] !== 'object' || cur[key] === null) cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = value;
}

/** Reads config/default.json (or `file`), applies the environment, validates, and returns the settings. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, file = `${ROOT}config/default.json`): Config {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const [name, path] of Object.entries(ENV_MAP)) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(raw, path, value);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid settings: ${problems}`);
  }
  return parsed.data;
}

/** The settings as safe to print: every secret replaced by "set" or "unset". */
export function describeConfig(config: Config): unknown {
  const hide = (value: unknown): unknown => {
    if (Array.isArray(value) || typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k) ? (v ? 'set' : 'unset') : hide(v)]),
    );
  };
  return hide(config);
}

/**
 * The environment of this process: the variables of `.env` in `dir` (the working directory; a
 * missing file is fine) under those already set, which win. Every entry point (the bot, `mojaz
 * analyze`, `mojaz discord register`, the benchmarks) reads its environment here and nowhere else.
 */
export function environment(dir: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const fromFile: NodeJS.ProcessEnv = {};
  loadDotenv({ path: join(dir, '.env'), processEnv: fromFile as Record<string, string>, quiet: true });
  return { ...fromFile, ...env };
}

/** The settings of this process: {@link loadConfig} over {@link environment}. */
export function loadConfigFromProcess(): Config {
  return loadConfig(environment());
}

/**
 * Where the benchmarks find the shared data (ANT articles, ANERcorp, the temporal cases):
 * MOJAZ_SHARED, else the `shared/` folder beside the checkout.
 */
export function sharedDataDir(env: NodeJS.ProcessEnv = environment()): string {
  return env.MOJAZ_SHARED || join(ROOT, '..', 'shared');
}
