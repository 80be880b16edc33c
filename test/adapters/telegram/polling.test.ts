import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/config.ts';
import { startTelegram } from '../../../src/adapters/telegram/index.ts';
import { FakeTelegramApi } from '../../fakes/telegram-api.ts';
import { fakeServices } from '../../commands/fakes.ts';

/** A bot on a fresh fake Bot API whose first getUpdates calls fail as given. */
async function botWith(failure: { error_code: number; description: string }, times: number) {
  const fake = new FakeTelegramApi();
  await fake.start();
  fake.maxPollMs = 300;
  fake.failNext('getUpdates', times, failure);
  const logs: string[] = [];
  const fatal: string[] = [];
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
  const telegram = await startTelegram(config, fakeServices(), {
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
    onFatal: (m) => fatal.push(m),
    conflictBackoffMs: () => 20,
  });
  return { fake, telegram, logs, fatal };
}

const until = async (ok: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

test('GIVEN getUpdates answers 409 (another instance polls) THEN the bot says so, polls again and answers commands', async () => {
  const { fake, telegram, logs, fatal } = await botWith({ error_code: 409, description: 'Conflict: terminated by other getUpdates request' }, 3);
  try {
    await until(() => logs.filter((l) => l.includes('409')).length >= 3);
    const from = fake.calls.length;
    fake.queueMessage('/help');
    await fake.waitFor('sendMessage', { from });
    assert.equal(fatal.length, 0);
    assert.match(logs.join('\n'), /another instance is polling with this token/u);
  } finally {
    await telegram.stop();
    await fake.stop();
  }
});

test('GIVEN getUpdates answers 401 (token revoked) THEN the host is told to stop, with a clear message', async () => {
  const { fake, telegram, fatal } = await botWith({ error_code: 401, description: 'Unauthorized' }, 1);
  try {
    await until(() => fatal.length > 0);
    assert.match(fatal[0]!, /401 Unauthorized.*TELEGRAM_BOT_TOKEN/u);
    assert.ok(!fatal[0]!.includes(fake.token));
  } finally {
    await telegram.stop();
    await fake.stop();
  }
});
