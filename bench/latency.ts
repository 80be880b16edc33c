/**
 * Latency of /brief, /timeline and /who as a Telegram user sees it: a ~1,000-word Arabic article
 * is served as a link by a loopback page server; each command goes in as a user's update through
 * the loopback Bot API fake to the real telegraf bot (long polling, the real analyzer and the
 * guarded fetcher); the clock runs from the update being queued to the fake receiving the
 * sendMessage that replies to it. Three scenarios:
 *   cached  — the same link again and again (the page and its analysis are reused, as in a chat
 *             where /brief is followed by /timeline and /who);
 *   fetch   — the page is fetched and extracted on every request (analysis reused by text hash);
 *   cold    — a different article text every request: fetch, extraction and analysis each time.
 * A /help line gives the floor (no article at all). Usage: npm run bench:latency [-- --n 200]
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startTelegram, type TelegramBot } from '../src/adapters/telegram/index.ts';
import { InMemoryChatMemory } from '../src/commands/memory.ts';
import { createServices, type ServicesOptions } from '../src/commands/wiring.ts';
import { loadConfig } from '../src/config.ts';
import { FakeTelegramApi } from '../test/fakes/telegram-api.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = `${ROOT}../shared/`;
const N = Number(process.argv[process.argv.indexOf('--n') + 1]) || 200;
const COLD_N = 30;

/** About 1,000 words: the seed article, then ANT articles until the count is reached. */
function buildArticle(): { title: string; paragraphs: string[]; words: number } {
  const seed = `${SHARED}seed/baghdad-embassy-attack.txt`;
  if (!existsSync(seed)) throw new Error(`missing ${seed}: the bench needs the shared seed article beside the repo`);
  const paragraphs = readFileSync(seed, 'utf8').split('\n').filter((p) => p.trim() !== '');
  const count = (): number => paragraphs.join(' ').split(/\s+/u).length;
  const ant = `${SHARED}data/ant/articles.jsonl`;
  const lines = existsSync(ant) ? readFileSync(ant, 'utf8').split('\n').slice(0, 200) : [];
  for (const line of lines) {
    if (count() >= 1000 || !line.trim()) continue;
    const { text } = JSON.parse(line) as { text: string };
    for (const p of text.split('\n')) if (count() < 1000 && p.trim()) paragraphs.push(p.trim());
  }
  return { title: 'السفارة الأميركية في بغداد تتعرض لهجوم صاروخي', paragraphs, words: count() };
}

/** A page server: /a/<anything> serves the article; `?v=N` adds a unique last paragraph (cold runs). */
async function startPages(article: ReturnType<typeof buildArticle>): Promise<{ server: Server; base: string }> {
  const escape = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
  const server = createServer((req, res) => {
    const variant = new URL(req.url ?? '/', 'http://x').searchParams.get('v');
    const extra = variant ? [`وأضاف المراسل في التحديث رقم ${variant} أن الوضع ما زال متوترًا في العاصمة.`] : [];
    const body = [...article.paragraphs, ...extra].map((p) => `<p>${escape(p)}</p>`).join('\n');
    const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escape(article.title)}</title>
<meta property="article:published_time" content="2023-12-08T10:00:00+03:00"></head>
<body><header><nav><a href="/">الرئيسية</a></nav></header><main><article><h1>${escape(article.title)}</h1>
${body}</article></main><footer>جميع الحقوق محفوظة</footer></body></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Sends `text` as a user's message and returns ms until the first reply reached the fake. */
async function roundTrip(fake: FakeTelegramApi, text: string, chatId: number): Promise<number> {
  const from = fake.calls.length;
  const queuedAt = performance.now();
  const { message } = fake.queueMessage(text, { chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'قارئ' } });
  const reply = await fake.waitFor('sendMessage', {
    from,
    timeoutMs: 30_000,
    test: (c) => (c.payload.reply_parameters as { message_id?: number } | undefined)?.message_id === message.message_id,
  });
  if (!String(reply.payload.text).startsWith('<b>')) throw new Error(`unexpected reply: ${String(reply.payload.text).slice(0, 200)}`);
  return reply.at - queuedAt;
}

async function scenario(
  name: string,
  options: ServicesOptions,
  run: (fake: FakeTelegramApi) => Promise<void>,
): Promise<void> {
  const fake = new FakeTelegramApi();
  await fake.start();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    MOJAZ_FETCH_ALLOW_HOSTS: '127.0.0.1',
    MOJAZ_LOG_LEVEL: 'silent',
  });
  const services = createServices(config, new InMemoryChatMemory(), options);
  const quiet = { info: () => {}, warn: (m: string) => console.error(m), error: (m: string) => console.error(m) };
  const bot: TelegramBot = await startTelegram(config, services, { log: quiet });
  try {
    console.log(`\n${name}`);
    await run(fake);
  } finally {
    await bot.stop();
    await fake.stop();
  }
}

/** Times `n` round trips; reports wall-clock median/p99/max and this process's CPU time per request. */
async function measure(label: string, n: number, once: (i: number) => Promise<number>): Promise<void> {
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) samples.push(await once(i));
  const used = process.cpuUsage(cpu);
  const sorted = [...samples].sort((a, b) => a - b);
  const fmt = (x: number): string => x.toFixed(1).padStart(7);
  // CPU time covers bot, fake API and page server (one process): a figure that machine load does not inflate much.
  const cpuPerRequest = (used.user + used.system) / 1000 / n;
  console.log(
    `  ${label.padEnd(10)} n=${String(n).padStart(3)}  median ${fmt(percentile(sorted, 50))} ms  p99 ${fmt(percentile(sorted, 99))} ms  max ${fmt(sorted[sorted.length - 1]!)} ms  cpu/request ${fmt(cpuPerRequest)} ms`,
  );
}

const article = buildArticle();
const pages = await startPages(article);
const url = `${pages.base}/a/baghdad`;
console.log(
  `article: ${article.words} words, ${article.paragraphs.length} paragraphs; ${N} requests per command; node ${process.version}; load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${availableParallelism()} cores`,
);

const scenarios: Array<[string, ServicesOptions]> = [
  ['cached: same link, page and analysis reused', {}],
  ['fetch: page fetched and extracted every request, analysis reused by text hash', { pageTtlMs: 0 }],
];
for (const [name, options] of scenarios) {
  await scenario(name, options, async (fake) => {
    // Warm-up: the first request fetches, extracts and analyses; then the JIT settles on every path.
    for (let i = 0; i < 30; i++) for (const command of ['brief', 'timeline', 'who', 'help']) await roundTrip(fake, `/${command} ${url}`, 1000);
    for (const command of ['brief', 'timeline', 'who']) {
      await measure(`/${command}`, N, (i) => roundTrip(fake, `/${command} ${url}`, 2000 + i));
    }
    if (options.pageTtlMs === undefined) {
      // The floor: a command that needs no article (polling, telegraf, rendering, HTTP to the fake).
      await measure('/help', N, (i) => roundTrip(fake, '/help', 2000 + i));
    }
  });
}

await scenario('cold: a different article every request (fetch + extraction + analysis)', { pageTtlMs: 0 }, async (fake) => {
  for (let i = 0; i < 3; i++) await roundTrip(fake, `/brief ${url}?v=warm${i}`, 1000);
  await measure('/brief', COLD_N, (i) => roundTrip(fake, `/brief ${url}?v=${i}`, 3000 + i));
});

pages.server.close();
