import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger, describeError, redactSecrets } from '../../src/log/index.ts';
import { openStore } from '../../src/store/index.ts';
import { SqliteDigestLedger } from '../../src/store/digest-ledger.ts';
import { drain, type FanOutDeps } from '../../src/schedule/fanout.ts';
import { SendLimiter } from '../../src/messages/pacing.ts';
import { ChatGoneError } from '../../src/messages/sender.ts';
import { FakeClock, RecordingSender, openDigests } from '../schedule/helpers.ts';

const TOKEN = '7351946820:AAHk3Jx9_fakeFakeFake-TokenForTests12';
const T0 = Date.parse('2026-11-24T05:00:00.000Z');

/** A logger writing into an array, at every level. */
function recording(secrets: string[] = []): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'debug', secrets, write: (l) => lines.push(l), now: () => new Date(T0) }) };
}

test('GIVEN levels THEN lines below the configured level are dropped and every line has one shape', () => {
  const lines: string[] = [];
  const log = createLogger({ level: 'warn', write: (l) => lines.push(l), now: () => new Date(T0) });
  log.info('hidden');
  log.child('feeds').warn('feed 3 failed');
  log.child('feeds').child('page').error('boom');
  assert.deepEqual(lines, ['2026-11-24T05:00:00.000Z warn feeds: feed 3 failed', '2026-11-24T05:00:00.000Z error feeds/page: boom']);
});

test('GIVEN a configured secret or anything shaped like a token THEN no line carries it', () => {
  const { lines, log } = recording(['s3cret-webhook-value']);
  log.error(`request to https://api.telegram.org/bot${TOKEN}/sendMessage failed`);
  log.warn('hook s3cret-webhook-value rejected');
  log.info('POST https://discord.com/api/v10/interactions/123456789/aW50ZXJhY3Rpb246MTIz/callback');
  log.info('proxy http://user:pa55@proxy.example:8080/ refused');
  const all = lines.join('\n');
  for (const leaked of [TOKEN, 's3cret-webhook-value', 'aW50ZXJhY3Rpb246MTIz', 'pa55']) assert.ok(!all.includes(leaked), leaked);
  assert.match(all, /bot<token>\/sendMessage/u);
});

test('GIVEN a message with newlines THEN it stays one line (a feed cannot forge log lines)', () => {
  const { lines, log } = recording();
  log.info('title\n2026-11-24T05:00:00.000Z error fake line');
  assert.equal(lines.length, 1);
  assert.ok(!lines[0]!.includes('\n'));
});

test('GIVEN redactSecrets on ordinary text THEN it is unchanged', () => {
  const text = 'feed 12 failed (3 in a row): HTTP 502 from https://news.example/rss?id=20231208';
  assert.equal(redactSecrets(text), text);
});

test('GIVEN a platform whose every error echoes the request path THEN neither the fan-out log nor the ledger carries the token', async () => {
  const store = openStore(':memory:');
  const ledger = new SqliteDigestLedger(store.db);
  const clock = new FakeClock(T0);
  await openDigests(ledger, ['telegram:-1', 'telegram:-2'], T0);
  const echo = `/bot${TOKEN}/sendMessage`;
  const sender = new RecordingSender(clock, (chatId) =>
    chatId === 'telegram:-1' ? new Error(`request to https://api.telegram.org${echo} failed, reason: 502`) : new ChatGoneError(`403 on ${echo}`),
  );
  const { lines, log } = recording([]);
  const deps: FanOutDeps = { ledger, sender, limiter: new SendLimiter(clock), clock, owner: 'me', leaseMs: 60_000, concurrency: 2, log: (l) => log.warn(l) };
  const report = await drain(deps);
  assert.deepEqual([report.failed, report.gone], [1, 1]);
  assert.ok(lines.length > 0);
  assert.ok(lines.every((l) => !l.includes(TOKEN)), lines.join('\n'));
  const errors = store.db.prepare('SELECT error FROM deliveries').all() as Array<{ error: string | null }>;
  assert.equal(errors.length, 2);
  for (const { error } of errors) {
    assert.ok(error && !error.includes(TOKEN), String(error));
    assert.match(error, /<token>/u);
  }
});

test('GIVEN the json format THEN each line is one JSON object with time, level, component, message, chat and feed', () => {
  const lines: string[] = [];
  const log = createLogger({ level: 'info', format: 'json', write: (l) => lines.push(l), now: () => new Date(T0) });
  log.child('digests').warn('delivery failed', { chat: 'telegram:-100123' });
  log.child('feeds').info('feed recovered', { feed: 12 });
  log.info('started');
  log.debug('hidden');
  assert.equal(lines.length, 3);
  assert.deepEqual(
    lines.map((l) => JSON.parse(l) as unknown),
    [
      { time: '2026-11-24T05:00:00.000Z', level: 'warn', component: 'digests', msg: 'delivery failed', chat: 'telegram:-100123' },
      { time: '2026-11-24T05:00:00.000Z', level: 'info', component: 'feeds', msg: 'feed recovered', feed: 12 },
      { time: '2026-11-24T05:00:00.000Z', level: 'info', msg: 'started' },
    ],
  );
});

test('GIVEN the json format THEN a token in the message or a field is redacted and a newline cannot split the line', () => {
  const out: string[] = [];
  const log = createLogger({ level: 'debug', format: 'json', secrets: ['s3cret-webhook-value'], write: (l) => out.push(l), now: () => new Date(T0) });
  log.error(`POST /bot${TOKEN}/sendMessage failed\n{"level":"info","msg":"forged"}`, { chat: 'x s3cret-webhook-value' });
  assert.equal(out.length, 1);
  assert.ok(!out[0]!.includes(TOKEN) && !out[0]!.includes('s3cret-webhook-value'), out[0]);
  const parsed = JSON.parse(out[0]!) as { msg: string; chat: string; level: string };
  assert.equal(parsed.level, 'error');
  assert.match(parsed.msg, /bot<token>\/sendMessage failed ⏎ /u);
  assert.equal(parsed.chat, 'x <token>');
});

test('GIVEN the text format THEN the fields follow the message as key=value', () => {
  const { lines, log } = recording();
  log.child('feeds').warn('feed failed (3 in a row)', { feed: 7 });
  log.warn('could not notify', { chat: 'telegram:5', feed: 7 });
  assert.deepEqual(lines, [
    '2026-11-24T05:00:00.000Z warn feeds: feed failed (3 in a row) feed=7',
    '2026-11-24T05:00:00.000Z warn could not notify chat=telegram:5 feed=7',
  ]);
});

test('GIVEN errors of either platform THEN describeError gives one redacted line, with the request a Discord error carries', () => {
  const discordApiError = Object.assign(new Error('Unknown interaction\nsee docs'), { name: 'DiscordAPIError', method: 'PATCH', url: 'https://discord.com/api/v10/webhooks/900/aW50ZXJhY3Rpb24.tok-en_1/messages/@original' });
  const cases: Array<[unknown, string]> = [
    [discordApiError, 'DiscordAPIError: Unknown interaction see docs (PATCH https://discord.com/api/v10/webhooks/900/<token>/messages/@original)'],
    [new Error('POST /interactions/55/itoken-55/callback'), 'Error: POST /interactions/55/<token>/callback'],
    [new Error('Bot CONFIGURED-SECRET failed'), 'Error: Bot <token> failed'],
    [new Error('request to https://api.telegram.org/bot123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/getMe failed'), 'Error: request to https://api.telegram.org/bot<token>/getMe failed'],
    ['a string thrown', 'a string thrown'],
  ];
  for (const [err, expected] of cases) assert.equal(describeError(err, ['CONFIGURED-SECRET']), expected);
  assert.ok(describeError(new Error('x'.repeat(2000))).length <= 500);
});
