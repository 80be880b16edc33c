/**
 * Feed polling as the composition root starts it from the settings: the configured sample feed
 * registered (so a fresh install has news for its first digest), the story index warmed from the
 * store, and the poller running every feeds.pollMinutes.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import type { Store } from '../store/types.ts';
import { StoryGrouper } from '../stories/grouper.ts';
import type { Fetcher } from '../sources/http.ts';
import { ensureLocalFeed, FeedPoller, startFeedPolling, systemPollClock, type FeedPollerDeps, type PollClock, type PollReport } from './poller.ts';

/** What {@link startConfiguredFeeds} needs beyond the settings. */
export interface FeedSetupDeps extends Pick<FeedPollerDeps, 'analyze' | 'prepare' | 'fetchFullArticle' | 'onFeedFailing' | 'onFeedRecovered' | 'log'> {
  store: Store;
  fetcher: Fetcher;
  clock?: PollClock;
  onRound?: (report: PollReport) => void;
}

/** A running feed poller. */
export interface RunningFeeds {
  poller: FeedPoller;
  grouper: StoryGrouper;
  /** Stops polling; resolves when the round in progress ends. */
  stop(): Promise<void>;
}

/** Registers the sample feed (when configured and present), warms the story index and starts polling. */
export async function startConfiguredFeeds(config: Pick<Config, 'feeds' | 'timezone' | 'fetch'>, deps: FeedSetupDeps): Promise<RunningFeeds> {
  const clock = deps.clock ?? systemPollClock;
  const sample = config.feeds.sampleFeed ? resolve(config.feeds.sampleFeed) : undefined;
  const localFeedPaths = sample && existsSync(sample) ? [sample] : [];
  const sampleFeed = localFeedPaths[0] ? await ensureLocalFeed(deps.store, localFeedPaths[0], clock.now().toISOString()) : undefined;
  // A file: feed other than the configured one is left from an earlier setting (or checkout path): drop it.
  for (const f of await deps.store.listFeeds()) {
    if (f.url.startsWith('file:') && f.id !== sampleFeed?.id) await deps.store.removeFeed(f.id);
  }
  const grouper = new StoryGrouper(deps.store);
  await grouper.warm(clock.now().getTime());
  const { onRound, store, fetcher, ...rest } = deps;
  const poller = new FeedPoller({
    ...rest,
    store,
    fetcher,
    clock,
    grouper,
    localFeedPaths,
    options: { pollMinutes: config.feeds.pollMinutes, timezone: config.timezone, maxBytes: config.fetch.maxBytes, timeoutMs: config.fetch.timeoutMs },
  });
  const stop = startFeedPolling(poller, { clock, ...(onRound ? { onRound } : {}) });
  return { poller, grouper, stop };
}
