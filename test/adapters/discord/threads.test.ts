/**
 * Discord threads and forum channels against the loopback Discord: commands answer inside a
 * thread and act for it, digests reach a thread by its own id, and a forum channel gets each story
 * as a post of its own. The real discord.js client, a real SQLite store and the real scheduler.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config.ts';
import { startDiscord, type DiscordBot } from '../../../src/adapters/discord/index.ts';
import { TEXTS } from '../../../src/adapters/discord/interactions.ts';
import { openStore, type SqliteStore } from '../../../src/store/index.ts';
import { SqliteDigestLedger } from '../../../src/store/digest-ledger.ts';
import { startScheduler, type DigestScheduler } from '../../../src/schedule/scheduler.ts';
import { storyThreadMessages } from '../../../src/commands/story-thread.ts';
import { noteMergedForumPosts } from '../../../src/schedule/forum-merges.ts';
import { m } from '../../../src/messages/model.ts';
import { ARTICLE, fakeAnalyzer, fakeServices } from '../../commands/fakes.ts';
import { seedStories } from '../../schedule/helpers.ts';
import { startHttpServer, type Routes, type TestServer } from '../../fakes/http-server.ts';
import { localFeedUrl } from '../../../src/sources/feeds.ts';
import { createFetcher } from '../../../src/sources/http.ts';
import { fetchOpmlFile } from '../../../src/sources/opml.ts';
import { FakeDiscord, FAKE_CHANNEL_ID, FAKE_FORUM_ID } from '../../fakes/discord-gateway.ts';
import { buttonPress, slashCommand, PERMISSIONS, type Where } from '../../fakes/discord-interactions.ts';
import type { RecordedRequest } from '../../fakes/discord-rest.ts';

const TOKEN = 'fake.bot.token-THREADS';
const OPML =
  '<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="أخبار">' +
  '<outline text="الجزيرة" xmlUrl="https://a.example/rss"/><outline text="بي بي سي" xmlUrl="https://b.example/rss"/></outline></body></opml>';
const T0 = Date.parse('2026-11-24T05:00:00.000Z');
/** A thread of the fake text channel. */
const THREAD = { id: '31', parent: FAKE_CHANNEL_ID };
const ADMIN_IN_THREAD: Where = { thread: THREAD, permissions: PERMISSIONS.manageGuild };

const contentOf = (r: RecordedRequest | undefined): string =>
  String((r?.body as { content?: string } | undefined)?.content ?? '').replace(/[\u200b\u200f\u2066-\u2069]/g, '');
/** The content as Discord shows it: markdown escapes gone. */
const shownOf = (r: RecordedRequest | undefined): string => contentOf(r).replace(/\\(.)/gu, '$1');

describe('Discord threads against a loopback Discord', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  let store: SqliteStore;
  let scheduler: DigestScheduler;
  let files: TestServer;
  /** The files the loopback CDN serves (a test may add one). */
  const fileRoutes: Routes = {};
  /** Starts a bot on the fake Discord over the test's store, as a (re)started process would. */
  let startBot: () => Promise<DiscordBot>;
  // Time runs from T0 and can be moved ahead (`skip`); waits are real, so the send limiter lets
  // the loopback requests complete between its looks.
  const started = Date.now();
  const clock = {
    skipped: 0,
    now: () => new Date(T0 + clock.skipped + (Date.now() - started)),
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  };
  const services = fakeServices();

  before(async () => {
    fake = await new FakeDiscord(1000).start();
    fake.rest.channels.add(THREAD.id);
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '900', DISCORD_API_ROOT: fake.root });
    store = openStore(':memory:');
    files = await startHttpServer(Object.assign(fileRoutes, {
      '/subs.opml': { headers: { 'content-type': 'application/octet-stream' }, body: OPML },
      '/bad.opml': { headers: { 'content-type': 'text/plain' }, body: '<rss><channel/></rss>' },
      // An attachment whose CDN link has expired, and a CDN having a bad moment.
      '/gone.opml': { status: 404, body: 'not found' },
      '/busy.opml': { status: 503, body: 'busy' },
      // Says it is small, is not: the guarded client stops reading at the cap.
      '/huge.opml': { headers: { 'content-type': 'text/xml' }, stream: { chunk: `<outline text="x" xmlUrl="https://x.example/rss"/>${' '.repeat(8000)}`, count: 80 } },
    }));
    const fetcher = createFetcher({ allowHosts: ['127.0.0.1'], timeoutMs: 5000, maxBytes: 2_000_000, maxRedirects: 2, userAgent: 'mojaz-test' });
    startBot = () =>
      startDiscord(config, services, {
        readAttachment: (url, maxBytes) => fetchOpmlFile(fetcher, url, maxBytes),
        clock: () => clock.now(),
        log: { warn: () => {}, error: () => {} },
        storyThread: (post) => storyThreadMessages(store, services, post.articleIds, clock.now()),
        // As main.ts does: the forum posts a digest created are kept in the store.
        forumPosts: store,
      });
    bot = await startBot();
    const ledger = new SqliteDigestLedger(store.db);
    scheduler = await startScheduler({
      store,
      ledger,
      sender: bot.sender,
      settings: { topN: 5, timezone: 'Asia/Riyadh', quietHours: '' },
      clock,
      cron: () => ({ stop() {} }),
      sweepMs: 0,
    });
    services.digests = {
      store,
      scheduler,
      ledger,
      checkFeed: async (url) => ({ url }),
      defaults: { times: ['08:00'], timezone: 'Asia/Riyadh', topN: 5, quietHours: '' },
      failThreshold: 3,
    };
    await seedStories(store, ['انقطاع الكهرباء في البصرة', 'افتتاح معرض الكتاب في بغداد'], new Date(T0 - 3_600_000).toISOString());
  });

  after(async () => {
    await files?.close();
    await scheduler?.stop();
    await bot?.stop();
    await fake?.close();
    await store?.close();
  });

  /** Dispatches an interaction and waits until its deferred reply is edited; returns that edit. */
  async function interact(payload: { token: string }): Promise<RecordedRequest> {
    fake.dispatch('INTERACTION_CREATE', payload);
    return fake.rest.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/${payload.token}/messages/@original`));
  }

  test('GIVEN /subscribe in a thread THEN the thread is subscribed (not its channel) and the answer is the interaction reply in the thread', async () => {
    const payload = slashCommand('subscribe', { schedule: '07:30' }, ADMIN_IN_THREAD);
    const edit = await interact(payload);
    assert.match(contentOf(edit), /تم الاشتراك في الموجز/u);
    assert.equal((await store.getSubscription(`discord:${FAKE_CHANNEL_ID}:${THREAD.id}`))?.times[0], '07:30');
    assert.equal(await store.getSubscription(`discord:${FAKE_CHANNEL_ID}`), undefined);
    // The reply travels on the interaction's token (Discord shows it where the command was used): no channel post.
    assert.deepEqual(fake.rest.requests.filter((r) => r.path.includes(payload.token)).map((r) => r.method), ['POST', 'PATCH']);
  });

  test('GIVEN a subscribed thread THEN /status in its channel lists it, and /status in the thread shows its schedule', async () => {
    const inChannel = contentOf(await interact(slashCommand('status', {}, { permissions: PERMISSIONS.manageGuild })));
    assert.match(inChannel, /السلاسل ومنشورات المنتدى المشتركة/u);
    assert.match(inChannel, new RegExp(`السلسلة ${THREAD.id}: 07:30`, 'u'));
    const inThread = contentOf(await interact(slashCommand('status', {}, ADMIN_IN_THREAD)));
    assert.match(inThread, /المواعيد: 07:30 بتوقيت Asia\/Riyadh/u);
  });

  test('GIVEN /digest in a thread THEN the digest is posted to the thread by its id, never to the channel', async () => {
    const before = fake.rest.requests.length;
    const payload = slashCommand('digest', {}, ADMIN_IN_THREAD);
    fake.dispatch('INTERACTION_CREATE', payload);
    const post = await fake.rest.waitFor((r) => r.method === 'POST' && r.path === `/channels/${THREAD.id}/messages`);
    // Once the digest is posted the command has nothing more to say: its "thinking…" placeholder goes.
    await fake.rest.waitFor((r) => r.method === 'DELETE' && r.path.includes(payload.token));
    assert.match(contentOf(post), /انقطاع الكهرباء في البصرة/u);
    const posts = fake.rest.requests.slice(before).filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));
    assert.deepEqual([...new Set(posts.map((r) => r.path))], [`/channels/${THREAD.id}/messages`]);
  });

  test('GIVEN the thread\'s scheduled slot THEN the scheduler posts its digest into the thread', async () => {
    await seedStories(store, ['إضراب سائقي الأجرة في صفاقس'], new Date(clock.now().getTime() + 60_000).toISOString());
    clock.skipped += 3 * 3_600_000;
    const before = fake.rest.requests.length;
    const result = await scheduler.fire(`discord:${FAKE_CHANNEL_ID}:${THREAD.id}`, clock.now());
    assert.equal(typeof result === 'object' && result.status, 'opened');
    const report = await scheduler.sweep();
    assert.equal(report.sent, 1);
    const posts = fake.rest.requests.slice(before).filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));
    assert.deepEqual(posts.map((r) => r.path), [`/channels/${THREAD.id}/messages`]);
    assert.match(contentOf(posts[0]), /إضراب سائقي الأجرة/u);
  });

  test('GIVEN /brief in a thread THEN the thread remembers its own last article, apart from its channel', async () => {
    const text = 'أعلنت وزارة الكهرباء في البصرة أمس عودة التيار إلى أحياء المدينة بعد انقطاع دام يومين كاملين، وقال مدير التوزيع إن الأعطال أصلحت.';
    await interact(slashCommand('brief', { article: text }, { thread: THREAD }));
    assert.equal((await services.memory.lastArticle(`discord:${FAKE_CHANNEL_ID}:${THREAD.id}`))?.text, text);
    assert.notEqual((await services.memory.lastArticle(`discord:${FAKE_CHANNEL_ID}`))?.text, text);
  });

  test('GIVEN a button pressed in a thread THEN it acts on the thread\'s article and answers there', async () => {
    const brief = await interact(slashCommand('brief', { article: ARTICLE }, { thread: THREAD }));
    const buttons = (brief.body as { components?: { components: { custom_id?: string; label: string }[] }[] }).components?.flatMap((r) => r.components) ?? [];
    const timeline = buttons.find((b) => b.label === 'الخط الزمني');
    assert.ok(timeline?.custom_id);
    const press = buttonPress(timeline.custom_id, { thread: THREAD });
    const edit = await interact(press);
    assert.match(contentOf(edit), /^## الخط الزمني/u);
    assert.match(contentOf(edit), /6 ديسمبر/u);
    assert.equal((await services.memory.lastArticle(`discord:${FAKE_CHANNEL_ID}:${THREAD.id}`))?.text, ARTICLE);
  });

  test('GIVEN a timeline picture for a thread THEN the sender attaches it to a message posted to the thread\'s id', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 7]);
    await bot.sender.send(`discord:${FAKE_CHANNEL_ID}:${THREAD.id}`, { blocks: [m.paragraph('الخط الزمني')], picture: { name: 'timeline.png', png, width: 1, height: 1 } });
    const post = fake.rest.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${THREAD.id}/messages`).at(-1);
    assert.deepEqual(post?.files?.map((f) => f.name), ['timeline.png']);
  });

  test('GIVEN a thread that is archived and locked THEN the sender says the chat is gone (its subscription is paused, not retried forever)', async () => {
    fake.rest.failNext(new RegExp(`^POST /channels/${THREAD.id}/messages$`), 400, 50083);
    await assert.rejects(bot.sender.send(`discord:${FAKE_CHANNEL_ID}:${THREAD.id}`, { blocks: [m.paragraph('موجز')] }), { name: 'ChatGoneError' });
  });

  test('GIVEN /subscribe naming a forum channel (#forum) THEN the forum is subscribed, from any channel of the server', async () => {
    const refused = slashCommand('subscribe', { schedule: `<#${FAKE_FORUM_ID}> 09:00` }, { permissions: PERMISSIONS.none });
    fake.dispatch('INTERACTION_CREATE', refused);
    const callback = await fake.rest.waitFor((r) => r.path.endsWith(`/${refused.token}/callback`));
    assert.equal((callback.body as { data?: { content?: string } }).data?.content, TEXTS.adminOnly, 'a member without Manage Server is refused');
    assert.equal(await store.getSubscription(`discord:${FAKE_FORUM_ID}`), undefined);
    const edit = await interact(slashCommand('subscribe', { schedule: `<#${FAKE_FORUM_ID}> 09:00` }, { permissions: PERMISSIONS.manageGuild }));
    // The reply names the forum as Discord shows it, not the "<#id>" Discord put in the option.
    assert.match(shownOf(edit), /تم الاشتراك في الموجز للقناة #منتدى-الأخبار\./u);
    assert.doesNotMatch(shownOf(edit), /<#/u);
    assert.deepEqual((await store.getSubscription(`discord:${FAKE_FORUM_ID}`))?.times, ['09:00']);
    const again = shownOf(await interact(slashCommand('subscribe', { schedule: `<#${FAKE_FORUM_ID}> 10:00` }, { permissions: PERMISSIONS.manageGuild })));
    assert.match(again, /حدّثت الاشتراك القائم للقناة #منتدى-الأخبار/u);
    const stranger = contentOf(await interact(slashCommand('subscribe', { schedule: '<#999> 09:00' }, { permissions: PERMISSIONS.manageGuild })));
    assert.match(stranger, /لم أتحقق من أنك مشرف في القناة 999،/u);
    assert.equal(await store.getSubscription('discord:999'), undefined);
  });

  test('GIVEN a digest for a forum channel THEN each story is a post titled with it, its brief and sources first, its timeline and who list in its thread', async () => {
    const { analyze } = fakeAnalyzer();
    const at = new Date(clock.now().getTime() + 60_000).toISOString();
    const { article } = await store.upsertArticle({ title: 'هجوم صاروخي على السفارة الأميركية في بغداد', text: ARTICLE, outlet: 'وكالة', url: 'https://news.example/baghdad', seenAt: at });
    await store.saveAnalysis(article.id, 'test', analyze({ text: ARTICLE, reference: '2023-12-08' }), at);
    await store.createStory(article.id, 'هجوم صاروخي على السفارة الأميركية في بغداد', at);
    await seedStories(store, ['افتتاح معرض الكتاب في الموصل'], at);
    clock.skipped += 3 * 3_600_000;
    const before = fake.rest.requests.length;
    const result = await scheduler.fire(`discord:${FAKE_FORUM_ID}`, clock.now());
    assert.equal(typeof result === 'object' && result.status, 'opened');
    assert.equal((await scheduler.sweep()).sent, 1);
    const mine = fake.rest.requests.slice(before).filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));
    assert.equal(mine.filter((r) => r.path === `/channels/${FAKE_FORUM_ID}/messages`).length, 0, 'never a plain message to the forum');
    const created = mine.filter((r) => r.path === `/channels/${FAKE_FORUM_ID}/threads`);
    const names = created.map((r) => (r.body as { name: string }).name);
    assert.ok(names.includes('هجوم صاروخي على السفارة الأميركية في بغداد'), JSON.stringify(names));
    assert.ok(names.includes('افتتاح معرض الكتاب في الموصل'), JSON.stringify(names));
    const threads = [...fake.rest.threads].filter(([, t]) => t.parent === FAKE_FORUM_ID);
    assert.equal(threads.length, created.length);
    const [baghdad] = threads.find(([, t]) => t.name.includes('بغداد'))!;
    const first = String(fake.rest.threads.get(baghdad)!.message.content).replace(/[\u200b\u200f\u2066-\u2069]/g, '');
    assert.match(first, /تعرضت السفارة الأميركية في بغداد لهجوم صاروخي/u);
    assert.match(first, /مصدر واحد: \[وكالة\]/u);
    // Every follow-up names the thread it belongs to.
    const inThread = mine.filter((r) => r.path === `/channels/${baghdad}/messages`).map(contentOf);
    assert.equal(inThread.length, 2, JSON.stringify(inThread));
    assert.match(inThread[0]!, /^## الخط الزمني/u);
    assert.ok(inThread[0]!.indexOf('6 ديسمبر') < inThread[0]!.indexOf('8 ديسمبر'), 'oldest first');
    assert.match(inThread[1]!, /^## من هم/u);
    assert.match(inThread[1]!, /محمد شياع السوداني/u);
    for (const [id] of threads) assert.ok(mine.some((r) => r.path === `/channels/${id}/messages`), `follow-ups of ${id}`);
  });

  test('GIVEN a forum digest with more stories than fit THEN its last post carries «المزيد», and pressing it inside that post posts the next stories to the forum', async () => {
    const titles = ['أمطار غزيرة في الموصل', 'افتتاح جسر في البصرة', 'مؤتمر للطاقة في أربيل', 'إضراب المعلمين في كركوك', 'مهرجان للتمور في كربلاء', 'حملة تشجير في النجف', 'سباق للدراجات في بغداد'];
    await seedStories(store, titles, new Date(clock.now().getTime() + 60_000).toISOString());
    clock.skipped += 3 * 3_600_000;
    const before = fake.rest.requests.length;
    const result = await scheduler.fire(`discord:${FAKE_FORUM_ID}`, clock.now());
    assert.equal(typeof result === 'object' && result.status, 'opened');
    assert.equal((await scheduler.sweep()).sent, 1);
    const created = fake.rest.requests.slice(before).filter((r) => r.method === 'POST' && r.path === `/channels/${FAKE_FORUM_ID}/threads`);
    assert.equal(created.length, 5, 'topN posts');
    type Row = { components: { custom_id?: string; label: string }[] };
    const buttonsOf = (r: RecordedRequest) => ((r.body as { message?: { components?: Row[] } }).message?.components ?? []).flatMap((row) => row.components);
    assert.deepEqual(created.slice(0, -1).flatMap(buttonsOf), [], 'only the last post has it');
    const [more] = buttonsOf(created.at(-1)!);
    const left = Number(/^المزيد \((\d+)\)$/u.exec(more?.label ?? '')?.[1]);
    assert.ok(left >= 2, more?.label);
    // The button names the forum: pressed in the post, it acts for the forum, not for the post's thread.
    assert.equal(more?.custom_id, `digest <#${FAKE_FORUM_ID}>`);
    const lastPost = [...fake.rest.threads].at(-1)![0];
    const press = buttonPress(more!.custom_id!, { thread: { id: lastPost, parent: FAKE_FORUM_ID }, permissions: PERMISSIONS.manageGuild });
    const pressedAt = fake.rest.requests.length;
    fake.dispatch('INTERACTION_CREATE', press);
    await fake.rest.waitFor((r) => r.method === 'DELETE' && r.path.includes(press.token));
    const next = fake.rest.requests.slice(pressedAt).filter((r) => r.method === 'POST' && r.path.startsWith('/channels/'));
    const nextPosts = next.filter((r) => r.path === `/channels/${FAKE_FORUM_ID}/threads`).map((r) => (r.body as { name: string }).name);
    assert.equal(nextPosts.length, Math.min(left, 5), JSON.stringify(nextPosts));
    for (const name of nextPosts) assert.ok(!created.some((r) => (r.body as { name: string }).name === name), `${name} posted once`);
    assert.equal(next.filter((r) => r.path === `/channels/${lastPost}/messages`).length, 0, 'nothing posted into the thread the button was pressed in');
    assert.equal(await store.getSubscription(`discord:${FAKE_FORUM_ID}:${lastPost}`), undefined);
  });

  test('GIVEN a notice for a forum channel THEN it is one post titled with its heading', async () => {
    const before = fake.rest.threads.size;
    await bot.sender.send(`discord:${FAKE_FORUM_ID}`, { blocks: [m.heading('تنبيه: مصدر أخبار متعطّل'), m.paragraph('تعذّر جلب الخلاصة عدة مرات.')] });
    const added = [...fake.rest.threads.values()].slice(before);
    assert.deepEqual(added.map((t) => t.name), ['تنبيه: مصدر أخبار متعطّل']);
    assert.match(String(added[0]!.message.content), /تعذّر جلب الخلاصة/u);
  });

  test('GIVEN a forum digest that fails half-way THEN sending it again, even from a restarted bot, does not post its stories twice', async () => {
    const message = {
      blocks: [m.heading('موجز')],
      posts: ['أول', 'ثان'].map((word, i) => ({ title: `الخبر ال${word}`, message: { blocks: [m.paragraph(`ملخص الخبر ${i}`)] }, articleIds: [1] })),
    };
    const before = fake.rest.threads.size;
    // The first story's thread is created, then its timeline is refused once.
    fake.rest.failNext(/^POST \/channels\/\d+\/messages$/, 403, 50013);
    await assert.rejects(bot.sender.send(`discord:${FAKE_FORUM_ID}`, message));
    // The process stops; the one that starts over the same store retries the digest (the ledger's retry).
    const restarted = await startBot();
    try {
      await restarted.sender.send(`discord:${FAKE_FORUM_ID}`, message);
    } finally {
      await restarted.stop();
    }
    const added = [...fake.rest.threads.values()].slice(before);
    assert.deepEqual(added.map((t) => t.name), ['الخبر الأول', 'الخبر الثان']);
    // The first post's thread, created before the failure, got its timeline and who list after the restart.
    const [firstThread] = [...fake.rest.threads].find(([, t]) => t === added[0])!;
    assert.ok(fake.rest.find('POST', new RegExp(`^/channels/${firstThread}/messages$`)).length > 0);
    await bot.sender.send(`discord:${FAKE_FORUM_ID}`, message);
    assert.equal(fake.rest.threads.size, before + 2, 'and the first process, sending it once more, knows it too');
  });

  test('GIVEN stories posted to a forum, then merged THEN the merged-away post links the surviving post, which gets a note back and the merged timeline and who list; told once', async () => {
    const titles = ['تفجير قرب السفارة في بغداد', 'السوداني يدين تفجير بغداد', 'حريق في سوق الشورجة'];
    const [older, younger, fire] = await seedStories(store, titles, new Date(clock.now().getTime() + 60_000).toISOString());
    clock.skipped += 3 * 3_600_000;
    const result = await scheduler.fire(`discord:${FAKE_FORUM_ID}`, clock.now());
    assert.equal(typeof result === 'object' && result.status, 'opened');
    assert.equal((await scheduler.sweep()).sent, 1);
    const postOf = (title: string) => [...fake.rest.threads].find(([, t]) => t.name === title)![0];
    const [olderPost, youngerPost, firePost] = titles.map(postOf);
    // The younger story goes into the older; the fire into a story the forum never got.
    const [later] = await seedStories(store, ['الدفاع المدني يخمد حريق الشورجة'], clock.now().toISOString());
    await store.mergeStories(older!, younger!, clock.now().toISOString());
    await store.mergeStories(later!, fire!, clock.now().toISOString());
    const tell = () =>
      noteMergedForumPosts({
        store,
        sender: bot.sender,
        postLink: (chatId, thread) => bot.sender.postLink(chatId, thread),
        storyThread: (articleIds) => storyThreadMessages(store, services, articleIds, clock.now()),
      });
    const before = fake.rest.requests.length;
    assert.equal(await tell(), 2);
    const posted = fake.rest.requests.slice(before).filter((r) => r.method === 'POST');
    const inPost = (thread: string | undefined) => posted.filter((r) => r.path === `/channels/${thread}/messages`).map(shownOf);
    const [away, ...none] = inPost(youngerPost);
    assert.deepEqual(none, [], 'one note in the merged-away post');
    assert.match(away!, /ضُمّ هذا الخبر إلى خبر \[«تفجير قرب السفارة في بغداد»\]/u);
    assert.ok(away!.includes(`https://discord.com/channels/1/${olderPost}`), away);
    const [joined, timeline, who] = inPost(olderPost);
    assert.match(joined!, /انضمّ إلى هذا الخبر خبر \[«السوداني يدين تفجير بغداد»\]/u);
    assert.ok(joined!.includes(`https://discord.com/channels/1/${youngerPost}`), joined);
    assert.match(timeline!, /^## الخط الزمني/u);
    assert.match(who!, /^## من هم/u);
    // The fire's post goes on where it is: what joined it, then the merged story's timeline and who list.
    const [here, ...rest] = inPost(firePost);
    assert.match(here!, /انضمّ إلى هذا الخبر خبر «الدفاع المدني يخمد حريق الشورجة»/u);
    assert.equal(rest.length, 2);
    assert.equal(posted.filter((r) => r.path === `/channels/${FAKE_FORUM_ID}/threads`).length, 0, 'no new post');
    assert.equal(await tell(), 0, 'told once');
  });

  test('GIVEN /feeds import with an OPML attachment THEN the bot downloads it through the guarded client and follows its feeds; a bad or huge file changes nothing', async () => {
    const chat = `discord:${FAKE_CHANNEL_ID}:${THREAD.id}`;
    const importing = (file: string, size: number) =>
      slashCommand('feeds', { action: 'import', file: { filename: file, size, url: files.url(`/${file}`) } }, ADMIN_IN_THREAD);
    assert.match(contentOf(await interact(importing('bad.opml', 30))), /لم أستورد شيئًا: هذا الملف ليس ملف OPML/u);
    assert.match(contentOf(await interact(importing('huge.opml', 4000))), /لم أستورد شيئًا: الملف أكبر من 512 كيلوبايت/u);
    // A download that fails is told of the file, not of a web page or a link the user never typed.
    const gone = shownOf(await interact(importing('gone.opml', 30)));
    assert.match(gone, /لم أستورد شيئًا: تعذّر تنزيل الملف المرفق \(404\): ربما انتهت صلاحية رابطه أو حُذف\. أرفقه من جديد مع الأمر\./u);
    const busy = shownOf(await interact(importing('busy.opml', 30)));
    assert.match(busy, /لم أستورد شيئًا: تعذّر تنزيل الملف المرفق \(503\): خادم الملفات لم يسلّمه الآن/u);
    for (const said of [gone, busy]) assert.doesNotMatch(said, /الصفحة|الرابط|الموقع|الخبر/u);
    const seen = files.requests.length;
    assert.match(contentOf(await interact(importing('huge.opml', 900_000))), /لم أستورد شيئًا: الملف أكبر من/u);
    assert.equal(files.requests.length, seen, 'a file Discord says is too big is not downloaded');
    assert.match(contentOf(await interact(slashCommand('feeds', { action: 'import' }, ADMIN_IN_THREAD))), /أرفقه في خيار file/u);
    assert.deepEqual(await store.chatFeeds(chat), [], 'nothing changed');
    assert.match(contentOf(await interact(importing('subs.opml', OPML.length))), /استوردت خلاصتين من 2/u);
    assert.deepEqual((await store.chatFeeds(chat)).map((f) => f.url).sort(), ['https://a.example/rss', 'https://b.example/rss']);
    assert.ok(files.requests.every((r) => r.headers['user-agent'] === 'mojaz-test'), 'through the guarded client');
  });

  test('GIVEN /feeds export THEN the reply carries mojaz-feeds.opml as an attachment', async () => {
    const edit = await interact(slashCommand('feeds', { action: 'export' }, ADMIN_IN_THREAD));
    assert.deepEqual(edit.files?.map((f) => f.name), ['mojaz-feeds.opml']);
    const text = new TextDecoder().decode(edit.files![0]!.bytes);
    assert.match(text, /xmlUrl="https:\/\/a\.example\/rss"/u);
    assert.match(text, /text="بي بي سي"/u);
  });

  test('GIVEN a thread following the sample feed too THEN /feeds export leaves it out, and /feeds import of the exported attachment takes the file back', async () => {
    const chat = `discord:${FAKE_CHANNEL_ID}:${THREAD.id}`;
    const now = clock.now().toISOString();
    const sample = await store.addFeed(localFeedUrl('./fixtures/sample-feed.xml'), { title: 'موجز — موجز أخبار نموذجي', now });
    await store.followFeed(chat, sample.id, now);
    const edit = await interact(slashCommand('feeds', { action: 'export' }, ADMIN_IN_THREAD));
    assert.match(contentOf(edit), /خلاصات هذه المحادثة \\?\(2\\?\)[^]*تُركت منها خلاصة محلية/u);
    const exported = new TextDecoder().decode(edit.files![0]!.bytes);
    assert.doesNotMatch(exported, /file:/u);
    fileRoutes['/exported.opml'] = { headers: { 'content-type': 'application/octet-stream' }, body: exported };
    await store.unfollowFeed(chat, (await store.getFeed('https://b.example/rss'))!.id);
    const imported = await interact(slashCommand('feeds', { action: 'import', file: { filename: 'mojaz-feeds.opml', size: exported.length, url: files.url('/exported.opml') } }, ADMIN_IN_THREAD));
    assert.match(contentOf(imported), /استوردت خلاصة واحدة من 2 \\?\(1 متابعة أصلًا\\?\)/u);
    assert.deepEqual((await store.chatFeeds(chat)).map((f) => f.url).sort(), [sample.url, 'https://a.example/rss', 'https://b.example/rss']);
  });
});
