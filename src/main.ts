/**
 * The composition root: settings → store → services → platforms. Telegram starts when
 * TELEGRAM_BOT_TOKEN is set, Discord when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set (both
 * when both are); with neither, a chat opens in the terminal. SIGINT/SIGTERM stop everything.
 */
import { join } from 'node:path';
import { startConsole } from './adapters/console/start.ts';
import { buttonHint } from './adapters/console/index.ts';
import { createServices } from './commands/wiring.ts';
import { describeConfig, loadConfigFromProcess, type Config } from './config.ts';
import type { Sender } from './messages/sender.ts';
import { SendLimiter, systemClock } from './messages/pacing.ts';
import { describeDatabaseUrl, openPostgresStore, storePath, type AnyStore, type SqliteStore } from './store/index.ts';
import { backupStore, checkStore, latestBackup, openStoreOrExplain, storeOpenError } from './store/health.ts';
import { renderPlain } from './messages/render/plain.ts';
import { m, type Post } from './messages/model.ts';
import { storyThreadMessages } from './commands/story-thread.ts';
import { routeSender, startDigests } from './schedule/index.ts';
import { createFetcher } from './sources/http.ts';
import { fetchOpmlFile } from './sources/opml.ts';
import { createJobPool } from './sources/jobs.ts';
import { startConfiguredFeeds } from './ingest/setup.ts';
import { readersOf } from './store/reading.ts';
import type { FeedRecord } from './store/types.ts';
import { fetchStoredArticle } from './commands/wiring.ts';
import { createLogger, errorText, redactSecrets, type Logger } from './log/index.ts';

/**
 * Opens the configured store: PostgreSQL when MOJAZ_DATABASE_URL is set (a server that cannot be
 * reached or refuses the login stops the start, naming it without its password), else the SQLite
 * file, where one that cannot be opened (damaged, unwritable) stops the start with its path and
 * what to do: a bot without its store would look healthy and post no digests.
 */
async function openStore(config: Config, log: Logger): Promise<{ store: AnyStore; sqlite?: { store: SqliteStore; path: string } }> {
  if (config.databaseUrl) {
    const store = await openPostgresStore(config.databaseUrl, { onError: (message) => log.warn(message) });
    log.info(`store: PostgreSQL ${describeDatabaseUrl(config.databaseUrl)}`);
    return { store };
  }
  let path = join(config.dataDir, 'mojaz.sqlite');
  try {
    path = storePath(config.dataDir);
  } catch (err) {
    throw storeOpenError(path, err);
  }
  const store = openStoreOrExplain(path);
  log.debug(`store ${path} opened`);
  return { store, sqlite: { store, path } };
}

/** Keeps a rolling backup of the store: one now when today's is missing, then every `hours`. */
function startBackups(store: SqliteStore, path: string, hours: number, log: Logger): () => void {
  if (hours <= 0) return () => undefined;
  const run = (): void => {
    backupStore(store, path, new Date()).then(
      (file) => log.info(`store backed up to ${file}`),
      (err: unknown) => log.error(`store backup failed: ${errorText(err)}`),
    );
  };
  const latest = latestBackup(path);
  if (!latest || !latest.includes(new Date().toISOString().slice(0, 10))) setTimeout(run, 5_000).unref();
  const timer = setInterval(run, hours * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * `npm start -- --check`: SQLite's integrity check of the store, in English and Arabic; exit 0 when
 * sound. On PostgreSQL: that the server answers and the schema is up to date (the server checks its
 * own pages).
 */
async function checkOnly(config: Config): Promise<number> {
  if (config.databaseUrl) {
    const where = describeDatabaseUrl(config.databaseUrl);
    try {
      await (await openPostgresStore(config.databaseUrl)).close();
      process.stdout.write(`the PostgreSQL store ${where} answers and its schema is up to date\nمخزن PostgreSQL يعمل ومخططه محدَّث\n`);
      return 0;
    } catch (err) {
      process.stdout.write(`${errorText(err)}\nتعذّر الوصول إلى مخزن PostgreSQL ${where}\n`);
      return 1;
    }
  }
  const report = checkStore(storePath(config.dataDir));
  for (const line of report.lines) process.stdout.write(`${line}\n`);
  return report.ok ? 0 : 1;
}

/** The password in a database URL, for the logger to redact wherever a line might quote it. */
function databasePassword(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** A short article for the warm-up analysis at start: the worker thread loads the NER model before the first user's /brief. */
const WARM_UP_TEXT =
  'أعلن وزير الخارجية محمد العلي أمس الجمعة في بغداد أن الحكومة ستعقد اجتماعا مع الأمم المتحدة في الثالث من ديسمبر المقبل. ' +
  'وقال متحدث باسم الوزارة لوكالة رويترز إن "المحادثات ستتناول الوضع الإنساني".';


/** Starts mojaz; resolves when it should exit (console: at end of input; bots: on a signal). */
async function main(): Promise<number> {
  const config = loadConfigFromProcess();
  if (process.argv.includes('--check')) return await checkOnly(config);
  // Every line of every part passes through this logger, which redacts the configured secrets.
  const log = createLogger({
    level: config.logLevel,
    format: config.logFormat,
    secrets: [config.telegram.token, config.discord.token, config.llm.key, databasePassword(config.databaseUrl)],
  });
  log.info(`settings ${JSON.stringify(describeConfig(config))}`);
  const { store, sqlite } = await openStore(config, log);
  // A PostgreSQL server's backups are its operator's (pg_dump, WAL archiving), not the bot's.
  const stopBackups = sqlite ? startBackups(sqlite.store, sqlite.path, config.backupHours, log) : () => undefined;
  const fetcher = createFetcher(config.fetch);
  const llmLog = log.child('llm');
  // Page extraction and every analysis (/brief, /timeline, /who and polled articles) run in a worker thread, under a time budget.
  const jobs = createJobPool();
  const services = createServices(config, store, { fetcher, log: (line) => llmLog.warn(line), extract: (html, url) => jobs.extract(html, url),
    analyze: (input) => jobs.analyze(input),
  });
  const jobsWarm = jobs.warm({ text: WARM_UP_TEXT, reference: '2024-01-05' }).catch((err: unknown) => log.error(`job pool failed to start: ${errorText(err)}`));

  const stops: Array<() => Promise<void>> = [];
  /** A platform that cannot go on (a revoked token) stops mojaz with a non-zero exit, for a supervisor to see. */
  let fatal: (message: string) => void = () => undefined;
  const fatalError = new Promise<string>((resolve) => (fatal = resolve));
  /** Senders by platform: the digest scheduler, started after the platforms, posts through these. */
  const senders: Partial<Record<'telegram' | 'discord', Sender>> = {};
  /** Per-chat pacing (about 1 a second to a chat, 20 a minute to a group) on top of each platform's overall limit. */
  const pacer = new SendLimiter(systemClock);

  // Platform libraries load only when used: discord.js alone takes seconds to import.
  if (config.telegram.token) {
    const { startTelegram, TelegramSender } = await import('./adapters/telegram/index.ts');
    const telegram = await startTelegram(config, services, { log, send: { pacer }, onFatal: (message) => fatal(message) });
    // The scheduler retries 429s itself (keeping its delivery lease renewed), so its Telegram
    // sender hands rate limits back instead of sleeping inside the send; every API call, reply or
    // digest part, is paced per chat by the one shared pacer.
    senders.telegram = new TelegramSender(telegram.bot.telegram, { waitOnRateLimit: false, pacer });
    stops.push(() => telegram.stop());
  }
  if (config.discord.token && config.discord.applicationId) {
    const { startDiscord } = await import('./adapters/discord/index.ts');
    // A digest to a forum channel posts each story with its timeline and who list in its thread.
    const storyThread = (post: Post) => storyThreadMessages(store, services, post.articleIds, new Date());
    // "/feeds import" reads the attached OPML file through the guarded client, capped.
    const readAttachment = (url: string, maxBytes: number) => fetchOpmlFile(fetcher, url, maxBytes);
    const discord = await startDiscord(config, services, { log, pacer, storyThread, readAttachment });
    senders.discord = discord.sender;
    stops.push(() => discord.stop());
    log.info('discord: connected');
  } else if (config.discord.token || config.discord.applicationId) {
    log.warn('discord is not configured: set both DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  }

  const consoleMode = stops.length === 0;
  // The console prints scheduled digests and notices in the terminal like any other reply.
  const consoleSender: Sender = { send: async (_chat, message) => void process.stdout.write(`${renderPlain(message, buttonHint)}\n\n`) };
  const platformSenders: Partial<Record<string, Sender>> = { ...senders, ...(consoleMode ? { console: consoleSender } : {}) };
  const router = routeSender(platformSenders);
  let firstRoundDone: () => void = () => undefined;
  const firstRound = new Promise<void>((resolve) => (firstRoundDone = resolve));
  const feedLog = log.child('feeds');
  const digestLog = log.child('digests');
  const feeds = await startConfiguredFeeds(config, {
    store,
    fetcher,
    analyze: (input) => jobs.analyze(input),
    fetchFullArticle: (url) => fetchStoredArticle(fetcher, url, (html, at) => jobs.extract(html, at)),
    onFeedFailing: (feed, failure) => notifyFeedFailing(store, router, feed, failure.userMessage, log),
    log: (level, message, fields) => feedLog[level](message, fields),
    onRound: (report) => {
      feedLog.debug(`round done ${JSON.stringify(report).slice(0, 300)}`);
      firstRoundDone();
    },
  });
  const digests = await startDigests({ config, store, senders: platformSenders, fetcher, pacer, log: (line, fields) => digestLog.warn(line, fields) });
  services.digests = digests.services;
  stops.push(() => feeds.stop(), () => digests.stop());
  if (consoleMode) {
    // The bundled sample feed's news is there for /digest before the first command; a round that
    // fails or hangs does not keep the chat from opening.
    // The worker thread's start (seconds on a busy machine) is not counted against the round.
    await jobsWarm;
    await Promise.race([firstRound, new Promise<void>((resolve) => setTimeout(resolve, config.fetch.timeoutMs + 2_000).unref())]);
  }

  const shutdown = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch((err: unknown) => log.warn(`stop failed: ${String(err)}`));
    stopBackups();
    await jobs.close();
    await store.close();
  };

  if (!config.telegram.token && !(config.discord.token && config.discord.applicationId)) {
    // No platform configured: the terminal chat, until end of input.
    await startConsole(services, join(config.dataDir, 'files'));
    await shutdown();
    return 0;
  }

  const reason = await Promise.race([
    new Promise<undefined>((resolve) => {
      process.once('SIGINT', () => resolve(undefined));
      process.once('SIGTERM', () => resolve(undefined));
    }),
    fatalError,
  ]);
  log.info(reason ? `stopping: ${reason}` : 'stopping');
  await shutdown();
  return reason ? 1 : 0;
}

/** Tells the admins of the chats that read `feed` that it keeps failing (once, when it is flagged). */
async function notifyFeedFailing(
  store: AnyStore,
  sender: Sender,
  feed: FeedRecord,
  reason: string,
  log: Logger,
): Promise<void> {
  const followers = await readersOf(store, feed.id);
  const notice = {
    blocks: [
      m.heading('تنبيه: مصدر أخبار متعطّل'),
      m.paragraph('تعذّر جلب الخلاصة ', m.link(feed.title ?? feed.url, feed.url), ' عدة مرات متتالية. سأواصل المحاولة، وبقية المصادر تعمل.'),
      m.paragraph(reason),
      m.paragraph('للتفاصيل: /status — ولإزالتها: /feeds remove ', m.code(feed.url)),
    ],
  };
  for (const chatId of followers) {
    await sender.send(chatId, notice).catch((err: unknown) => log.warn(`feeds: could not notify ${chatId}: ${String(err)}`, { chat: chatId, feed: feed.id }));
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`mojaz: ${redactSecrets(err instanceof Error ? err.message : String(err), [process.env.TELEGRAM_BOT_TOKEN, process.env.DISCORD_TOKEN, databasePassword(process.env.MOJAZ_DATABASE_URL ?? '')])}\n`);
    process.exit(1);
  },
);
