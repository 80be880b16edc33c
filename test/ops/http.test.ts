import { test } from 'node:test';
import assert from 'node:assert/strict';
import { healthRoute, metricsRoute, startHttpServer } from '../../src/ops/http.ts';
import { PromMetrics } from '../../src/log/metrics.ts';
import { openStore } from '../../src/store/index.ts';
import { SqliteDigestLedger } from '../../src/store/digest-ledger.ts';
import { drain } from '../../src/schedule/fanout.ts';
import { SendLimiter } from '../../src/messages/pacing.ts';
import { sendTelegramMessage } from '../../src/adapters/telegram/sender.ts';
import { Telegraf } from 'telegraf';
import { FakeClock, RecordingSender, openDigests } from '../schedule/helpers.ts';
import { FakeTelegramApi } from '../fakes/telegram-api.ts';

test('GIVEN /healthz THEN 200 with every check when all pass, 503 naming the failed one (a throw counts), 503 "stopping" while stopping', async () => {
  let telegram = true;
  let stopping = false;
  const server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes: {
      '/healthz': healthRoute(
        {
          store: () => true,
          telegram: () => telegram,
          discord: async () => {
            if (!telegram) throw new Error('gateway down');
            return true;
          },
        },
        () => stopping,
      ),
    },
  });
  const get = async (): Promise<[number, unknown]> => {
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/u);
    return [res.status, await res.json()];
  };
  try {
    assert.deepEqual(await get(), [200, { status: 'ok', checks: { store: true, telegram: true, discord: true } }]);
    telegram = false;
    assert.deepEqual(await get(), [503, { status: 'fail', checks: { store: true, telegram: false, discord: false } }]);
    telegram = true;
    stopping = true;
    assert.deepEqual(await get(), [503, { status: 'stopping', checks: { store: true, telegram: true, discord: true } }]);
  } finally {
    await server.close();
  }
});

test('GIVEN a route in flight WHEN the server closes THEN the request finishes, and new connections are refused', async () => {
  let release: () => void = () => undefined;
  let entered: () => void = () => undefined;
  const inFlight = new Promise<void>((resolve) => (entered = resolve));
  const server = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes: {
      '/slow': async (_req, res) => {
        const released = new Promise<void>((resolve) => (release = resolve));
        entered();
        await released;
        res.end('done');
      },
    },
  });
  const url = `http://127.0.0.1:${server.port}/slow`;
  const pending = fetch(url).then((r) => r.text());
  // Close only once the route holds the request (a fixed wait lost that race at load 30).
  await inFlight;
  const closed = server.close(5_000);
  release();
  assert.equal(await pending, 'done');
  await closed;
  await assert.rejects(fetch(url));
});

test('GIVEN the parts report THEN /metrics shows messages sent, 429s waited, feed results, analysis time and digest lag in Prometheus text', async () => {
  const metrics = new PromMetrics({ processMetrics: false });
  // A Telegram send answered 429 once, then accepted.
  const fake = new FakeTelegramApi();
  await fake.start();
  try {
    const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    fake.rateLimitNext('sendMessage', 1, 2);
    await sendTelegramMessage(bot.telegram, 5, { blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'مرحبا' }] }] }, { metrics, sleep: async () => undefined });
  } finally {
    await fake.stop();
  }
  // Two digests due at T0, delivered 90 s later by the fan-out.
  const T0 = Date.parse('2026-11-24T05:00:00.000Z');
  const store = openStore(':memory:');
  const ledger = new SqliteDigestLedger(store.db);
  await openDigests(ledger, ['telegram:-1', 'telegram:-2'], T0);
  const clock = new FakeClock(T0 + 90_000);
  const report = await drain({ ledger, sender: new RecordingSender(clock), limiter: new SendLimiter(clock), clock, owner: 'me', leaseMs: 60_000, concurrency: 2, metrics });
  assert.equal(report.sent, 2);
  metrics.feedFetched('ok');
  metrics.feedFetched('failed');
  metrics.feedFetched('ok');
  metrics.analysed(0.3);

  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes: { '/metrics': metricsRoute(metrics) } });
  try {
    const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/u);
    const text = await res.text();
    for (const line of [
      'mojaz_messages_sent_total{platform="telegram"} 1',
      'mojaz_messages_sent_total{platform="discord"} 0',
      'mojaz_rate_limited_total{platform="telegram"} 1',
      'mojaz_rate_limit_wait_seconds_total{platform="telegram"} 2',
      'mojaz_feed_fetches_total{result="ok"} 2',
      'mojaz_feed_fetches_total{result="failed"} 1',
      'mojaz_analysis_seconds_count 1',
      'mojaz_analysis_seconds_bucket{le="0.5"} 1',
      'mojaz_digest_lag_seconds_count 2',
      'mojaz_digest_lag_seconds_sum 180',
      'mojaz_digest_lag_seconds_bucket{le="60"} 0',
      'mojaz_digest_lag_seconds_bucket{le="120"} 2',
    ]) {
      assert.ok(text.split('\n').includes(line), `${line}\n---\n${text}`);
    }
  } finally {
    await server.close();
    await store.close();
  }
});

test('GIVEN two PromMetrics THEN each counts on its own (no process-wide registry)', () => {
  const a = new PromMetrics({ processMetrics: false });
  const b = new PromMetrics({ processMetrics: false });
  a.messageSent('telegram');
  assert.notEqual(a.registry, b.registry);
  return Promise.all([a.text(), b.text()]).then(([ta, tb]) => {
    assert.match(ta, /mojaz_messages_sent_total\{platform="telegram"\} 1/u);
    assert.match(tb, /mojaz_messages_sent_total\{platform="telegram"\} 0/u);
  });
});
