import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, type Config } from '../../../src/config.ts';
import { startDiscord, type DiscordBot } from '../../../src/adapters/discord/index.ts';
import { TEXTS } from '../../../src/adapters/discord/interactions.ts';
import { renderDiscord } from '../../../src/messages/render/discord.ts';
import { m, type Message } from '../../../src/messages/model.ts';
import type { Command } from '../../../src/commands/types.ts';
import { FakeDiscord, FAKE_CHANNEL_ID } from '../../fakes/discord-gateway.ts';
import { buttonPress, messageCommand, slashCommand, PERMISSIONS } from '../../fakes/discord-interactions.ts';
import type { RecordedRequest } from '../../fakes/discord-rest.ts';

const TOKEN = 'fake.bot.token-SECRET';

interface TestServices {
  analyze(text: string): { brief: string[]; timeline: string[] };
  seen: { command: string; args: string; replyText?: string; chatId: string; admin: boolean }[];
}

const services: TestServices = {
  analyze: (text) => ({ brief: [`ملخص: ${text.slice(0, 60)}`], timeline: ['2023-12-08: هجوم'] }),
  seen: [],
};

async function remember(name: string, ctx: Parameters<Command['run']>[0], s: TestServices): Promise<void> {
  s.seen.push({ command: name, args: ctx.args, chatId: ctx.chatId, admin: await ctx.isAdmin(), ...(ctx.replyText ? { replyText: ctx.replyText } : {}) });
}

const briefMessage = (text: string, s: TestServices): Message => ({
  blocks: [m.heading('الموجز'), m.list(s.analyze(text).brief.map((b) => [b]))],
  buttons: [[{ kind: 'action', label: 'التسلسل الزمني', action: 'timeline a1' }, { kind: 'action', label: 'من هم', action: 'who a1' }]],
});

const commands: Command<TestServices>[] = [
  {
    name: 'brief',
    description: 'موجز خبر: الصق نصه أو رابطه',
    options: [{ name: 'text', description: 'نص الخبر أو رابطه', required: true }],
    async run(ctx, s) {
      await remember('brief', ctx, s);
      return briefMessage(ctx.args || ctx.replyText || '', s);
    },
  },
  {
    name: 'timeline',
    description: 'التسلسل الزمني لآخر خبر',
    async run(ctx, s) {
      await remember('timeline', ctx, s);
      return { blocks: [m.heading('التسلسل الزمني'), m.list(s.analyze('').timeline.map((t) => [t]))] };
    },
  },
  {
    name: 'boom',
    description: 'يفشل دائمًا',
    async run() {
      throw new Error(`exploded while calling https://discord.com/api/webhooks/1/${TOKEN}`);
    },
  },
  {
    name: 'subscribe',
    description: 'اشتراك القناة في الموجز اليومي',
    adminOnly: true,
    async run(ctx, s) {
      await remember('subscribe', ctx, s);
      return { blocks: [m.paragraph('تم الاشتراك.')] };
    },
  },
];

describe('Discord adapter against a loopback Discord', () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  let config: Config;
  const logged: string[] = [];

  before(async () => {
    fake = await new FakeDiscord(200).start();
    config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '900', DISCORD_API_ROOT: fake.root });
    bot = await startDiscord(config, services, {
      commands,
      clock: () => new Date('2023-12-08T09:00:00Z'),
      log: { warn: (l) => logged.push(l), error: (l) => logged.push(l) },
    });
  });

  after(async () => {
    await bot?.stop();
    await fake?.close();
  });

  /** Dispatches an interaction and waits for the request that finishes answering it. */
  async function interact(payload: { id: string; token: string }, done: (r: RecordedRequest) => boolean): Promise<RecordedRequest[]> {
    fake.dispatch('INTERACTION_CREATE', payload);
    await fake.rest.waitFor(done);
    return fake.rest.requests.filter((r) => r.path.includes(payload.token));
  }
  const editedOriginal = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.endsWith(`/${token}/messages/@original`);
  const followUp = (token: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith(`/${token}`);

  test('GIVEN the fake gateway THEN the client identified with the token over the URL from GET /gateway/bot', () => {
    assert.equal(fake.identifies.length, 1);
    assert.equal(fake.identifies[0]?.token, TOKEN);
    assert.equal(fake.rest.find('GET', /^\/gateway\/bot$/).length, 1);
  });

  test('GIVEN /brief with text THEN the reply is deferred, then edited to the rendered brief with buttons', async () => {
    const payload = slashCommand('brief', { text: 'سقطت صواريخ قرب السفارة' });
    const requests = await interact(payload, editedOriginal(payload.token));
    assert.deepEqual(requests.map((r) => r.method), ['POST', 'PATCH']);
    assert.deepEqual((requests[0]?.body as { type: number }).type, 5, 'DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE');
    const expected = renderDiscord(briefMessage('سقطت صواريخ قرب السفارة', services))[0]!;
    const body = requests[1]?.body as Record<string, unknown>;
    assert.equal(body.content, '## \u200f\u2067الموجز\u2069\n\n- \u200f\u2067ملخص: سقطت صواريخ قرب السفارة\u2069');
    assert.equal(body.content, expected.content);
    assert.deepEqual(body.allowed_mentions, { parse: [] });
    assert.deepEqual(
      (body.components as { components: { custom_id: string }[] }[])[0]?.components.map((c) => c.custom_id),
      ['timeline a1', 'who a1'],
    );
    assert.deepEqual(services.seen.at(-1), {
      command: 'brief',
      args: 'سقطت صواريخ قرب السفارة',
      chatId: `discord:${FAKE_CHANNEL_ID}`,
      admin: false,
    });
  });

  test('GIVEN the موجز context-menu command on a message THEN /brief runs on that message text', async () => {
    const payload = messageCommand('موجز', 'نص رسالة منشورة في القناة');
    const requests = await interact(payload, editedOriginal(payload.token));
    assert.equal(services.seen.at(-1)?.command, 'brief');
    assert.equal(services.seen.at(-1)?.replyText, 'نص رسالة منشورة في القناة');
    assert.match(String((requests.at(-1)?.body as { content: string }).content), /ملخص: نص رسالة منشورة/);
  });

  test('GIVEN a press on the timeline button THEN /timeline runs with the button arguments', async () => {
    const payload = buttonPress('timeline a1');
    const requests = await interact(payload, editedOriginal(payload.token));
    assert.deepEqual(services.seen.at(-1), { command: 'timeline', args: 'a1', chatId: `discord:${FAKE_CHANNEL_ID}`, admin: false });
    assert.match(String((requests.at(-1)?.body as { content: string }).content), /2023\\-12\\-08/);
  });

  test('GIVEN a handler that throws THEN an ephemeral apology, a redacted log line, and the next interaction works', async () => {
    const payload = slashCommand('boom');
    const requests = await interact(payload, followUp(payload.token));
    const apology = requests.at(-1)?.body as { content: string; flags: number };
    assert.equal(apology.content, TEXTS.apology);
    assert.equal(apology.flags & 64, 64, 'ephemeral');
    assert.ok(requests.some((r) => r.method === 'DELETE'), 'the public placeholder is removed');
    assert.ok(logged.some((l) => l.includes('/boom failed')));
    assert.ok(logged.every((l) => !l.includes(TOKEN)), 'the token never reaches the log');

    const next = slashCommand('brief', { text: 'خبر آخر' });
    await interact(next, editedOriginal(next.token));
    assert.equal(services.seen.at(-1)?.args, 'خبر آخر');
  });

  test('GIVEN an admin-only command THEN members without Manage Server are refused, admins and DMs pass', async () => {
    const refused = slashCommand('subscribe', {}, { permissions: PERMISSIONS.none });
    const [callback] = await interact(refused, (r) => r.path.includes(refused.token));
    const data = (callback?.body as { type: number; data: { content: string; flags: number } });
    assert.equal(data.type, 4);
    assert.equal(data.data.content, TEXTS.adminOnly);
    assert.equal(data.data.flags & 64, 64);

    const admin = slashCommand('subscribe', {}, { permissions: PERMISSIONS.administrator });
    await interact(admin, editedOriginal(admin.token));
    assert.equal(services.seen.at(-1)?.admin, true);

    const dm = slashCommand('subscribe', {}, { dm: true });
    await interact(dm, editedOriginal(dm.token));
    assert.deepEqual(services.seen.at(-1), { command: 'subscribe', args: '', chatId: 'discord:77', admin: true });
  });

  test('GIVEN a 429 on a channel post THEN the sender waits it out and the message lands once', async () => {
    fake.rest.rateLimitNext(/^POST \/channels\/10\/messages$/, 0.2);
    await bot.sender.send(`discord:${FAKE_CHANNEL_ID}`, { blocks: [m.paragraph('موجز الصباح')] });
    const posts = fake.rest.requests.filter((r) => r.path === `/channels/${FAKE_CHANNEL_ID}/messages`);
    assert.deepEqual(posts.map((r) => r.method), ['POST (429)', 'POST']);
  });
});
