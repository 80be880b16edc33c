import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config.ts';
import { startTelegram, type TelegramBot } from '../../../src/adapters/telegram/index.ts';
import { startHttpServer, type HttpServer } from '../../../src/ops/http.ts';
import { FakeTelegramApi } from '../../fakes/telegram-api.ts';
import { fakeServices } from '../../commands/fakes.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** One instance in webhook mode: the bot, and the HTTP server its webhook route is mounted on. */
async function instance(env: Record<string, string>): Promise<{ bot: TelegramBot; server: HttpServer; base: string }> {
  const bot = await startTelegram(loadConfig(env), fakeServices(), { log: quiet });
  assert.ok(bot.webhook, 'webhook mode');
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: { [bot.webhook.path]: bot.webhook.handle } });
  return { bot, server, base: `http://127.0.0.1:${server.port}` };
}

describe('Telegram webhook mode', () => {
  it('GIVEN TELEGRAM_WEBHOOK_URL THEN the webhook is set with a secret derived from the token, and a request without it or with a wrong one is 401 with nothing handled', async () => {
    const fake = new FakeTelegramApi();
    await fake.start();
    const one = await instance({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg/hook' });
    try {
      const [set] = fake.callsOf('setWebhook');
      assert.equal(set!.payload.url, 'https://bot.example.com/tg/hook');
      assert.deepEqual(set!.payload.allowed_updates, ['message', 'channel_post', 'callback_query']);
      const secret = String(set!.payload.secret_token);
      assert.match(secret, /^[A-Za-z0-9_-]{32,256}$/u);
      assert.ok(!secret.includes(fake.token));
      assert.equal(fake.callsOf('getUpdates').length, 0);
      assert.equal(one.bot.webhook?.path, '/tg/hook');
      assert.ok(one.bot.connected());

      const from = fake.calls.length;
      assert.equal((await fake.deliverWebhook(one.base, '/help', 9, '')).status, 401, 'empty secret');
      assert.equal((await fake.deliverWebhook(one.base, '/help', 9, `${secret.slice(0, -1)}x`)).status, 401, 'wrong secret');
      const missing = await fetch(`${one.base}/tg/hook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"update_id":1}' });
      assert.equal(missing.status, 401, 'no secret header');
      assert.equal((await fetch(`${one.base}/tg/hook`)).status, 405, 'GET');
      assert.equal((await fetch(`${one.base}/other`)).status, 404);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(fake.calls.slice(from).filter((c) => c.method === 'sendMessage').length, 0, 'nothing handled');

      const real = await fake.deliverWebhook(one.base, '/help', 9);
      assert.equal(real.status, 200);
      const sent = await fake.waitFor('sendMessage', { from });
      assert.equal(sent.payload.chat_id, 9);
      assert.match(String(sent.payload.text), /<b>الأوامر<\/b>/u);
      assert.equal(fake.calls.filter((c) => c.method === 'sendMessage').length, 1);
    } finally {
      await one.bot.stop();
      await one.server.close();
      await fake.stop();
    }
  });

  it('GIVEN two instances with TELEGRAM_WEBHOOK_SECRET THEN either takes any update and every reply reaches Telegram once', async () => {
    const fake = new FakeTelegramApi();
    await fake.start();
    const env = { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/', TELEGRAM_WEBHOOK_SECRET: 'shared_Secret-42' };
    const a = await instance(env);
    const b = await instance(env);
    try {
      const sets = fake.callsOf('setWebhook');
      assert.equal(sets.length, 2);
      for (const set of sets) assert.deepEqual([set.payload.url, set.payload.secret_token], ['https://bot.example.com/telegram', 'shared_Secret-42']);
      const chats = [11, 12, 13, 14];
      const answers = await Promise.all(chats.map((chat, i) => fake.deliverWebhook(i % 2 === 0 ? a.base : b.base, '/help', chat)));
      assert.deepEqual(answers.map((r) => r.status), [200, 200, 200, 200]);
      // telegraf answers the webhook once the update is handled, so the replies are in by now.
      const replied = fake.callsOf('sendMessage').map((c) => Number(c.payload.chat_id)).sort();
      assert.deepEqual(replied, chats);
    } finally {
      await a.bot.stop();
      await b.bot.stop();
      await a.server.close();
      await b.server.close();
      await fake.stop();
    }
  });
});
