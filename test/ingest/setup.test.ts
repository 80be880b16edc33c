import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startConfiguredFeeds } from '../../src/ingest/setup.ts';
import { openStore } from '../../src/store/sqlite.ts';
import { localFeedUrl } from '../../src/sources/feeds.ts';
import type { PollReport } from '../../src/ingest/poller.ts';
import { FakePollClock } from './fake-poll-clock.ts';

const SAMPLE = fileURLToPath(new URL('../../fixtures/sample-feed.xml', import.meta.url));
const config = {
  timezone: 'Asia/Riyadh',
  feeds: { pollMinutes: 10, sampleFeed: SAMPLE },
  fetch: { allowHosts: [], timeoutMs: 1000, maxBytes: 5_000_000, maxRedirects: 3, userAgent: 'test' },
};

test('GIVEN a fresh store and the configured sample feed THEN the first round fills stories with several sources, and a restart adds nothing', async () => {
  const store = openStore(':memory:');
  await store.addFeed('file:///old/checkout/fixtures/sample-feed.xml', { now: '2025-01-01T00:00:00.000Z' });
  const clock = new FakePollClock(Date.parse('2026-01-01T08:00:00Z'));
  const fetcher = { get: () => Promise.reject(new Error('no network in tests')) };
  const rounds: PollReport[] = [];
  let done: () => void = () => {};
  const first = new Promise<void>((resolve) => (done = resolve));
  const running = await startConfiguredFeeds(config, { store, fetcher, clock, onRound: (r) => { rounds.push(r); done(); } });
  await first;
  await running.stop();
  assert.equal(rounds[0]?.added, 17);
  const stories = await store.listStories({ limit: 100 });
  assert.ok(stories.length >= 10 && stories.length <= 17, `stories: ${stories.length}`);
  assert.ok(stories.some((s) => s.sourceCount === 3));

  let again: () => void = () => {};
  const second = new Promise<void>((resolve) => (again = resolve));
  const restarted = await startConfiguredFeeds(config, { store, fetcher, clock, onRound: (r) => { rounds.push(r); again(); } });
  await second;
  await restarted.stop();
  assert.equal(rounds[1]?.added, 0);
  assert.deepEqual((await store.listFeeds()).map((f) => f.url), [localFeedUrl(SAMPLE)], 'the stale file: feed is gone');
  assert.equal(await store.countArticles(), 17);
});
