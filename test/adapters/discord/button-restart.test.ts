/**
 * A button whose action is too long for Discord's custom_id (a timeline of an article with a long
 * address) still works after a restart: the real discord.js client against the loopback Discord
 * posts it, the bot stops, a new one over the same store file takes the press.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import { startDiscord, type DiscordBot } from '../../../src/adapters/discord/index.ts';
import { TEXTS } from '../../../src/adapters/discord/interactions.ts';
import { m, type Message } from '../../../src/messages/model.ts';
import { openStore } from '../../../src/store/index.ts';
import { ARTICLE, fakeServices } from '../../commands/fakes.ts';
import { FakeDiscord, FAKE_CHANNEL_ID } from '../../fakes/discord-gateway.ts';
import { buttonPress } from '../../fakes/discord-interactions.ts';
import type { RecordedRequest } from '../../fakes/discord-rest.ts';

const TOKEN = 'fake.bot.token-BUTTONS';
const URL = `https://news.example/${encodeURIComponent('الهجوم-الصاروخي-على-السفارة-الأميركية-في-بغداد')}`;

const contentOf = (r: RecordedRequest | undefined): string =>
  String((r?.body as { content?: string } | undefined)?.content ?? '').replace(/[\u200b\u200f\u2066-\u2069]/g, '');

test('GIVEN a posted button whose action passes 100 characters WHEN the bot restarts over the same store THEN pressing it runs the action; with no store it says it has expired', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mojaz-buttons-'));
  const fake = await new FakeDiscord(1000).start();
  const services = fakeServices({ [URL]: { url: URL, title: 'هجوم على السفارة', text: ARTICLE } });
  const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: '900', DISCORD_API_ROOT: fake.root });
  const start = (buttonActions?: ReturnType<typeof openStore>): Promise<DiscordBot> =>
    startDiscord(config, services, { log: { warn: () => {}, error: () => {} }, ...(buttonActions ? { buttonActions } : {}) });
  const action = `timeline ${URL}`;
  assert.ok(action.length > 100, String(action.length));
  const message: Message = { blocks: [m.paragraph('الموجز')], buttons: [[{ kind: 'action', label: 'الخط الزمني', action }]] };
  try {
    const first = openStore(join(dir, 'mojaz.sqlite'));
    const before = await start(first);
    await before.sender.send(`discord:${FAKE_CHANNEL_ID}`, message);
    await before.stop();
    await first.close();
    const post = fake.rest.requests.find((r) => r.method === 'POST' && r.path === `/channels/${FAKE_CHANNEL_ID}/messages`);
    const customId = (post?.body as { components?: { components: { custom_id?: string }[] }[] }).components?.[0]?.components[0]?.custom_id ?? '';
    assert.ok(customId.startsWith('~k:') && customId.length <= 100, customId);

    const second = openStore(join(dir, 'mojaz.sqlite'));
    const after = await start(second);
    try {
      const press = buttonPress(customId);
      fake.dispatch('INTERACTION_CREATE', press);
      const edit = await fake.rest.waitFor((r) => r.method === 'PATCH' && r.path.endsWith(`/${press.token}/messages/@original`));
      assert.match(contentOf(edit), /^## الخط الزمني/u);
      assert.match(contentOf(edit), /6 ديسمبر/u);
    } finally {
      await after.stop();
      await second.close();
    }

    // Without a store (as before), the restarted bot no longer knows the key: a clear Arabic answer, privately.
    const bare = await start();
    try {
      const press = buttonPress(customId);
      fake.dispatch('INTERACTION_CREATE', press);
      const callback = await fake.rest.waitFor((r) => r.path.endsWith(`/${press.token}/callback`));
      const data = (callback.body as { data?: { content?: string; flags?: number } }).data;
      assert.equal(data?.content, TEXTS.expiredButton);
      assert.equal((data?.flags ?? 0) & 64, 64);
    } finally {
      await bare.stop();
    }
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
