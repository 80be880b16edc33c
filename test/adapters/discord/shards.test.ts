/**
 * Discord sharding against the loopback Discord: the real discord.js client runs two gateway
 * shards in one process (DISCORD_SHARDS=2, or auto from GET /gateway/bot), each guild's events
 * come on its own shard, a command in a guild on each shard is answered once, and the digest
 * scheduler posts to a channel on each shard. Then two clients, each with one shard id
 * (DISCORD_SHARD_IDS, as two processes would run), split the guilds between them.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Events } from 'discord.js';
import { loadConfig } from '../../../src/config.ts';
import { clientSharding, startDiscord, type DiscordBot } from '../../../src/adapters/discord/index.ts';
import { openStore, type SqliteStore } from '../../../src/store/index.ts';
import { SqliteDigestLedger } from '../../../src/store/digest-ledger.ts';
import { startScheduler, type DigestScheduler } from '../../../src/schedule/scheduler.ts';
import { ARTICLE, fakeServices } from '../../commands/fakes.ts';
import { m } from '../../../src/messages/model.ts';
import { seedStories } from '../../schedule/helpers.ts';
import { FakeDiscord, FAKE_CHANNEL_ID, FAKE_FORUM_ID, FAKE_GUILD_ID, shardOf } from '../../fakes/discord-gateway.ts';
import { slashCommand, type Where } from '../../fakes/discord-interactions.ts';
import type { RecordedRequest } from '../../fakes/discord-rest.ts';

const TOKEN = 'fake.bot.token-SHARDS';
/** A guild whose events Discord sends on shard 1 of 2: (id >> 22) % 2 = 1. */
const OTHER_GUILD = { id: String(1n << 22n), name: 'غرفة الرياضة', channels: [{ id: '4194305', type: 0, name: 'رياضة' }] };
const IN_OTHER: Where = { guild: { id: OTHER_GUILD.id, channel: '4194305' } };
const T0 = Date.parse('2026-11-24T05:00:00.000Z');
const silent = { warn: () => {}, error: () => {} };

const contentOf = (r: RecordedRequest | undefined): string =>
  String((r?.body as { content?: string } | undefined)?.content ?? '').replace(/[\u200b\u200f\u2066-\u2069]/g, '');

/** A fake Discord with the fake guild on shard 0 and OTHER_GUILD on shard 1 (of 2); shards may identify at once. */
async function twoGuilds(recommendedShards = 1): Promise<FakeDiscord> {
  const fake = new FakeDiscord({ heartbeatIntervalMs: 1000, recommendedShards, maxConcurrency: 16 });
  fake.addGuild(OTHER_GUILD);
  return fake.start();
}

/** Starts a bot on `fake` with these sharding settings. */
function bot(fake: FakeDiscord, env: Record<string, string>, services = fakeServices()): Promise<DiscordBot> {
  const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '900', DISCORD_API_ROOT: fake.root, ...env });
  return startDiscord(config, services, { clock: () => new Date(T0), log: silent });
}

/** Dispatches /brief where `where` says and resolves with its edited reply, and every request on its token. */
async function brief(fake: FakeDiscord, where?: Where): Promise<{ edit: RecordedRequest; requests: RecordedRequest[] }> {
  const payload = slashCommand('brief', { article: ARTICLE }, where);
  fake.dispatch('INTERACTION_CREATE', payload);
  const edit = await fake.rest.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/${payload.token}/messages/@original`));
  return { edit, requests: fake.rest.requests.filter((r) => r.path.includes(payload.token)) };
}

const shardsIdentified = (fake: FakeDiscord): string[] => fake.identifies.map((i) => JSON.stringify(i.shard)).sort();

test('GIVEN the sharding settings THEN the discord.js client gets its shards and total count', () => {
  assert.deepEqual(clientSharding({}), {}, 'one connection: discord.js defaults');
  assert.deepEqual(clientSharding({ shards: 'auto' }), { shards: 'auto' });
  assert.deepEqual(clientSharding({ shards: 3 }), { shards: [0, 1, 2], shardCount: 3 });
  assert.deepEqual(clientSharding({ shards: 8, shardIds: [4, 5] }), { shards: [4, 5], shardCount: 8 });
});

describe('Discord sharded in one process (DISCORD_SHARDS=2) against a loopback Discord', () => {
  let fake: FakeDiscord;
  let discord: DiscordBot;
  let store: SqliteStore;
  let scheduler: DigestScheduler;
  const started = Date.now();
  const clock = { now: () => new Date(T0 + (Date.now() - started)), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

  before(async () => {
    fake = await twoGuilds();
    discord = await bot(fake, { DISCORD_SHARDS: '2' });
    store = openStore(':memory:');
    scheduler = await startScheduler({
      store,
      ledger: new SqliteDigestLedger(store.db),
      sender: discord.sender,
      settings: { topN: 5, timezone: 'Asia/Riyadh', quietHours: '' },
      clock,
      cron: () => ({ stop() {} }),
      sweepMs: 0,
    });
  });

  after(async () => {
    await scheduler?.stop();
    await discord?.stop();
    await fake?.close();
    await store?.close();
  });

  test('GIVEN DISCORD_SHARDS=2 THEN both shards identify with their shard field and each guild is on its shard', () => {
    assert.equal(shardOf(OTHER_GUILD.id, 2), 1);
    assert.deepEqual(shardsIdentified(fake), ['[0,2]', '[1,2]']);
    assert.deepEqual([...discord.client.ws.shards.keys()].sort(), [0, 1]);
    assert.equal(discord.client.guilds.cache.get(FAKE_GUILD_ID)?.shardId, 0);
    assert.equal(discord.client.guilds.cache.get(OTHER_GUILD.id)?.shardId, 1);
    assert.ok(discord.connected());
  });

  test('GIVEN a command in a guild on each shard THEN each is answered once, from its own shard', async () => {
    for (const where of [undefined, IN_OTHER]) {
      const { edit, requests } = await brief(fake, where);
      assert.match(contentOf(edit), /السفارة الأميركية في بغداد/u);
      // One deferral and one edit: the interaction reached one shard, not both.
      assert.deepEqual(requests.map((r) => r.method), ['POST', 'PATCH']);
    }
  });

  test('GIVEN digests due for a channel on each shard THEN the scheduler posts both', async () => {
    const chats = [`discord:${FAKE_CHANNEL_ID}`, `discord:${OTHER_GUILD.channels[0]!.id}`];
    const now = clock.now().toISOString();
    for (const chatId of chats) {
      await store.upsertSubscription({ chatId, platform: 'discord', times: ['08:00'], timezone: 'Asia/Riyadh', topN: 5, active: true, options: {} }, now);
    }
    await seedStories(store, ['انقطاع الكهرباء في البصرة'], new Date(T0 - 3_600_000).toISOString());
    for (const chatId of chats) {
      const result = await scheduler.fire(chatId, clock.now());
      assert.equal(typeof result === 'object' && result.status, 'opened', chatId);
    }
    assert.equal((await scheduler.sweep()).sent, 2);
    for (const channel of [FAKE_CHANNEL_ID, OTHER_GUILD.channels[0]!.id]) {
      const post = fake.rest.find('POST', new RegExp(`^/channels/${channel}/messages$`));
      assert.equal(post.length, 1, channel);
      assert.match(contentOf(post[0]), /انقطاع الكهرباء في البصرة/u);
    }
  });
});

describe('Discord shards: auto, and split over two processes (DISCORD_SHARD_IDS)', () => {
  test('GIVEN DISCORD_SHARDS=auto THEN the client runs the count GET /gateway/bot recommends, and one shard closed for good makes the bot not connected', async () => {
    const fake = await twoGuilds(2);
    const discord = await bot(fake, { DISCORD_SHARDS: 'auto' });
    try {
      assert.deepEqual(shardsIdentified(fake), ['[0,2]', '[1,2]']);
      assert.equal(discord.client.guilds.cache.size, 2);
      assert.ok(discord.connected());
      // Shard 1 closed for good (4014, an intent refused): the client stays "ready", the bot is not connected (/healthz says so).
      const gone = once(discord.client, Events.ShardDisconnect);
      fake.dropConnections(4014, 1);
      const [, shardId] = (await gone) as [unknown, number];
      assert.equal(shardId, 1);
      assert.ok(discord.client.isReady());
      assert.equal(discord.connected(), false);
    } finally {
      await discord.stop();
      await fake.close();
    }
  });

  test('GIVEN two clients with shard ids 0 and 1 of 2 THEN each holds its own guild and answers the commands of it alone, and either posts a digest to the other\'s forum', async () => {
    const fake = await twoGuilds();
    const first = await bot(fake, { DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '0' });
    const second = await bot(fake, { DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '1' });
    try {
      assert.deepEqual(shardsIdentified(fake), ['[0,2]', '[1,2]']);
      assert.deepEqual([...first.client.guilds.cache.keys()], [FAKE_GUILD_ID]);
      assert.deepEqual([...second.client.guilds.cache.keys()], [OTHER_GUILD.id]);
      for (const where of [undefined, IN_OTHER]) {
        const { edit, requests } = await brief(fake, where);
        assert.match(contentOf(edit), /السفارة الأميركية في بغداد/u);
        assert.deepEqual(requests.map((r) => r.method), ['POST', 'PATCH']);
      }
      // A digest to the forum of the guild on shard 0, sent by the process holding shard 1 (not in its cache): asked over REST, posted as a post.
      await second.sender.send(`discord:${FAKE_FORUM_ID}`, { blocks: [m.heading('موجز الرياضة'), m.paragraph('فاز الفريق.')] });
      assert.deepEqual([...fake.rest.threads.values()].map((t) => [t.parent, t.name]), [[FAKE_FORUM_ID, 'موجز الرياضة']]);
      assert.equal(fake.rest.find('POST', new RegExp(`^/channels/${FAKE_FORUM_ID}/messages$`)).length, 0);
    } finally {
      await first.stop();
      await second.stop();
      await fake.close();
    }
  });
});
