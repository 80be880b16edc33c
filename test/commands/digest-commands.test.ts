import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../src/store/index.ts';
import { SqliteDigestLedger } from '../../src/store/digest-ledger.ts';
import { startScheduler } from '../../src/schedule/scheduler.ts';
import { runCommand } from '../../src/commands/registry.ts';
import type { Services } from '../../src/commands/services.ts';
import type { CommandContext } from '../../src/commands/types.ts';
import type { DigestServices } from '../../src/schedule/index.ts';
import type { Message } from '../../src/messages/model.ts';
import { FakeClock, RecordingSender, seedStories } from '../schedule/helpers.ts';
import { parseOpml } from '../../src/sources/opml.ts';
import { UserError } from '../../src/commands/errors.ts';
import { ar } from '../../src/commands/ar.ts';

const T0 = Date.parse('2026-11-24T04:00:00.000Z');

/** All the text of some messages, for matching. */
const textOf = (ms: Message[]): string => JSON.stringify(ms.map((x) => x.blocks));

async function world(checkFeed: DigestServices['checkFeed'] = async (url) => ({ url, title: 'خلاصة تجريبية' }), quietHours = '') {
  const store = openStore(':memory:');
  const clock = new FakeClock(T0);
  const ledger = new SqliteDigestLedger(store.db);
  const sender = new RecordingSender(clock);
  const scheduler = await startScheduler({
    store,
    ledger,
    sender,
    settings: { topN: 5, timezone: 'Asia/Riyadh', quietHours },
    clock,
    cron: () => ({ stop() {} }),
    sweepMs: 0,
  });
  const digests: DigestServices = {
    store,
    scheduler,
    ledger,
    checkFeed,
    defaults: { times: ['08:00'], timezone: 'Asia/Riyadh', topN: 5, quietHours },
    failThreshold: 3,
  };
  const services = { digests, timezone: 'Asia/Riyadh' } as unknown as Services;
  const run = (name: string, args: string, extra: Partial<CommandContext> = {}) =>
    runCommand(
      name,
      { platform: 'telegram', chatId: 'telegram:-1001', userId: '7', args, isAdmin: async () => true, now: clock.now(), ...extra },
      services,
    );
  /** /digest: its reply, or the digest it sent through the chat's sender (the reply is then empty). */
  const digest = async (): Promise<string> => {
    const before = sender.sent.length;
    const reply = await run('digest', '');
    return textOf([...reply, ...sender.sent.slice(before).map((x) => x.message)]);
  };
  return { store, clock, scheduler, run, digest };
}

test('GIVEN /subscribe twice THEN the second updates the one subscription and says so', async () => {
  const { store, run } = await world();
  const first = textOf(await run('subscribe', '07:00,19:00 Asia/Baghdad'));
  assert.match(first, /تم الاشتراك/);
  assert.match(first, /07:00، 19:00 بتوقيت Asia\/Baghdad/);
  assert.match(first, /الموجز القادم/);
  const second = textOf(await run('subscribe', '"0 6 * * 1-5" هدوء 23:00-07:00'));
  assert.match(second, /حدّثت الاشتراك القائم/);
  assert.match(second, /ساعات الهدوء: 23:00-07:00/);
  const sub = await store.getSubscription('telegram:-1001');
  assert.deepEqual([sub?.times, sub?.timezone], [['0 6 * * 1-5'], 'Asia/Baghdad']);
  assert.equal((await store.listSubscriptions()).length, 1);
});

const REFUSALS: [string, RegExp][] = [
  ['25:00', /HH:MM/],
  ['07:00 Asia/Bagdad', /Asia\/Baghdad/],
  ['"0 25 * * *"', /تعبير cron غير صالح.*0 7 \* \* \*/],
];
for (const [args, why] of REFUSALS) {
  test(`GIVEN /subscribe ${args} THEN a clear Arabic refusal with an example`, async () => {
    const { store, run } = await world();
    assert.match(textOf(await run('subscribe', args)), why);
    assert.equal(await store.getSubscription('telegram:-1001'), undefined);
  });
}

test('GIVEN a member who is not an admin THEN /subscribe, /filter and /feeds are refused', async () => {
  const { run } = await world();
  for (const name of ['subscribe', 'filter', 'feeds', 'unsubscribe', 'digest']) {
    assert.match(textOf(await run(name, '', { isAdmin: async () => false })), /لمشرفي المحادثة/);
  }
});

test('GIVEN /subscribe @channel THEN the adapter must confirm the sender administers it', async () => {
  const { store, run } = await world();
  assert.match(textOf(await run('subscribe', '@mojaz_news 07:00')), /محادثة خاصة/);
  assert.match(textOf(await run('subscribe', '@mojaz_news 07:00', { adminChatOf: async () => undefined })), /مشرف في @mojaz_news/);
  const ok = textOf(await run('subscribe', '@mojaz_news 07:00', { adminChatOf: async (t) => (t === '@mojaz_news' ? 'telegram:-100555' : undefined) }));
  assert.match(ok, /للقناة @mojaz_news/);
  assert.deepEqual((await store.getSubscription('telegram:-100555'))?.times, ['07:00']);
  assert.equal(await store.getSubscription('telegram:-1001'), undefined);
  assert.match(textOf(await run('unsubscribe', '@mojaz_news', { adminChatOf: async () => 'telegram:-100555' })), /أُلغي الاشتراك/);
  assert.equal(await store.getSubscription('telegram:-100555'), undefined);
});

test('GIVEN /filter include and exclude THEN phrases are stored, listed and cleared', async () => {
  const { store, run } = await world();
  assert.match(textOf(await run('filter', 'include غزة، الضفة الغربية')), /أُضيف للتضمين/);
  assert.match(textOf(await run('filter', 'exclude الرياضة')), /للاستبعاد/);
  assert.deepEqual((await store.listFilters('telegram:-1001')).map((f) => [f.mode, f.pattern]), [
    ['include', 'غزة'],
    ['include', 'الضفة الغربية'],
    ['exclude', 'الرياضة'],
  ]);
  assert.match(textOf(await run('filter', 'list')), /الضفة الغربية/);
  assert.match(textOf(await run('filter', 'clear')), /حُذفت المرشحات \(3\)/);
  assert.match(textOf(await run('filter', 'shout')), /الاستعمال/);
});

test('GIVEN filters THEN /digest only carries the stories they let through', async () => {
  const { store, run, clock, digest: digestNow } = await world();
  await seedStories(store, ['قصف في غزة', 'مباراة الرياضة اليوم', 'اقتصاد الخليج'], new Date(T0 - 3_600_000).toISOString());
  await run('filter', 'exclude الرياضة');
  clock.t += 60_000;
  const digest = await digestNow();
  assert.match(digest, /قصف في غزة/);
  assert.match(digest, /اقتصاد الخليج/);
  assert.doesNotMatch(digest, /مباراة/);
  assert.match(textOf(await run('digest', '')), /لا أخبار جديدة منذ آخر موجز \(بعد المرشحات\)/);
});

test('GIVEN no filters THEN an empty /digest does not speak of filters; a digest says its period and each item its day', async () => {
  const { store, run, clock, digest: digestNow } = await world();
  assert.doesNotMatch(textOf(await run('digest', '')), /المرشحات/);
  await seedStories(store, ['قصف في غزة'], new Date(T0 - 3_600_000).toISOString());
  clock.t += 60_000;
  const digest = await digestNow();
  // Now is Tuesday 07:01 in Riyadh; a chat without a digest before gets the day before.
  assert.match(digest, /موجز الأخبار — من الاثنين 23 نوفمبر 07:01 إلى الثلاثاء 24 نوفمبر 07:01/u);
  assert.match(digest, /الثلاثاء 24 نوفمبر · مصدر واحد: /u);
});

test('GIVEN /feeds add of something that is not a feed THEN the Arabic reason is shown and nothing is added', async () => {
  const notFeed = Object.assign(new Error('not a feed'), { userMessage: 'هذا الرابط ليس خلاصة RSS أو Atom.' });
  const { store, run } = await world(async () => {
    throw notFeed;
  });
  assert.match(textOf(await run('feeds', 'add https://example.com/page')), /لم أضف الخلاصة: هذا الرابط ليس خلاصة/);
  assert.equal((await store.listFeeds()).length, 0);
});

test('GIVEN /feeds add, list and remove THEN the chat follows the feed, then not', async () => {
  const { store, run } = await world();
  assert.match(textOf(await run('feeds', 'add https://news.example/rss')), /أُضيفت الخلاصة «خلاصة تجريبية»/);
  assert.match(textOf(await run('feeds', 'add https://news.example/rss')), /متابعة أصلًا/);
  assert.match(textOf(await run('feeds', 'list')), /news\.example\/rss/);
  assert.match(textOf(await run('feeds', 'remove https://news.example/rss')), /أُزيلت/);
  assert.equal((await store.chatFeeds('telegram:-1001')).length, 0);
  assert.match(textOf(await run('feeds', 'add')), /الاستعمال/);
});

test('GIVEN /feeds import with an OPML file THEN its feeds are followed; a bad or huge file changes nothing; /feeds export gives them back', async () => {
  const { store, run } = await world();
  const file = (text: string): Partial<CommandContext> => ({ attachment: { name: 'subs.opml', read: async (max) => (Buffer.byteLength(text) > max ? undefined : text) } });
  const OPML = '<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="أخبار"><outline text="الجزيرة" xmlUrl="https://a.example/rss"/><outline text="بي بي سي" xmlUrl="https://b.example/rss"/></outline></body></opml>';
  assert.match(textOf(await run('feeds', 'import')), /أرسل ملف OPML/u);
  assert.match(textOf(await run('feeds', 'import', file('<rss><channel/></rss>'))), /لم أستورد شيئًا: هذا الملف ليس ملف OPML/u);
  assert.match(textOf(await run('feeds', 'import', file(OPML.replace('<head/>', `<head><title>${'x'.repeat(600_000)}</title></head>`)))), /لم أستورد شيئًا: الملف أكبر من/u);
  // A download that fails (a Telegram file link answering 502, say) is told of the file, not apologized for.
  const failing: Partial<CommandContext> = { attachment: { name: 'subs.opml', read: async () => Promise.reject(new Error('telegram: file download answered HTTP 502')) } };
  assert.match(textOf(await run('feeds', 'import', failing)), /"لم أستورد شيئًا: تعذّر تنزيل الملف المرفق\. أرفقه من جديد مع الأمر بعد قليل\."/u);
  // The console's path that is no file is said to be unreadable, not a download to attach again.
  const noPath: Partial<CommandContext> = { attachment: { name: './subs.opml', read: async () => Promise.reject(new UserError(ar.opmlNotReadable('./subs.opml'), 'cannot read')) } };
  assert.match(textOf(await run('feeds', 'import', noPath)), /لم أستورد شيئًا: تعذّرت قراءة الملف \.\/subs\.opml\. تأكد من المسار إلى ملف OPML\./u);
  assert.equal((await store.chatFeeds('telegram:-1001')).length, 0, 'nothing changed');
  await run('feeds', 'add https://a.example/rss');
  assert.match(textOf(await run('feeds', 'import', file(OPML))), /استوردت خلاصة واحدة من 2 \(1 متابعة أصلًا\)/u);
  assert.deepEqual((await store.chatFeeds('telegram:-1001')).map((f) => f.url).sort(), ['https://a.example/rss', 'https://b.example/rss']);
  const [exported] = await run('feeds', 'export');
  assert.equal(exported?.file?.name, 'mojaz-feeds.opml');
  const text = new TextDecoder().decode(exported!.file!.bytes);
  assert.deepEqual(parseOpml(text).map((f) => f.url).sort(), ['https://a.example/rss', 'https://b.example/rss']);
  assert.match(text, /text="بي بي سي"/u);
});

test('GIVEN the sample feed (a local file) among the feeds THEN /feeds export leaves it out and says so, and /feeds import of the export follows the same web feeds elsewhere', async () => {
  const { store, run, clock } = await world();
  const now = clock.now().toISOString();
  await store.addFeed('file:///srv/mojaz/fixtures/sample-feed.xml', { title: 'موجز — موجز أخبار نموذجي', now });
  await store.addFeed('https://a.example/rss', { title: 'الجزيرة', now });
  // The chat follows no feed of its own: it reads them all, the sample feed too.
  const [exported] = await run('feeds', 'export');
  assert.match(textOf([exported!]), /خلاصات هذه المحادثة \(1\)[^"]*تُركت منها خلاصة محلية/u);
  const opml = new TextDecoder().decode(exported!.file!.bytes);
  assert.doesNotMatch(opml, /file:/u);
  const back: Partial<CommandContext> = { chatId: 'telegram:-1002', attachment: { name: exported!.file!.name, read: async () => opml } };
  assert.match(textOf(await run('feeds', 'import', back)), /استوردت خلاصة واحدة من 1/u);
  assert.deepEqual((await store.chatFeeds('telegram:-1002')).map((f) => f.url), ['https://a.example/rss']);
  // Only the sample feed: nothing to export, said plainly.
  await store.removeFeed((await store.getFeed('https://a.example/rss'))!.id);
  const [none] = await run('feeds', 'export');
  assert.equal(none?.file, undefined);
  assert.match(textOf([none!]), /لا خلاصات ويب لتصديرها\. تُركت منها خلاصة محلية/u);
});

test('GIVEN /subscribe in a forum topic THEN the topic is subscribed, and /status in the group lists it', async () => {
  const { store, run } = await world();
  await run('subscribe', '07:30', { chatId: 'telegram:-1001:45' });
  assert.equal((await store.getSubscription('telegram:-1001:45'))?.times[0], '07:30');
  assert.equal(await store.getSubscription('telegram:-1001'), undefined);
  const status = textOf(await run('status', ''));
  assert.match(status, /مواضيع المنتدى المشتركة/u);
  assert.match(status, /الموضوع 45: [^"]*07:30/u);
});

test('GIVEN a subscription and a failing feed THEN /status shows the next digest and the Arabic error', async () => {
  const { store, run, clock } = await world();
  await run('subscribe', '08:00 Asia/Riyadh');
  const feed = await store.addFeed('https://down.example/rss', { title: 'موقع معطل', now: clock.now().toISOString() });
  await store.updateFeedPoll(feed.id, { lastFetch: clock.now().toISOString(), failures: 4, lastError: 'ECONNREFUSED', lastErrorMessage: 'الموقع لا يرد.' });
  const status = textOf(await run('status', ''));
  assert.match(status, /08:00 بتوقيت Asia\/Riyadh/);
  assert.match(status, /الموجز القادم: الثلاثاء، 24 نوفمبر في 08:00/);
  assert.match(status, /المتعطلة منها: 1/);
  assert.match(status, /موقع معطل/);
  assert.match(status, /الموقع لا يرد\./);
  assert.match(status, /لم يُرسل موجز بعد/);
});

test('GIVEN configured quiet hours THEN /subscribe and /status name the same ones, and none once turned off', async () => {
  const { run } = await world(undefined, '23:00-07:00');
  assert.match(textOf(await run('subscribe', '08:00')), /ساعات الهدوء: 23:00-07:00/);
  assert.match(textOf(await run('status', '')), /ساعات الهدوء: 23:00-07:00/);
  await run('subscribe', 'هدوء 22:00-06:00');
  assert.match(textOf(await run('status', '')), /ساعات الهدوء: 22:00-06:00/);
  await run('subscribe', 'هدوء لا');
  assert.doesNotMatch(textOf(await run('subscribe', '')), /ساعات الهدوء/);
  assert.doesNotMatch(textOf(await run('status', '')), /ساعات الهدوء/);
});

test('GIVEN an admin of a channel in a private chat THEN /filter, /feeds and /status act on the channel', async () => {
  const { store, run } = await world();
  const asAdmin = { chatId: 'telegram:42', adminChatOf: async (t: string) => (t === '@mojaz_news' ? 'telegram:-100555' : undefined) };
  await run('subscribe', '@mojaz_news 07:00', asAdmin);
  assert.match(textOf(await run('filter', '@mojaz_news exclude الرياضة', asAdmin)), /للاستبعاد/);
  assert.deepEqual((await store.listFilters('telegram:-100555')).map((f) => f.pattern), ['الرياضة']);
  assert.deepEqual(await store.listFilters('telegram:42'), []);
  assert.match(textOf(await run('feeds', '@mojaz_news add https://news.example/rss', asAdmin)), /أُضيفت/);
  assert.equal((await store.chatFeeds('telegram:-100555')).length, 1);
  const status = textOf(await run('status', '@mojaz_news', asAdmin));
  assert.match(status, /07:00 بتوقيت Asia\/Riyadh/);
  assert.match(status, /المرشحات: 1/);
  assert.match(textOf(await run('status', '@other_channel', asAdmin)), /مشرف في @other_channel/);
});
