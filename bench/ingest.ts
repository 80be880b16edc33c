/**
 * Ingest benchmark: 10,000 feed items built from the ANT corpus (3,106 originals plus
 * re-publications of the same texts under other feeds, guids and titles, as outlets do, and a few
 * lightly edited re-publications), polled as local feed files in rounds through the real poller,
 * store (a temp SQLite file), analyzer and story grouper. Reports time, peak memory (RSS) and what
 * resulted.
 *
 *   npm run bench:ingest [-- --items 10000 --data ../shared/data/ant/articles.jsonl]
 *   npm run bench:ingest -- --postgres             the same on PostgreSQL: a local server started for
 *                                                  the run (test/support/postgres.ts, fsync on)
 *   npm run bench:ingest -- --postgres-url URL     the same on an EMPTY database of your own
 *   npm run bench:ingest -- --dump-analyses FILE   also writes every stored analysis, to diff two runs
 *   npm run bench:ingest -- --dump-stories FILE     also writes every article's story, to diff two runs
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFeedUrl } from '../src/sources/feeds.ts';
import { FeedPoller, type PreparingAnalyzer, type PollClock, type PollReport } from '../src/ingest/poller.ts';
import { openStore } from '../src/store/sqlite.ts';
import { openPostgresStore, PostgresStore } from '../src/store/postgres.ts';
import { freshPostgresUrl } from '../test/support/postgres.ts';
import { StoryGrouper } from '../src/stories/grouper.ts';
import { createJobPool, inlineJobs } from '../src/sources/jobs.ts';
import { canonicalUrl } from '../src/store/keys.ts';

interface AntArticle {
  id: string;
  url: string;
  category: string;
  title: string;
  published: string;
  text: string;
}

interface Item {
  feed: number;
  guid: string;
  url: string;
  title: string;
  published: string;
  text: string;
  /** The ANT id of the text it carries. */
  origin: string;
  kind: 'original' | 'republished' | 'edited';
}

/** CPU seconds of this process's main thread (Linux: /proc, in clock ticks of 1/100 s), or NaN elsewhere. */
function mainThreadCpu(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** CPU milliseconds of the calling thread (Linux: /proc/thread-self/schedstat, in ns), or NaN elsewhere. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** A small seeded PRNG (mulberry32), so every run builds the same items. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOTAL = Number(arg('items', '10000'));
const DATA = arg('data', new URL('../../shared/data/ant/articles.jsonl', import.meta.url).pathname);
const PRIMARY_FEEDS = 5;
const FEEDS = 20;
const ROUND_ITEMS = 60;
const FEED_WINDOW = 30;

const ant = readFileSync(DATA, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AntArticle);
const random = rng(20231208);

function timeOf(a: AntArticle): number {
  const t = Date.parse(a.published);
  return Number.isNaN(t) ? Date.parse(`${a.published.slice(0, 10)}T12:00:00Z`) : t;
}

// Originals on the primary feeds; re-publications of random originals on the others.
const items: Item[] = ant.map((a, i) => ({
  feed: i % PRIMARY_FEEDS,
  guid: a.id,
  url: a.url,
  title: a.title,
  published: new Date(timeOf(a)).toISOString(),
  text: a.text,
  origin: a.id,
  kind: 'original',
}));
const carried = new Set(items.map((it) => `${it.feed}|${it.origin}`));
const TITLE_PREFIXES = ['عاجل: ', 'بالفيديو: ', '', 'متابعة: ', 'تقرير: '];
while (items.length < TOTAL) {
  const a = ant[Math.floor(random() * ant.length)]!;
  const feed = PRIMARY_FEEDS + Math.floor(random() * (FEEDS - PRIMARY_FEEDS));
  if (carried.has(`${feed}|${a.id}`)) continue;
  carried.add(`${feed}|${a.id}`);
  const edited = random() < 0.1;
  const n = items.length;
  items.push({
    feed,
    guid: `feed${feed}-${n}`,
    url: `https://outlet${feed}.example/news/${n}`,
    title: `${TITLE_PREFIXES[n % TITLE_PREFIXES.length]}${a.title}`,
    published: new Date(timeOf(a) + Math.floor(random() * 6 * 3600_000)).toISOString(),
    // An edited copy adds a line of its own, as outlets do; an exact copy keeps the text.
    text: edited ? `${a.text}\nالمصدر: وكالات ومواقع إخبارية — outlet ${feed}` : a.text,
    origin: a.id,
    kind: edited ? 'edited' : 'republished',
  });
}
items.sort((x, y) => (x.published < y.published ? -1 : x.published > y.published ? 1 : 0));

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Each item's XML, built and UTF-8 encoded once (the bench rewrites every feed file every round: encoding it anew each time cost the main thread about a second). */
const itemXml = new Map<Item, Buffer>();
function itemBytes(it: Item): Buffer {
  let bytes = itemXml.get(it);
  if (!bytes) {
    bytes = Buffer.from(
      `<item><title>${esc(it.title)}</title><link>${esc(it.url)}</link><guid isPermaLink="false">${esc(it.guid)}</guid>` +
        `<pubDate>${new Date(it.published).toUTCString()}</pubDate><description>${esc(it.text.slice(0, 160))}…</description>` +
        `<content:encoded><![CDATA[${it.text.split('\n').map((p) => `<p>${esc(p)}</p>`).join('')}]]></content:encoded></item>`,
    );
    itemXml.set(it, bytes);
  }
  return bytes;
}
const NEWLINE = Buffer.from('\n');
/** A feed's file: its channel and its items, newest first. */
function feedXml(feed: number, list: Item[]): Buffer {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>outlet ${feed}</title><link>https://outlet${feed}.example/</link><description>bench (ANT corpus, Apache-2.0)</description>\n`);
  const body = list.flatMap((it, i) => (i === 0 ? [itemBytes(it)] : [NEWLINE, itemBytes(it)]));
  return Buffer.concat([head, ...body, Buffer.from('\n</channel></rss>\n')]);
}

// The analyzer: the real core in the job pool's worker threads, as `npm start` runs it (--threads
// N, default 2; --threads 0 analyses on the main thread).
const THREADS = Number(arg('threads', '2'));
const jobs = THREADS > 0 ? createJobPool({ threads: THREADS }) : inlineJobs;
const analyzerName = THREADS > 0 ? `src/core/analyze.ts in ${THREADS} worker thread(s) (src/sources/jobs.ts)` : 'src/core/analyze.ts on the main thread';
/** Time with at least one analysis running (analyses overlap in the pool). */
let analyzeMs = 0;
let running = 0;
/** Analyses asked of the analyzer (an article two feeds carry at once should be analysed once). */
let calls = 0;
let since = 0;
let groupMs = 0;
/** Grouping time while no analysis ran: since feeds no longer wait for each other, grouping one feed's batch can overlap another's analyses. */
let groupAloneMs = 0;
/** Worker-thread time spent analysing (an analysis asked while every thread is busy waits in the pool). */
let busyThreadMs = 0;
let changed = 0;
/** Adds the time since the last change of `running` to the threads' busy time. */
function countBusy(): void {
  const t = performance.now();
  busyThreadMs += Math.min(running, Math.max(1, THREADS)) * (t - changed);
  changed = t;
}
const timedAnalyze: PreparingAnalyzer = async (input) => {
  calls++;
  countBusy();
  if (running++ === 0) since = performance.now();
  try {
    return await jobs.prepare(input);
  } finally {
    countBusy();
    if (--running === 0) analyzeMs += performance.now() - since;
  }
};
await jobs.warm({ text: 'أعلن الوزير أمس في بغداد أن الحكومة ستجتمع.', reference: '2024-01-05' });

const dir = mkdtempSync(join(tmpdir(), 'mojaz-bench-ingest-'));
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
try {
  const pgUrl = process.argv.includes('--postgres') ? await freshPostgresUrl({ durable: true }) : arg('postgres-url', '');
  const store = pgUrl ? await openPostgresStore(pgUrl) : openStore(join(dir, 'mojaz.sqlite'));
  /** One query on either store ('?' placeholders). */
  const rowsOf = async (sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]> => {
    let n = 0;
    if (store instanceof PostgresStore) return (await store.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
    return store.db.prepare(sql).all(...params) as Record<string, unknown>[];
  };
  let now = Date.parse(items[0]!.published);
  const clock: PollClock = { now: () => new Date(now), setTimeout: () => 0, clearTimeout: () => {} };
  // Time spent grouping, measured around the real grouper.
  const grouper = new StoryGrouper(store);
  const assign = grouper.assign.bind(grouper);
  grouper.assign = async (...args) => {
    const t = performance.now();
    const alone = running === 0;
    try {
      return await assign(...args);
    } finally {
      groupMs += performance.now() - t;
      if (alone && running === 0) groupAloneMs += performance.now() - t;
    }
  };
  const paths = Array.from({ length: FEEDS }, (_, f) => join(dir, `feed-${f}.xml`));
  const poller = new FeedPoller({
    store,
    fetcher: { get: () => Promise.reject(new Error('no network in the bench')) },
    clock,
    prepare: timedAnalyze,
    grouper,
    localFeedPaths: paths,
    options: { maxItemsPerPoll: FEED_WINDOW, analyzerVersion: 'bench', maxBytes: 50_000_000 },
  });
  for (const p of paths) await store.addFeed(localFeedUrl(p), { now: new Date(now).toISOString() });

  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const mainCpuStart = mainThreadCpu();
  let writeMs = 0;
  let writeCpuMs = 0;
  let lost = 0;
  const perFeed: Item[][] = Array.from({ length: FEEDS }, () => []);
  const checked = (report: PollReport): void => {
    const failed = report.feeds.filter((r) => r.status === 'failed');
    if (failed.length) throw new Error(`feed failed: ${failed[0]!.error?.message}`);
  };
  // Rounds overlap as a poller's do when it falls behind: the next round's files are written and
  // polled once every feed of this round is read (its texts claimed), while this round's last
  // feeds are still analysed and stored; at most two rounds run at once.
  let inFlight: Promise<void> = Promise.resolve();
  for (let i = 0; i < items.length; i += ROUND_ITEMS) {
    const round = items.slice(i, i + ROUND_ITEMS);
    const t = performance.now();
    const cpuAt = threadCpuMs();
    for (const it of round) perFeed[it.feed]!.push(it);
    for (let f = 0; f < FEEDS; f++) {
      const recent = perFeed[f]!.slice(-FEED_WINDOW);
      // Items pushed out of a feed's window before a poll saw them are lost, as in the wild.
      const fresh = round.filter((it) => it.feed === f).length;
      if (fresh > FEED_WINDOW) lost += fresh - FEED_WINDOW;
      // A new file each time, as a server's fresh response would be: rewriting one in place makes ext4
      // flush it to disk on close (its guard for truncate-and-rewrite), which a poll never waits for.
      rmSync(paths[f]!, { force: true });
      writeFileSync(paths[f]!, feedXml(f, [...recent].reverse()));
    }
    writeMs += performance.now() - t;
    writeCpuMs += threadCpuMs() - cpuAt;
    now = Math.max(now, Date.parse(round[round.length - 1]!.published)) + 60_000;
    const before = inFlight;
    let read = (): void => undefined;
    const allRead = new Promise<void>((resolve) => (read = resolve));
    const polled = poller.pollDue({ onRead: read }).then(checked);
    inFlight = Promise.all([before, polled]).then(() => undefined);
    await Promise.all([before, allRead]);
  }
  await inFlight;
  const seconds = (performance.now() - started) / 1000;
  const pollMs = seconds * 1000 - writeMs;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mainCpu = mainThreadCpu() - mainCpuStart;

  const count = async (sql: string): Promise<number> => Number((await rowsOf(sql))[0]?.n);
  const articles = await store.countArticles();
  const stories = await store.countStories();
  const sources = await count('SELECT COUNT(*) AS n FROM article_sources');
  const multiArticle = await count('SELECT COUNT(*) AS n FROM (SELECT story_id FROM story_articles GROUP BY story_id HAVING COUNT(*) > 1)');
  const multiSource = await count(
    `SELECT COUNT(*) AS n FROM (SELECT sa.story_id FROM story_articles sa JOIN article_sources s ON s.article_id = sa.article_id
     GROUP BY sa.story_id HAVING COUNT(DISTINCT s.outlet) > 1)`,
  );

  // Edited copies should land in their original's story (their text differs, so they are articles of their own).
  // Each guid's story, read in one query (article_sources has no index by guid alone).
  const storyByGuid = new Map<string, number>();
  for (const r of await rowsOf('SELECT src.guid AS g, sa.story_id AS s FROM article_sources src JOIN story_articles sa ON sa.article_id = src.article_id ORDER BY src.id')) {
    if (r.g !== null && !storyByGuid.has(String(r.g))) storyByGuid.set(String(r.g), Number(r.s));
  }
  const storyOfGuid = async (guid: string): Promise<number | undefined> => storyByGuid.get(guid);
  const edited = items.filter((it) => it.kind === 'edited');
  let editedJoined = 0;
  for (const it of edited) {
    const a = await storyOfGuid(it.guid);
    if (a !== undefined && a === (await storyOfGuid(it.origin))) editedJoined++;
  }
  const originals = items.filter((it) => it.kind === 'original').length;
  // Stories that hold two or more different ANT articles: the corpus's own same-event pairs (or wrong joins).
  const originStories = new Map<number, Set<string>>();
  for (const it of items) {
    if (it.kind !== 'original') continue;
    const st = await storyOfGuid(it.guid);
    if (st === undefined) continue;
    let set = originStories.get(st);
    if (!set) originStories.set(st, (set = new Set()));
    set.add(it.text);
  }
  const mixed = [...originStories.values()].filter((set) => set.size > 1).length;
  // --dump-analyses FILE: every stored analysis (article id, content hash, JSON), to diff two runs.
  const dump = arg('dump-analyses', '');
  if (dump) {
    const rows = await rowsOf('SELECT a.id, a.content_hash, n.analysis FROM analyses n JOIN articles a ON a.id = n.article_id ORDER BY a.id');
    writeFileSync(dump, rows.map((r) => `${String(r.id)}\t${String(r.content_hash)}\t${typeof r.analysis === 'string' ? r.analysis : JSON.stringify(r.analysis)}`).join('\n'));
  }
  // --dump-stories FILE: every article's story (article id, story id), to diff two runs' grouping.
  const dumpStories = arg('dump-stories', '');
  if (dumpStories) {
    const rows = await rowsOf('SELECT article_id, story_id FROM story_articles ORDER BY article_id');
    writeFileSync(dumpStories, rows.map((r) => `${String(r.article_id)}\t${String(r.story_id)}`).join('\n'));
  }
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  await store.close();

  const kinds = { original: originals, republished: items.filter((it) => it.kind === 'republished').length, edited: edited.length };
  console.log(`ingest bench: ${items.length} feed items in ${FEEDS} feeds (${kinds.original} originals, ${kinds.republished} exact re-publications, ${kinds.edited} edited re-publications), ${Math.ceil(items.length / ROUND_ITEMS)} polling rounds`);
  console.log(`analyzer: ${analyzerName}`);
  console.log(`store: ${!pgUrl ? 'SQLite (a temp file)' : process.argv.includes('--postgres') ? 'PostgreSQL (a local server, fsync and synchronous commit on)' : 'PostgreSQL (the given database)'}; load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(
    `time: ${seconds.toFixed(1)} s wall, of which polling ${(pollMs / 1000).toFixed(1)} s (${(items.length / (pollMs / 1000)).toFixed(0)} items/s): ` +
      `analysis running ${(analyzeMs / 1000).toFixed(1)} s (${calls} analyses), grouping ${(groupMs / 1000).toFixed(1)} s (${(groupAloneMs / 1000).toFixed(1)} s of it with no analysis running), the rest (read, parse, dedupe, store) ${((pollMs - analyzeMs - groupAloneMs) / 1000).toFixed(1)} s; ` +
      `writing the feed files (bench only, while the rounds before run) ${(writeMs / 1000).toFixed(1)} s (main-thread CPU ${(writeCpuMs / 1000).toFixed(2)} s)`,
  );
  console.log(
    `process CPU (all threads): ${cpuSeconds.toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s), of which the main thread ${mainCpu.toFixed(1)} s (bench's feed files included); ` +
      `analysis threads idle ${(100 * (1 - busyThreadMs / (Math.max(1, THREADS) * pollMs))).toFixed(0)}% of the polling time`,
  );
  console.log(`peak memory (RSS): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  // What dedupe should give: one article per distinct text. ANT also has a few articles under two
  // spellings of one URL; a feed's repeat of a URL it already carried is skipped at poll time.
  const distinctTexts = new Set(ant.map((a) => a.text)).size;
  const distinctEdited = new Set(edited.map((it) => it.text)).size;
  const feedUrls = new Set<string>();
  let urlRepeats = 0;
  for (const it of items) {
    const key = `${it.feed}|${canonicalUrl(it.url) ?? it.url}`;
    if (feedUrls.has(key)) urlRepeats++;
    feedUrls.add(key);
  }
  console.log(
    `articles: ${articles} (expected ${distinctTexts + distinctEdited}: ${distinctTexts} distinct ANT texts + ${distinctEdited} distinct edited copies); ` +
      `sources recorded: ${sources} of ${items.length} items (${urlRepeats} items repeat a URL their feed already carried: skipped when an earlier poll stored it); items lost off a feed window: ${lost}`,
  );
  console.log(`stories: ${stories}; with more than one article: ${multiArticle}; with more than one outlet: ${multiSource}`);
  console.log(`stories holding two or more different ANT articles: ${mixed}`);
  console.log(`edited re-publications in their original's story: ${editedJoined}/${edited.length} (${((100 * editedJoined) / Math.max(1, edited.length)).toFixed(1)}%)`);
} finally {
  clearInterval(sampler);
  await jobs.close();
  rmSync(dir, { recursive: true, force: true });
}
