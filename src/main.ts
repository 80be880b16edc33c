/**
 * The composition root: settings → store → services → platforms. Telegram starts when
 * TELEGRAM_BOT_TOKEN is set, Discord when DISCORD_TOKEN and DISCORD_APPLICATION_ID are set (both
 * when both are); with neither, a chat opens in the terminal. SIGINT/SIGTERM stop everything:
 * no new update is taken, the ones being handled and the digests in flight finish, claims not
 * sent are given back, the store closes, exit 0 — or exit 1 past MOJAZ_SHUTDOWN_SECONDS.
 */
import { join } from 'node:path';
import { startConsole } from './adapters/console/start.ts';
import { buttonHint } from './adapters/console/index.ts';
import { createServices } from './commands/wiring.ts';
import { describeConfig, loadConfigFromProcess, type Config } from './config.ts';
import type { Sender } from './messages/sender.ts';
import { SendLimiter, systemClock } from './messages/pacing.ts';
import { describeDatabaseUrl, openPostgresStore, sharedPaceOf, storePath, type AnyStore, type SqliteStore } from './store/index.ts';
import { backupStore, checkStore, latestBackup, openStoreOrExplain, storeOpenError } from './store/health.ts';
import { renderPlain } from './messages/render/plain.ts';
import { m, type Post } from './messages/model.ts';
import { storyThreadMessages } from './commands/story-thread.ts';
import { routeSender, startDigests } from './schedule/index.ts';
import { noteMergedForumPosts } from './schedule/forum-merges.ts';
import { createFetcher } from './sources/http.ts';
import { fetchOpmlFile } from './sources/opml.ts';
import { createJobPool } from './sources/jobs.ts';
import { startConfiguredFeeds } from './ingest/setup.ts';
import { readersOf } from './store/reading.ts';
import type { FeedRecord } from './store/types.ts';
import { fetchStoredArticle } from './commands/wiring.ts';
import { createLogger, errorText, redactSecrets, type Logger } from './log/index.ts';
import { noMetrics, PromMetrics, timed } from './log/metrics.ts';
import { healthRoute, metricsRoute, startHttpServer, type HealthCheck, type HttpServer, type Route } from './ops/http.ts';

/**
 * Opens the configured store: PostgreSQL when MOJAZ_DATABASE_URL is set (a server that cannot be
 * reached or refuses the login stops the start, naming it without its password), else the SQLite
 * file, where one that cannot be opened (damaged, unwritable) stops the start with its path and
 * what to do: a bot without its store would look healthy and post no digests.
 */
async function openStore(config: Config, log: Logger): Promise<{ store: AnyStore; sqlite?: { store: SqliteStore; path: string } }> {
  if (config.databaseUrl) {
    const store = await openPostgresStore(config.databaseUrl, { onError: (message) => log.warn(message) });
    log.info(`PostgreSQL ${describeDatabaseUrl(config.databaseUrl)}`);
    return { store };
  }
  let path = join(config.dataDir, 'mojaz.sqlite');
  try {
    path = storePath(config.dataDir);
  } catch (err) {
    throw storeOpenError(path, err);
  }
  const store = openStoreOrExplain(path);
  log.debug(`${path} opened`);
  return { store, sqlite: { store, path } };
}

/** Whether the store answers a query now (for /healthz). */
async function storeAnswers(store: AnyStore): Promise<boolean> {
  if ('db' in store) return store.db.prepare('SELECT 1 AS ok').get() !== undefined;
  return (await store.query('SELECT 1 AS ok')).rowCount === 1;
}

/** Keeps a rolling backup of the store: one now when today's is missing, then every `hours`. */
function startBackups(store: SqliteStore, path: string, hours: number, log: Logger): () => void {
  if (hours <= 0) return () => undefined;
  const run = (): void => {
    backupStore(store, path, new Date()).then(
      (file) => log.info(`backed up to ${file}`),
      (err: unknown) => log.error(`backup failed: ${errorText(err)}`),
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


/** Time after the first feed round at which the analysis threads beyond the first start loading. */
const THREADS_WARM_DELAY_MS = 5_000;

/** Longest a stop waits for the analysis threads to end. */
const JOBS_CLOSE_MS = 2_000;

/** Starts mojaz; resolves when it should exit (console: at end of input; bots: on a signal). */
async function main(): Promise<number> {
  const config = loadConfigFromProcess();
  if (process.argv.includes('--check')) return await checkOnly(config);
  // Every line of every part passes through this logger, which redacts the configured secrets.
  const log = createLogger({
    level: config.logLevel,
    format: config.logFormat,
    secrets: [config.telegram.token, config.discord.token, config.llm.key, databasePassword(config.databaseUrl), config.telegram.webhookSecret],
  });
  log.info(`settings ${JSON.stringify(describeConfig(config))}`);
  // Counted only when someone can read them (MOJAZ_HTTP_PORT serves /metrics).
  const metricsServed = config.http.port > 0 ? new PromMetrics() : undefined;
  const metrics = metricsServed ?? noMetrics;
  const storeLog = log.child('store');
  const { store, sqlite } = await openStore(config, storeLog);
  // A PostgreSQL server's backups are its operator's (pg_dump, WAL archiving), not the bot's.
  const stopBackups = sqlite ? startBackups(sqlite.store, sqlite.path, config.backupHours, storeLog) : () => undefined;
  const fetcher = createFetcher(config.fetch);
  const llmLog = log.child('llm');
  // Page extraction and every analysis (/brief, /timeline, /who and polled articles) run in a worker thread, under a time budget.
  // One thread starts with the bot (a first /brief does not wait for a cold model); the others start
  // once the first feed round is done, or sooner when jobs wait for a thread.
  const jobs = createJobPool({ threads: config.jobThreads, startThreads: 1 });
  const analyze = (input: Parameters<typeof jobs.analyze>[0]): ReturnType<typeof jobs.analyze> => timed((s) => metrics.analysed(s), () => jobs.analyze(input));
  const services = createServices(config, store, { fetcher, log: (line) => llmLog.warn(line), extract: (html, url) => jobs.extract(html, url), analyze });
  const warmUp = { text: WARM_UP_TEXT, reference: '2024-01-05' };
  const jobsWarm = jobs.warm(warmUp, 1).catch((err: unknown) => log.error(`job pool failed to start: ${errorText(err)}`));

  const stops: Array<() => Promise<void>> = [];
  let closeDiscord: (() => Promise<void>) | undefined;
  let tellForumMerges: (() => Promise<number>) | undefined;
  /** The pass of tellForumMerges under way, if any: one at a time. */
  let tellingMerges: Promise<unknown> | undefined;
  /** A platform that cannot go on (a revoked token) stops mojaz with a non-zero exit, for a supervisor to see. */
  let fatal: (message: string) => void = () => undefined;
  const fatalError = new Promise<string>((resolve) => (fatal = resolve));
  /** Senders by platform: the digest scheduler, started after the platforms, posts through these. */
  const senders: Partial<Record<'telegram' | 'discord', Sender>> = {};
  /**
   * Per-chat pacing (about 1 a second to a chat, 20 a minute to a group) on top of each platform's
   * overall limit, which on PostgreSQL is shared by every instance over the database (one bot token).
   */
  const pacer = new SendLimiter(systemClock, undefined, sharedPaceOf(store, { log: (line) => log.warn(line) }));
  /** What /healthz checks, by name: the store, and each platform started. */
  const health: Record<string, HealthCheck> = { store: () => storeAnswers(store) };
  /** Routes of the HTTP servers, by port: /healthz and /metrics on MOJAZ_HTTP_PORT, the webhook on its own. */
  const routes = new Map<number, Record<string, Route>>();
  const route = (port: number, path: string, handle: Route): void => void routes.set(port, { ...routes.get(port), [path]: handle });
  let stopping = false;

  // Platform libraries load only when used: discord.js alone takes seconds to import.
  if (config.telegram.token) {
    const { startTelegram, TelegramSender } = await import('./adapters/telegram/index.ts');
    const telegram = await startTelegram(config, services, { log: log.child('telegram'), send: { pacer, metrics }, onFatal: (message) => fatal(message) });
    // The scheduler retries 429s itself (keeping its delivery lease renewed), so its Telegram
    // sender hands rate limits back instead of sleeping inside the send; every API call, reply or
    // digest part, is paced per chat by the one shared pacer.
    senders.telegram = new TelegramSender(telegram.bot.telegram, { waitOnRateLimit: false, pacer, metrics });
    stops.push(() => telegram.stop());
    health.telegram = () => telegram.connected();
    const hook = telegram.webhook;
    // A stopping instance takes no update: 503, and Telegram gives it to another instance (or to this one after the restart).
    if (hook) route(config.telegram.webhookPort, hook.path, (req, res) => (stopping ? void res.writeHead(503).end() : hook.handle(req, res)));
  }
  if (config.discord.token && config.discord.applicationId) {
    const { startDiscord } = await import('./adapters/discord/index.ts');
    // A digest to a forum channel posts each story with its timeline and who list in its thread.
    const storyThread = (post: Post) => storyThreadMessages(store, services, post.articleIds, new Date());
    // "/feeds import" reads the attached OPML file through the guarded client, capped.
    const readAttachment = (url: string, maxBytes: number) => fetchOpmlFile(fetcher, url, maxBytes, config.fetch.timeoutMs);
    const discord = await startDiscord(config, services, { log: log.child('discord'), pacer, storyThread, readAttachment, metrics, forumPosts: store, buttonActions: store });
    senders.discord = discord.sender;
    // After a feed round (where stories merge), forum posts of merged stories are told where the story goes on.
    tellForumMerges = () =>
      noteMergedForumPosts({
        store,
        sender: discord.sender,
        postLink: (chatId, thread) => discord.sender.postLink(chatId, thread),
        storyThread: (articleIds) => storyThreadMessages(store, services, articleIds, new Date()),
        log: (line) => log.child('discord').warn(line),
      });
    // Closed last (after the digests in flight, which post through its REST client).
    closeDiscord = () => discord.stop();
    health.discord = () => discord.connected();
    log.child('discord').info('connected');
  } else if (config.discord.token || config.discord.applicationId) {
    log.warn('discord is not configured: set both DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  }

  const consoleMode = stops.length === 0 && !closeDiscord;
  // The console prints scheduled digests and notices in the terminal like any other reply.
  const consoleSender: Sender = { send: async (_chat, message) => void process.stdout.write(`${renderPlain(message, buttonHint)}\n\n`) };
  const platformSenders: Partial<Record<string, Sender>> = { ...senders, ...(consoleMode ? { console: consoleSender } : {}) };
  const router = routeSender(platformSenders);
  let firstRoundDone: () => void = () => undefined;
  const firstRound = new Promise<void>((resolve) => (firstRoundDone = resolve));
  // The other analysis threads load in the background, a little after the first round (so not while the bot opens).
  void firstRound.then(() =>
    setTimeout(() => stopping || void jobs.warm(warmUp).catch((err: unknown) => log.warn(`analysis threads failed to start: ${errorText(err)}`)), THREADS_WARM_DELAY_MS).unref(),
  );
  const feedLog = log.child('feeds');
  const digestLog = log.child('digests');
  const feeds = await startConfiguredFeeds(config, {
    store,
    fetcher,
    // Polled articles come back from the worker thread as the JSON the store keeps, not as objects to copy and serialise again.
    prepare: (input) => timed((s) => metrics.analysed(s), () => jobs.prepare(input)),
    fetchFullArticle: (url) => fetchStoredArticle(fetcher, url, (html, at) => jobs.extract(html, at)),
    onFeedFailing: (feed, failure) => notifyFeedFailing(store, router, feed, failure.userMessage, feedLog),
    log: (level, message, fields) => feedLog[level](message, fields),
    onRound: (report) => {
      for (const feed of report.feeds) metrics.feedFetched(feed.status);
      feedLog.debug(`round done ${JSON.stringify(report).slice(0, 300)}`);
      firstRoundDone();
      if (tellForumMerges && !tellingMerges && !stopping) {
        tellingMerges = tellForumMerges()
          .catch((err: unknown) => log.child('discord').warn(`forum posts of merged stories: ${errorText(err)}`))
          .finally(() => (tellingMerges = undefined));
      }
    },
  });
  const digests = await startDigests({ config, store, senders: platformSenders, fetcher, pacer, metrics, log: (line, fields) => digestLog.warn(line, fields) });
  services.digests = digests.services;
  // Stopped in this order: the platforms take no new update (and finish the ones being handled),
  // the feed round and the digests in flight end, then Discord's connection closes.
  stops.push(() => feeds.stop(), () => digests.stop(), async () => void (await tellingMerges), ...(closeDiscord ? [closeDiscord] : []));
  if (metricsServed) {
    route(config.http.port, '/healthz', healthRoute(health, () => stopping));
    route(config.http.port, '/metrics', metricsRoute(metricsServed));
  }
  const servers: HttpServer[] = [];
  for (const [port, handlers] of routes) {
    const server = await startHttpServer({ host: config.http.host, port, routes: handlers, onError: (line) => log.child('http').error(line) });
    servers.push(server);
    log.child('http').info(`listening on ${config.http.host}:${server.port} (${Object.keys(handlers).join(', ')})`);
  }
  if (consoleMode) {
    // The bundled sample feed's news is there for /digest before the first command; a round that
    // fails or hangs does not keep the chat from opening.
    // The worker thread's start (seconds on a busy machine) is not counted against the round.
    await jobsWarm;
    await Promise.race([firstRound, new Promise<void>((resolve) => setTimeout(resolve, config.fetch.timeoutMs + 2_000).unref())]);
  }

  const shutdown = async (): Promise<void> => {
    stopping = true;
    for (const stop of stops) await stop().catch((err: unknown) => log.warn(`stop failed: ${String(err)}`));
    stopBackups();
    await Promise.all(servers.map((server) => server.close(1_000)));
    // A worker thread still loading its modules (seconds on a busy machine) cannot be cut short,
    // and the pool's close waits for it; the threads hold nothing of the store's, and the process
    // exit ends them, so the stop does not wait for them past a bound.
    await Promise.race([jobs.close(), new Promise<void>((resolve) => setTimeout(resolve, JOBS_CLOSE_MS).unref())]);
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
  // A second signal, or a stop past the bound, ends the process now: leases lapse by themselves.
  const force = (why: string): void => {
    log.error(`stopping: ${why}; exiting before everything was released`);
    process.exit(1);
  };
  process.once('SIGINT', () => force('second signal'));
  process.once('SIGTERM', () => force('second signal'));
  setTimeout(() => force(`not stopped after ${config.shutdownSeconds} s`), config.shutdownSeconds * 1000).unref();
  const started = Date.now();
  await shutdown();
  log.info(`stopped in ${Date.now() - started} ms`);
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
    await sender.send(chatId, notice).catch((err: unknown) => log.warn(`could not notify ${chatId}: ${String(err)}`, { chat: chatId, feed: feed.id }));
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`mojaz: ${redactSecrets(err instanceof Error ? err.message : String(err), [process.env.TELEGRAM_BOT_TOKEN, process.env.DISCORD_TOKEN, databasePassword(process.env.MOJAZ_DATABASE_URL ?? '')])}\n`);
    process.exit(1);
  },
);
