import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config.ts';
import { commands } from '../../../src/commands/registry.ts';
import { ar } from '../../../src/commands/ar.ts';
import type { ArticleInput } from '../../../src/core/types.ts';
import { ChatGoneError, RateLimitedError } from '../../../src/messages/sender.ts';
import { startTelegram, type TelegramBot } from '../../../src/adapters/telegram/index.ts';
import { TelegramSender } from '../../../src/adapters/telegram/sender.ts';
import { SendLimiter, type Pacer } from '../../../src/messages/pacing.ts';
import { FakeClock } from '../../schedule/helpers.ts';
import { FSI, PDI } from '../../../src/messages/render/bidi.ts';
import { FakeTelegramApi, type ApiCall, type UploadedFile } from '../../fakes/telegram-api.ts';
import { ARTICLE, fakeServices } from '../../commands/fakes.ts';
import { openStore } from '../../../src/store/index.ts';
import { localFeedUrl } from '../../../src/sources/feeds.ts';
import type { DigestServices } from '../../../src/schedule/index.ts';

describe('Telegram adapter against a loopback Bot API', () => {
  const fake = new FakeTelegramApi();
  const services = fakeServices({
    'https://news.example/long': {
      url: 'https://news.example/long',
      title: 'مقال طويل',
      text: Array.from({ length: 120 }, (_, n) => `وفي ${(n % 28) + 1} ديسمبر 2023 وقع الحدث رقم ${n} في المدينة وأعلنت السلطات تفاصيله كاملة للصحفيين.`).join(' '),
    },
  });
  const realAnalyze = services.analyze;
  let failNextAnalysis: string | undefined;
  services.analyze = (input: ArticleInput) => {
    if (failNextAnalysis) {
      const message = failNextAnalysis;
      failNextAnalysis = undefined;
      throw new Error(message);
    }
    return realAnalyze(input);
  };
  const logs: string[] = [];
  const waits: number[] = [];
  let telegram: TelegramBot;

  before(async () => {
    await fake.start();
    fake.maxPollMs = 2_000;
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    telegram = await startTelegram(config, services, {
      clock: () => new Date('2023-12-08T12:00:00Z'),
      log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
      send: { sleep: async (ms) => void waits.push(ms) },
    });
  });
  after(async () => {
    await telegram.stop();
    await fake.stop();
  });

  /** Queues a message and returns the first sendMessage that replies to it. */
  async function ask(text: string, options: Parameters<FakeTelegramApi['queueMessage']>[1] = {}): Promise<ApiCall> {
    const from = fake.calls.length;
    const { message } = fake.queueMessage(text, options);
    return fake.waitFor('sendMessage', {
      from,
      test: (c) => (c.payload.reply_parameters as { message_id?: number } | undefined)?.message_id === message.message_id,
    });
  }

  it('GIVEN the bot starts THEN the Arabic command menu is registered from the registry', () => {
    const [call] = fake.callsOf('setMyCommands');
    assert.deepEqual(
      (call!.payload.commands as Array<{ command: string }>).map((c) => c.command),
      commands.map((c) => c.name),
    );
    assert.match(JSON.stringify(call!.payload), /موجز مقال/u);
  });

  it('GIVEN /brief with an article THEN the exact HTML brief comes back with timeline and who buttons', async () => {
    const sent = await ask(`/brief ${ARTICLE}`);
    assert.equal(sent.payload.parse_mode, 'HTML');
    assert.equal(
      sent.payload.text,
      [
        '<b>الموجز</b>',
        `• تعرضت السفارة الأميركية في بغداد لهجوم صاروخي فجر الجمعة ${FSI}8${PDI} ديسمبر ${FSI}2023${PDI} دون وقوع ضحايا، وفق مسؤول أمني عراقي.`,
        '• وقال المتحدث باسم السفارة في بيان إن الحكومة العراقية مطالبة بحماية الطواقم الدبلوماسية.',
      ].join('\n'),
    );
    const keyboard = (sent.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> })
      .inline_keyboard;
    assert.deepEqual(keyboard[0]!.map((b) => b.text), [ar.buttons.timeline, ar.buttons.who]);
    assert.match(keyboard[0]![0]!.callback_data, /^timeline #[\w-]{10}$/u);
  });

  it('GIVEN the timeline button is pressed THEN the query is answered and the timeline of the same article is sent', async () => {
    const brief = await ask(`/brief ${ARTICLE}`);
    const data = (brief.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard[0]![0]!
      .callback_data;
    const from = fake.calls.length;
    fake.queueCallback(data, { message_id: 555, date: 0, chat: { id: 777, type: 'private' }, text: 'الموجز' });
    const sent = await fake.waitFor('sendMessage', { from });
    const answered = fake.calls.slice(from).findIndex((c) => c.method === 'answerCallbackQuery');
    assert.ok(answered >= 0 && answered < fake.calls.slice(from).indexOf(sent), 'answered before the reply');
    assert.deepEqual(sent.payload.reply_parameters, { message_id: 555, allow_sending_without_reply: true });
    assert.match(String(sent.payload.text), /^<b>الخط الزمني<\/b>\n• <b>\u2068?6\u2069? ديسمبر \u2068?2023\u2069?<\/b> — وكانت قاعدة عين الأسد/u);
    assert.match(String(sent.payload.text), /\n• <b>\u2068?8\u2069? ديسمبر \u2068?2023\u2069?<\/b> — تعرضت السفارة/u);
  });

  it('GIVEN /timeline THEN a picture button is under it, and pressing it sends the timeline as a PNG photo', async () => {
    const text = await ask(`/timeline ${ARTICLE}`);
    const keyboard = (text.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard;
    const button = keyboard.flat().find((b) => b.text === ar.buttons.picture);
    assert.ok(button, JSON.stringify(keyboard));
    assert.match(button.callback_data, /^timeline صورة #[\w-]{10}$/u);
    assert.ok(Buffer.byteLength(button.callback_data) <= 64);
    const from = fake.calls.length;
    fake.queueCallback(button.callback_data, { message_id: 556, date: 0, chat: { id: 777, type: 'private' }, text: 'الخط الزمني' });
    const photo = await fake.waitFor('sendPhoto', { from });
    const file = photo.payload.photo as UploadedFile;
    assert.deepEqual([...file.bytes.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(file.filename, 'timeline.png');
    assert.match(String(photo.payload.caption), /^<b>الخط الزمني<\/b>/u);
    assert.equal(photo.payload.parse_mode, 'HTML');
    assert.deepEqual(photo.payload.reply_parameters, { message_id: 556, allow_sending_without_reply: true });
    assert.equal(fake.calls.slice(from).filter((c) => c.method === 'sendMessage').length, 0, 'the caption carries the text');
  });

  it('GIVEN text with < & > THEN it is escaped in the reply', async () => {
    const sent = await ask(`/brief ${ARTICLE.replace('في بغداد', 'في بغداد <المنطقة الخضراء> & محيطها')}`);
    assert.match(String(sent.payload.text), /في بغداد &lt;المنطقة الخضراء&gt; &amp; محيطها/u);
  });

  it('GIVEN a reply too long for one message THEN it is split under 4096 with the buttons on the last part', async () => {
    const from = fake.calls.length;
    const { message } = fake.queueMessage('/timeline https://news.example/long');
    const replies = (): ApiCall[] =>
      fake.calls
        .slice(from)
        .filter((c) => c.method === 'sendMessage' && (c.payload.reply_parameters as { message_id: number }).message_id === message.message_id);
    // The last part is the one with buttons.
    await fake.waitFor('sendMessage', { from, test: (c) => c.payload.reply_markup !== undefined });
    const parts = replies();
    assert.ok(parts.length >= 2, `${parts.length} parts`);
    for (const part of parts) {
      assert.ok(String(part.payload.text).length <= 4096);
      assert.equal(part.payload.parse_mode, 'HTML');
    }
    assert.deepEqual(parts.map((p) => p.payload.reply_markup !== undefined), parts.map((_, i) => i === parts.length - 1));
    const lines = parts.flatMap((p) => String(p.payload.text).split('\n').filter((l) => l.startsWith('• ')));
    assert.equal(lines.length, 120);
  });

  it('GIVEN a handler that throws THEN the user gets an apology, the token is not logged, and the next update is served', async () => {
    failNextAnalysis = `boom with ${fake.token} inside`;
    const from = fake.calls.length;
    fake.queueMessage(`/brief ${ARTICLE}`);
    const apology = await fake.waitFor('sendMessage', { from });
    assert.equal(apology.payload.text, ar.apology);
    assert.ok(logs.some((l) => l.includes('boom with <token> inside')));
    assert.ok(!logs.some((l) => l.includes(fake.token)));
    const next = await ask('/help');
    assert.match(String(next.payload.text), /<b>الأوامر<\/b>/u);
  });

  it('GIVEN a 429 with retry_after THEN the bot waits as told and sends again', async () => {
    fake.rateLimitNext('sendMessage', 1, 3);
    const before = waits.length;
    const from = fake.calls.length;
    fake.queueMessage('/help');
    const first = await fake.waitFor('sendMessage', { from });
    const second = await fake.waitFor('sendMessage', { from: fake.calls.indexOf(first) + 1 });
    assert.deepEqual(waits.slice(before), [3000]);
    assert.equal(second.payload.text, first.payload.text);
    assert.equal(fake.calls.slice(from).filter((c) => c.method === 'sendMessage').length, 2);
  });

  it('GIVEN group chatter and a command for another bot THEN only the command for this bot is answered', async () => {
    const group = { id: -100200, type: 'supergroup', title: 'مجموعة' };
    const from = fake.calls.length;
    fake.queueMessage('مرحبا بالجميع', { chat: group });
    fake.queueMessage('/help@other_bot', { chat: group });
    const sent = await ask('/help@mojaz_test_bot', { chat: group });
    assert.equal(fake.calls.slice(from).filter((c) => c.method === 'sendMessage').length, 1);
    assert.equal((sent.payload.chat_id as number), -100200);
  });

  it('GIVEN a private message with a forwarded channel post and no command THEN it is briefed', async () => {
    const sent = await ask(ARTICLE, { extra: { forward_origin: { type: 'channel', chat: { id: -100300, type: 'channel' }, message_id: 9, date: 0 } } });
    assert.match(String(sent.payload.text), /^<b>الموجز<\/b>/u);
  });

  it('GIVEN a reply with /who to a message holding the article THEN the who list of that article comes back', async () => {
    const group = { id: -100201, type: 'supergroup', title: 'مجموعة' };
    const sent = await ask('/who', { chat: group, extra: { reply_to_message: { message_id: 1, date: 0, chat: group, text: ARTICLE } } });
    assert.match(String(sent.payload.text), /<b>أشخاص<\/b>\n• <b>محمد شياع السوداني<\/b> — رئيس الوزراء العراقي: <i>«نلتزم حماية مستشاري التحالف»<\/i>/u);
  });

  it('GIVEN a channel post addressed to the bot THEN it is answered in the channel', async () => {
    const from = fake.calls.length;
    fake.queueUpdate({ channel_post: { message_id: 71, date: 0, chat: { id: -100400, type: 'channel' }, text: `/brief@mojaz_test_bot ${ARTICLE}`, entities: [{ type: 'bot_command', offset: 0, length: 21 }] } });
    const sent = await fake.waitFor('sendMessage', { from });
    assert.equal(sent.payload.chat_id, -100400);
    assert.match(String(sent.payload.text), /^<b>الموجز<\/b>/u);
  });

  it('GIVEN an admin-only command THEN getChatMember decides in groups', async () => {
    commands.push({ name: 'adminonly', description: 'للمشرفين', adminOnly: true, run: async () => ({ blocks: [{ kind: 'heading', text: 'تم' }] }) });
    try {
      const group = { id: -100500, type: 'supergroup', title: 'مجموعة' };
      const refused = await ask('/adminonly', { chat: group, from: { id: 11, is_bot: false, first_name: 'عضو' } });
      assert.equal(refused.payload.text, ar.adminOnly);
      fake.memberStatus.set('-100500:12', 'administrator');
      const done = await ask('/adminonly', { chat: group, from: { id: 12, is_bot: false, first_name: 'مشرف' } });
      assert.equal(done.payload.text, '<b>تم</b>');
      assert.ok(fake.callsOf('getChatMember').some((c) => c.payload.user_id === 12));
      const privately = await ask('/adminonly');
      assert.equal(privately.payload.text, '<b>تم</b>');
    } finally {
      commands.pop();
    }
  });

  it('GIVEN a channel named from a private chat THEN adminChatOf vouches only for its admins', async () => {
    const seen: Array<string | undefined> = [];
    commands.push({
      name: 'whichchat',
      description: 'قناة',
      run: async (ctx) => {
        seen.push(await ctx.adminChatOf?.(ctx.args));
        return { blocks: [{ kind: 'heading', text: 'تم' }] };
      },
    });
    try {
      fake.chats.set('@mojaz_news', { id: -100900, type: 'channel', title: 'أخبار', username: 'mojaz_news' });
      fake.memberStatus.set('-100900:777', 'creator');
      await ask('/whichchat @mojaz_news');
      await ask('/whichchat @unknown_channel');
      fake.memberStatus.set('-100900:777', 'member');
      await ask('/whichchat @mojaz_news');
      assert.deepEqual(seen, ['telegram:-100900', undefined, undefined]);
    } finally {
      commands.pop();
    }
  });

  it('GIVEN a document captioned with a command, or replied to with one THEN the command reads it; a file is sent back as a document', async () => {
    const read: Array<string | undefined> = [];
    commands.push({
      name: 'readfile',
      description: 'اختبار',
      async run(ctx) {
        read.push(ctx.attachment ? `${ctx.attachment.name}:${await ctx.attachment.read(100)}` : undefined);
        return { blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'قرأت' }] }], file: { name: 'back.opml', bytes: new TextEncoder().encode('<opml/>'), mime: 'text/x-opml' } };
      },
    });
    try {
      fake.files.set('F1', Buffer.from('<opml version="2.0"/>'));
      fake.files.set('F2', Buffer.from('x'.repeat(200)));
      const from = fake.calls.length;
      fake.queueMessage('', { extra: { caption: '/readfile', caption_entities: [{ type: 'bot_command', offset: 0, length: 9 }], text: undefined, document: { file_id: 'F1', file_name: 'subs.opml', file_size: 21 } } });
      const doc = await fake.waitFor('sendDocument', { from });
      assert.deepEqual([...(doc.payload.document as UploadedFile).bytes], [...new TextEncoder().encode('<opml/>')]);
      assert.equal((doc.payload.document as UploadedFile).filename, 'back.opml');
      assert.match(String(doc.payload.caption), /قرأت/u);
      const from2 = fake.calls.length;
      fake.queueMessage('/readfile', { extra: { reply_to_message: { message_id: 1, date: 0, chat: { id: 777, type: 'private' }, document: { file_id: 'F2', file_name: 'big.opml' } } } });
      await fake.waitFor('sendDocument', { from: from2 });
      assert.deepEqual(read, ['subs.opml:<opml version="2.0"/>', 'big.opml:undefined'], 'a file over the limit is not read whole');
    } finally {
      commands.pop();
    }
  });

  it('GIVEN the sample feed and a web feed THEN the document /feeds export sends, captioned /feeds import, is taken back', async () => {
    const store = openStore(':memory:');
    const now = '2023-12-08T12:00:00.000Z';
    await store.addFeed(localFeedUrl('./fixtures/sample-feed.xml'), { title: 'موجز — موجز أخبار نموذجي', now });
    await store.addFeed('https://a.example/rss', { title: 'الجزيرة', now });
    services.digests = { store, failThreshold: 3 } as unknown as DigestServices;
    try {
      const from = fake.calls.length;
      fake.queueMessage('/feeds export');
      const doc = await fake.waitFor('sendDocument', { from });
      const exported = doc.payload.document as UploadedFile;
      assert.equal(exported.filename, 'mojaz-feeds.opml');
      assert.match(String(doc.payload.caption), /تُركت منها خلاصة محلية/u);
      fake.files.set('F3', Buffer.from(exported.bytes));
      const from2 = fake.calls.length;
      const caption = { caption: '/feeds import', caption_entities: [{ type: 'bot_command', offset: 0, length: 6 }], text: undefined };
      fake.queueMessage('', { extra: { ...caption, document: { file_id: 'F3', file_name: exported.filename, file_size: exported.bytes.length } } });
      const reply = await fake.waitFor('sendMessage', { from: from2 });
      assert.match(String(reply.payload.text), new RegExp(`استوردت خلاصة واحدة من ${FSI}1${PDI}\\.`, 'u'));
      assert.deepEqual((await store.listFeeds()).map((f) => f.url).filter((u) => u.startsWith('https:')), ['https://a.example/rss']);
    } finally {
      delete services.digests;
      await store.close();
    }
  });

  it('GIVEN a forum topic THEN the command acts for the topic and its thread id reaches the API on every message', async () => {
    const forum = { id: -100300, type: 'supergroup', title: 'منتدى', is_forum: true };
    const seen: string[] = [];
    commands.push({ name: 'whereami', description: 'اختبار', async run(ctx) { seen.push(ctx.chatId); return { blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'هنا' }] }] }; } });
    try {
      const from = fake.calls.length;
      fake.queueMessage('/whereami', { chat: forum, extra: { message_thread_id: 45, is_topic_message: true } });
      const answered = await fake.waitFor('sendMessage', { from });
      assert.equal(answered.payload.message_thread_id, 45);
      assert.deepEqual(seen, ['telegram:-100300:45']);
      // A reply thread in an ordinary group is no topic.
      fake.queueMessage('/whereami', { chat: { id: -100301, type: 'supergroup' }, extra: { message_thread_id: 9 } });
      const plain = await fake.waitFor('sendMessage', { from: fake.calls.length, test: (c) => c.payload.chat_id === -100301 || c.payload.chat_id === '-100301' });
      assert.equal(plain.payload.message_thread_id, undefined);
      assert.equal(seen[1], 'telegram:-100301');
    } finally {
      commands.pop();
    }
    // A timeline in the topic, its picture button pressed there, and a long digest to the topic.
    const from = fake.calls.length;
    fake.queueMessage(`/timeline ${ARTICLE}`, { chat: forum, extra: { message_thread_id: 45, is_topic_message: true } });
    const text = await fake.waitFor('sendMessage', { from, test: (c) => c.payload.reply_markup !== undefined });
    const data = (text.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat().find((b) => b.text === ar.buttons.picture)!.callback_data;
    fake.queueCallback(data, { message_id: 900, date: 0, chat: forum, message_thread_id: 45, is_topic_message: true, text: 'الخط الزمني' });
    const photo = await fake.waitFor('sendPhoto', { from });
    assert.equal(String(photo.payload.message_thread_id), '45');
    const items = Array.from({ length: 6 }, (_, i) => [{ kind: 'text' as const, text: `البند ${i + 1}: ${'خبر طويل عن الجلسة الطارئة. '.repeat(60)}` }]);
    const before = fake.calls.length;
    await telegram.sender.send('telegram:-100300:45', { blocks: [{ kind: 'list', ordered: true, items }] });
    const parts = fake.calls.slice(before).filter((c) => c.method === 'sendMessage');
    assert.ok(parts.length >= 2, String(parts.length));
    for (const part of [text, ...parts]) {
      assert.equal(part.payload.message_thread_id, 45);
      assert.equal(Number(part.payload.chat_id), -100300);
    }
  });

  it('GIVEN a blocked chat THEN the Sender throws ChatGoneError', async () => {
    fake.failNext('sendMessage', 1, { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await assert.rejects(telegram.sender.send('telegram:777', { blocks: [{ kind: 'heading', text: 'موجز اليوم' }] }), ChatGoneError);
  });

  it('GIVEN a group that became a supergroup THEN the message goes to the new chat id', async () => {
    fake.failNext('sendMessage', 1, {
      error_code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -100777 },
    });
    const from = fake.calls.length;
    await telegram.sender.send('telegram:-777', { blocks: [{ kind: 'heading', text: 'موجز' }] });
    const sent = fake.calls.slice(from).filter((c) => c.method === 'sendMessage');
    assert.deepEqual(sent.map((c) => c.payload.chat_id), ['-777', -100777]);
  });

  it('GIVEN a digest of 25 parts to a group THEN the pacer spreads it: a second apart, 20 in any minute, every part sent', async () => {
    const clock = new FakeClock(Date.parse('2026-11-24T05:00:00Z'));
    const limiter = new SendLimiter(clock);
    const times: number[] = [];
    const pacer: Pacer = {
      acquire: async (chatId) => {
        const release = await limiter.acquire(chatId);
        times.push(clock.t);
        return release;
      },
      pause: (chatId, ms) => limiter.pause(chatId, ms),
    };
    const sender = new TelegramSender(telegram.bot.telegram, { pacer });
    const from = fake.calls.length;
    const items = Array.from({ length: 25 }, (_, i) => [`البند ${i + 1}: ${'خبر طويل عن الجلسة الطارئة لمجلس الأمن الدولي. '.repeat(60)}`]);
    await sender.send('telegram:-100555', { blocks: [{ kind: 'list', ordered: true, items: items.map((it) => it.map((text) => ({ kind: 'text' as const, text }))) }] });
    const sent = fake.calls.slice(from).filter((c) => c.method === 'sendMessage');
    assert.ok(sent.length >= 25, String(sent.length));
    assert.equal(times.length, sent.length, 'every API call paced');
    for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 1000, `part ${i} came ${times[i]! - times[i - 1]!} ms after the one before`);
    for (let i = 20; i < times.length; i++) assert.ok(times[i]! - times[i - 20]! >= 60_000, `21 parts within a minute at ${i}`);
    // A private chat is paced a second apart only: 3 parts take 2 s, not a minute.
    times.length = 0;
    await sender.send('telegram:777', { blocks: [{ kind: 'list', ordered: true, items: items.slice(0, 3).map((it) => it.map((text) => ({ kind: 'text' as const, text }))) }] });
    assert.ok(times.length >= 3 && times.at(-1)! - times[0]! < 60_000 && times.at(-1)! - times[0]! >= 1000 * (times.length - 1));
  });

  it('GIVEN a Sender told not to wait THEN a 429 is a RateLimitedError with the wait in ms', async () => {
    fake.rateLimitNext('sendMessage', 1, 7);
    const sender = new TelegramSender(telegram.bot.telegram, { waitOnRateLimit: false });
    await assert.rejects(sender.send('telegram:777', { blocks: [{ kind: 'heading', text: 'موجز' }] }), (err: unknown) => {
      assert.ok(err instanceof RateLimitedError);
      assert.equal(err.retryAfterMs, 7000);
      return true;
    });
  });
});
