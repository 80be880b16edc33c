import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { loadConfig } from '../../../src/config.ts';
import { startTelegram } from '../../../src/adapters/telegram/index.ts';
import { FakeTelegramApi } from '../../fakes/telegram-api.ts';
import { fakeServices } from '../../commands/fakes.ts';

/** A free loopback port (bound and released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Telegram webhook mode', () => {
  it('GIVEN TELEGRAM_WEBHOOK_URL THEN the webhook is set with a secret, and only updates carrying it are served', async () => {
    const fake = new FakeTelegramApi();
    await fake.start();
    const port = await freePort();
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/tg/hook',
      TELEGRAM_WEBHOOK_PORT: String(port),
    });
    const bot = await startTelegram(config, fakeServices(), { log: { info: () => {}, warn: () => {}, error: () => {} } });
    try {
      const [set] = fake.callsOf('setWebhook');
      assert.equal(set!.payload.url, 'https://bot.example.com/tg/hook');
      const secret = String(set!.payload.secret_token);
      assert.match(secret, /^[A-Za-z0-9_-]{32,256}$/u);
      assert.ok(!secret.includes(fake.token));
      assert.equal(fake.callsOf('getUpdates').length, 0);

      const update = (id: number) =>
        JSON.stringify({ update_id: id, message: { message_id: id, date: 0, chat: { id: 9, type: 'private' }, from: { id: 9, is_bot: false, first_name: 'x' }, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] } });
      const post = (body: string, headers: Record<string, string>) =>
        fetch(`http://127.0.0.1:${port}/tg/hook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

      const forged = await post(update(1), {});
      assert.notEqual(forged.status, 200);
      const from = fake.calls.length;
      const real = await post(update(2), { 'x-telegram-bot-api-secret-token': secret });
      assert.equal(real.status, 200);
      const sent = await fake.waitFor('sendMessage', { from });
      assert.equal(sent.payload.chat_id, 9);
      assert.match(String(sent.payload.text), /<b>الأوامر<\/b>/u);
      assert.equal(fake.calls.filter((c) => c.method === 'sendMessage').length, 1);
    } finally {
      await bot.stop();
      await fake.stop();
    }
  });
});
