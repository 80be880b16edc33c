import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config.ts';
import { startTelegram, updateOf, type TelegramBot, type TelegramLog } from '../../../src/adapters/telegram/index.ts';
import type { Services } from '../../../src/commands/services.ts';
import { startHttpServer, type HttpServer } from '../../../src/ops/http.ts';
import { ar } from '../../../src/commands/ar.ts';
import { FakeTelegramApi } from '../../fakes/telegram-api.ts';
import { ARTICLE, fakeServices } from '../../commands/fakes.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** One instance in webhook mode: the bot, and the HTTP server its webhook route is mounted on. */
async function instance(
  env: Record<string, string>,
  services: Services = fakeServices(),
  log: TelegramLog = quiet,
): Promise<{ bot: TelegramBot; server: HttpServer; base: string }> {
  const bot = await startTelegram(loadConfig(env), services, { log });
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
      // The webhook is answered before the update is handled: the replies follow.
      await Promise.all(chats.map((chat) => fake.waitFor('sendMessage', { test: (c) => c.payload.chat_id === chat })));
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

  it('GIVEN a slow analysis THEN Telegram gets its 200 at once and the reply follows; a handler that fails is logged and apologized for, and the next update is served', async () => {
    const fake = new FakeTelegramApi();
    await fake.start();
    const services = fakeServices();
    const analyze = services.analyze.bind(services);
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let fail = false;
    services.analyze = async (input) => {
      await gate;
      if (fail) throw new Error('analysis crashed');
      return analyze(input);
    };
    const lines: string[] = [];
    const log = { info: () => {}, warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const one = await instance({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/hook' }, services, log);
    try {
      // The analysis is held: the webhook is answered all the same, and nothing is sent yet.
      const answer = await fake.deliverWebhook(one.base, `/brief ${ARTICLE}`, 31);
      assert.equal(answer.status, 200);
      assert.equal(fake.callsOf('sendMessage').length, 0);
      open();
      const brief = await fake.waitFor('sendMessage', { test: (c) => c.payload.chat_id === 31 });
      assert.match(String(brief.payload.text), /^<b>الموجز<\/b>/u);

      fail = true;
      const from = fake.calls.length;
      assert.equal((await fake.deliverWebhook(one.base, `/brief ${ARTICLE}`, 32)).status, 200);
      const apology = await fake.waitFor('sendMessage', { from, test: (c) => c.payload.chat_id === 32 });
      assert.equal(apology.payload.text, ar.apology);
      assert.ok(lines.some((l) => /update \d+ failed: .*analysis crashed/u.test(l)), lines.join('\n'));
      assert.ok(!lines.some((l) => l.includes(fake.token)));

      fail = false;
      assert.equal((await fake.deliverWebhook(one.base, '/help', 33)).status, 200);
      await fake.waitFor('sendMessage', { test: (c) => c.payload.chat_id === 33 });
      // A stop waits for the updates in hand.
      await one.bot.stop();
    } finally {
      await one.bot.stop();
      await one.server.close();
      await fake.stop();
    }
  });

  it('GIVEN a body that is no update, or too big THEN 400 or 413 and nothing is handled', async () => {
    assert.equal(updateOf(Buffer.from('{"update_id":7,"message":{}}'))?.update_id, 7);
    for (const bad of ['', 'not json', '[]', 'null', '{"update_id":"7"}', '{"message":{}}', '{"update_id":1.5}']) assert.equal(updateOf(Buffer.from(bad)), undefined, bad);
    const fake = new FakeTelegramApi();
    await fake.start();
    const one = await instance({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/hook' });
    try {
      const secret = String(fake.callsOf('setWebhook')[0]!.payload.secret_token);
      const post = (body: string): Promise<Response> =>
        fetch(`${one.base}/hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body });
      assert.equal((await post('{"message":')).status, 400);
      assert.equal((await post(JSON.stringify({ update_id: 5, pad: 'x'.repeat(1_100_000) }))).status, 413);
      assert.equal(fake.callsOf('sendMessage').length, 0);
    } finally {
      await one.bot.stop();
      await one.server.close();
      await fake.stop();
    }
  });
});
