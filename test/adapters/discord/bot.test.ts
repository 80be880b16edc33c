import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PermissionsBitField } from 'discord.js';
import { loadConfig } from '../../../src/config.ts';
import { startDiscord, type DiscordBot } from '../../../src/adapters/discord/index.ts';
import { TEXTS, isAdminBy } from '../../../src/adapters/discord/interactions.ts';
import { m } from '../../../src/messages/model.ts';
import { RateLimitedError } from '../../../src/messages/sender.ts';
import type { ArticleInput } from '../../../src/core/types.ts';
import { ARTICLE, fakeServices } from '../../commands/fakes.ts';
import { FakeDiscord, FAKE_CHANNEL_ID } from '../../fakes/discord-gateway.ts';
import { buttonPress, messageCommand, slashCommand, PERMISSIONS } from '../../fakes/discord-interactions.ts';
import type { RecordedRequest } from '../../fakes/discord-rest.ts';

const TOKEN = 'fake.bot.token-SECRET';
const RLM_RLI = '\u200f\u2067';
const PDI = '\u2069';
const FSI = '\u2068';

interface Body {
  type?: number;
  content?: string;
  flags?: number;
  allowed_mentions?: unknown;
  components?: { components: { custom_id?: string; label: string }[] }[];
  data?: { content: string; flags: number };
}
const body = (r: RecordedRequest | undefined): Body => (r?.body ?? {}) as Body;

describe('Discord adapter against a loopback Discord', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  const services = fakeServices();
  const realAnalyze = services.analyze;
  let failNext = false;
  services.analyze = (input: ArticleInput) => {
    if (failNext) {
      failNext = false;
      throw new Error(`core exploded; see https://discord.com/api/webhooks/900/${TOKEN}`);
    }
    return realAnalyze(input);
  };
  const logged: string[] = [];

  before(async () => {
    fake = await new FakeDiscord(1000).start();
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '900', DISCORD_API_ROOT: fake.root });
    bot = await startDiscord(config, services, {
      clock: () => new Date('2023-12-08T09:00:00Z'),
      log: { warn: (l) => logged.push(l), error: (l) => logged.push(l) },
    });
  });

  after(async () => {
    await bot?.stop();
    await fake?.close();
  });

  /** Dispatches an interaction, waits for the request that finishes answering it, returns its requests. */
  async function interact(payload: { token: string }, done: 'edit' | 'followUp' | 'callback'): Promise<RecordedRequest[]> {
    fake.dispatch('INTERACTION_CREATE', payload);
    const last: Record<typeof done, (r: RecordedRequest) => boolean> = {
      edit: (r) => r.method === 'PATCH' && r.path.endsWith(`/${payload.token}/messages/@original`),
      followUp: (r) => r.method === 'POST' && r.path.endsWith(`/${payload.token}`),
      callback: (r) => r.path.endsWith(`/${payload.token}/callback`),
    };
    await fake.rest.waitFor(last[done]);
    return fake.rest.requests.filter((r) => r.path.includes(payload.token));
  }

  test('GIVEN the fake gateway THEN the client identified with the token over the URL from GET /gateway/bot', () => {
    // Under a heavily loaded machine a missed heartbeat ACK may make the client reconnect once more.
    assert.ok(fake.identifies.length >= 1);
    for (const identify of fake.identifies) assert.equal(identify.token, TOKEN);
    assert.equal(fake.rest.find('GET', /^\/gateway\/bot$/).length, 1);
  });

  test('GIVEN /brief with article text THEN the reply is deferred, then edited to the exact rendered brief', async () => {
    const payload = slashCommand('brief', { article: ARTICLE });
    const requests = await interact(payload, 'edit');
    assert.deepEqual(requests.map((r) => r.method), ['POST', 'PATCH']);
    assert.equal(body(requests[0]).type, 5, 'DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE');
    const edit = body(requests[1]);
    assert.equal(
      edit.content,
      `## ${RLM_RLI}الموجز${PDI}\n\n` +
        `- ${RLM_RLI}تعرضت السفارة الأميركية في بغداد لهجوم صاروخي فجر الجمعة ${FSI}8${PDI} ديسمبر ${FSI}2023${PDI} دون وقوع ضحايا، وفق مسؤول أمني عراقي.${PDI}\n` +
        `- ${RLM_RLI}وقال المتحدث باسم السفارة في بيان إن الحكومة العراقية مطالبة بحماية الطواقم الدبلوماسية.${PDI}`,
    );
    assert.deepEqual(edit.allowed_mentions, { parse: [] });
    const buttons = edit.components?.[0]?.components ?? [];
    assert.deepEqual(buttons.map((b) => b.label), ['الخط الزمني', 'من هم؟']);
    assert.match(buttons[0]?.custom_id ?? '', /^timeline #[\w-]{10}$/);
    assert.equal((await services.memory.lastArticle(`discord:${FAKE_CHANNEL_ID}`))?.text, ARTICLE);
  });

  test('GIVEN a press on the brief\'s timeline button THEN /timeline runs on the same article', async () => {
    const brief = slashCommand('brief', { article: ARTICLE });
    const [, edit] = await interact(brief, 'edit');
    const customId = body(edit).components?.[0]?.components[0]?.custom_id ?? '';
    // Another article in between: the button must still mean the first one.
    await interact(slashCommand('brief', { article: ARTICLE.replace('بغداد', 'أربيل') }), 'edit');
    const press = buttonPress(customId);
    const requests = await interact(press, 'edit');
    const content = (body(requests.at(-1)).content ?? '').replace(/[\u200f\u2066-\u2069]/g, '');
    assert.match(content, /^## الخط الزمني\n/);
    assert.ok(content.indexOf('6 ديسمبر') < content.indexOf('8 ديسمبر'), 'oldest first');
    assert.match(content, /بغداد/);
    assert.doesNotMatch(content, /أربيل/);
  });

  test('GIVEN /timeline THEN its picture button answers with the timeline as a PNG attachment', async () => {
    const [, edit] = await interact(slashCommand('timeline', { article: ARTICLE }), 'edit');
    const buttons = body(edit).components?.flatMap((row) => row.components) ?? [];
    const picture = buttons.find((b) => b.label === 'الخط الزمني صورةً');
    assert.ok(picture?.custom_id, JSON.stringify(buttons));
    const requests = await interact(buttonPress(picture.custom_id), 'edit');
    const answer = requests.at(-1)!;
    assert.equal(answer.files?.length, 1);
    assert.equal(answer.files![0]!.name, 'timeline.png');
    assert.deepEqual([...answer.files![0]!.bytes.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.match((body(answer).content ?? '').replace(/[\u200f\u2066-\u2069]/g, ''), /^## الخط الزمني/);
  });

  test('GIVEN a message with a picture THEN the sender posts it as an attachment of the first part', async () => {
    fake.rest.channels.add('13');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await bot.sender.send('discord:13', { blocks: [m.paragraph('الخط الزمني')], picture: { name: 'timeline.png', png, width: 1, height: 1 } });
    const [post] = fake.rest.requests.filter((r) => r.path === '/channels/13/messages');
    assert.deepEqual(post?.files?.map((f) => [f.name, [...f.bytes]]), [['timeline.png', [...png]]]);
    assert.match(body(post).content ?? '', /الخط الزمني/);
  });

  test('GIVEN a message with a file (an OPML export) THEN the sender posts it as an attachment', async () => {
    fake.rest.channels.add('14');
    const bytes = new TextEncoder().encode('<opml version="2.0"/>');
    await bot.sender.send('discord:14', { blocks: [m.paragraph('خلاصات')], file: { name: 'mojaz-feeds.opml', bytes, mime: 'text/x-opml' } });
    const [post] = fake.rest.requests.filter((r) => r.path === '/channels/14/messages');
    assert.deepEqual(post?.files?.map((f) => [f.name, new TextDecoder().decode(f.bytes)]), [['mojaz-feeds.opml', '<opml version="2.0"/>']]);
  });

  test('GIVEN the موجز context-menu command on a message THEN the brief of that message comes back', async () => {
    const payload = messageCommand('موجز', ARTICLE);
    const requests = await interact(payload, 'edit');
    assert.match(body(requests.at(-1)).content ?? '', /^## \u200f\u2067الموجز\u2069\n\n- .*تعرضت السفارة الأميركية/);
  });

  test('GIVEN the context-menu command on a message without text THEN a private explanation', async () => {
    const payload = messageCommand('موجز', '');
    const [callback] = await interact(payload, 'callback');
    assert.equal(body(callback).type, 4);
    assert.equal(body(callback).data?.content, TEXTS.emptyMessage);
    assert.equal((body(callback).data?.flags ?? 0) & 64, 64);
  });

  test('GIVEN a handler that throws THEN an ephemeral apology, a redacted log line, and the next interaction works', async () => {
    failNext = true;
    const payload = slashCommand('brief', { article: ARTICLE });
    const requests = await interact(payload, 'followUp');
    const apology = body(requests.at(-1));
    assert.equal(apology.content, TEXTS.apology);
    assert.equal((apology.flags ?? 0) & 64, 64, 'ephemeral');
    assert.ok(requests.some((r) => r.method === 'DELETE'), 'the public placeholder is removed');
    assert.ok(logged.some((l) => l.includes('/brief failed') && l.includes('core exploded')));
    assert.ok(logged.every((l) => !l.includes(TOKEN)), 'the token never reaches the log');

    const next = slashCommand('brief', { article: ARTICLE });
    const after = await interact(next, 'edit');
    assert.match(body(after.at(-1)).content ?? '', /الموجز/);
  });

  test('GIVEN a user mistake THEN its Arabic explanation is the reply', async () => {
    const payload = slashCommand('brief', { article: 'short english text' });
    const requests = await interact(payload, 'edit');
    assert.match(body(requests.at(-1)).content ?? '', /ليس بالعربية|قصير/);
  });

  test('GIVEN an admin-only command from a member without Manage Server THEN a private refusal, nothing run', async () => {
    const payload = slashCommand('subscribe', { schedule: '07:00' }, { permissions: PERMISSIONS.none });
    const requests = await interact(payload, 'callback');
    assert.equal(requests.length, 1, 'answered at once, not deferred');
    assert.equal(body(requests[0]).type, 4);
    assert.equal(body(requests[0]).data?.content, TEXTS.adminOnly);
    assert.equal((body(requests[0]).data?.flags ?? 0) & 64, 64);
  });

  test('GIVEN a forgotten long button id THEN the button says it has expired, privately', async () => {
    const payload = buttonPress('~k:zzzz');
    const [callback] = await interact(payload, 'callback');
    assert.equal(body(callback).data?.content, TEXTS.expiredButton);
  });

  test('GIVEN /brief in a DM THEN the chat is the DM channel', async () => {
    await interact(slashCommand('brief', { article: ARTICLE }, { dm: true }), 'edit');
    assert.equal((await services.memory.lastArticle('discord:77'))?.text, ARTICLE);
  });

  test('GIVEN a 429 on a channel post THEN the sender waits it out and the message lands once', async () => {
    fake.rest.rateLimitNext(/^POST \/channels\/10\/messages$/, 0.2);
    await bot.sender.send(`discord:${FAKE_CHANNEL_ID}`, { blocks: [m.paragraph('موجز الصباح')] });
    const posts = fake.rest.requests.filter((r) => r.path === `/channels/${FAKE_CHANNEL_ID}/messages`);
    assert.deepEqual(posts.map((r) => r.method), ['POST (429)', 'POST']);
    assert.equal(body(posts[1]).content, `${RLM_RLI}موجز الصباح${PDI}`);
  });

  test('GIVEN a 429 longer than the client sits through THEN the sender throws RateLimitedError at once', async () => {
    fake.rest.channels.add('11');
    fake.rest.rateLimitNext(/^POST \/channels\/11\/messages$/, 31);
    await assert.rejects(bot.sender.send('discord:11', { blocks: [m.paragraph('x')] }), (error: unknown) => {
      assert.ok(error instanceof RateLimitedError);
      assert.ok(error.retryAfterMs >= 31_000 && error.retryAfterMs < 32_000, String(error.retryAfterMs));
      return true;
    });
  });

  test('GIVEN the gateway drops the connection THEN the client resumes and interactions still work', async () => {
    const before = fake.resumes.length;
    const identified = fake.identifies.length;
    fake.dropConnections(4000);
    // The interaction is sent while the client is away: the resume must replay it.
    const payload = slashCommand('brief', { article: ARTICLE });
    const requests = await interact(payload, 'edit');
    assert.match(body(requests.at(-1)).content ?? '', /الموجز/);
    assert.ok(fake.resumes.length > before);
    assert.equal(fake.resumes.at(-1)?.session_id, 'fake-session');
    assert.equal(fake.identifies.length, identified, 'resumed, not identified again');
  });

  test('GIVEN a digest over 2000 characters THEN the sender posts it in order, buttons under the last part', async () => {
    fake.rest.channels.add('12');
    const items = Array.from({ length: 30 }, (_, i) => [`البند ${i + 1}: ${'خبر عن الجلسة الطارئة لمجلس الأمن. '.repeat(2)}`]);
    await bot.sender.send('discord:12', {
      blocks: [m.heading('موجز الصباح'), m.list(items, true)],
      buttons: [[{ kind: 'action', label: 'الخط الزمني', action: 'timeline 1' }]],
    });
    const posts = fake.rest.requests.filter((r) => r.path === '/channels/12/messages').map(body);
    assert.ok(posts.length >= 2, String(posts.length));
    for (const post of posts) assert.ok((post.content ?? '').length <= 2000);
    const numbers = posts.flatMap((p) => [...(p.content ?? '').matchAll(/^(\d+)\. /gm)].map((x) => Number(x[1])));
    assert.deepEqual(numbers, items.map((_, i) => i + 1), 'numbering continues across parts');
    assert.deepEqual(posts.map((p) => p.components?.length ?? 0), [...posts.slice(1).map(() => 0), 1]);
  });

  test('GIVEN an unknown channel THEN the sender throws ChatGoneError', async () => {
    await assert.rejects(bot.sender.send('discord:404', { blocks: [m.paragraph('x')] }), { name: 'ChatGoneError' });
  });
});

test('GIVEN who acts where THEN the admin rule decides', () => {
  const cases: [boolean, bigint | null, boolean][] = [
    [false, null, true], // a DM: the user administers their own chat
    [true, 0n, false],
    [true, PermissionsBitField.Flags.ManageGuild, true],
    [true, PermissionsBitField.Flags.Administrator, true],
    [true, PermissionsBitField.Flags.SendMessages, false],
    [true, null, false],
  ];
  for (const [inGuild, bits, expected] of cases) {
    assert.equal(isAdminBy(inGuild, bits === null ? null : new PermissionsBitField(bits)), expected, `${inGuild} ${bits}`);
  }
});
