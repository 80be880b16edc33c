/**
 * A feed-ingest process for the crash test: polls a local feed file into the store file through
 * the real poller, store and grouper (a small stand-in analyzer keeps it quick). KILL_AFTER makes
 * it kill itself (SIGKILL, no clean-up) once that many articles were assigned a story, as the next
 * one is stored and before its story is assigned: a crash in the middle of ingest. It prints "done <added>" when it finishes a round.
 */
import { StoryGrouper } from '../../src/stories/grouper.ts';
import { openStore } from '../../src/store/index.ts';
import { localFeedUrl } from '../../src/sources/feeds.ts';
import { FeedPoller } from '../../src/ingest/poller.ts';
import type { Analysis } from '../../src/core/types.ts';

const env = process.env;
const killAfter = Number(env.KILL_AFTER ?? 0);
const store = openStore(env.DB!);
const grouper = new StoryGrouper(store);
await grouper.warm(Date.now());
const assign = grouper.assign.bind(grouper);
let assigned = 0;
grouper.assign = async (...args) => {
  // The crash window: the article is stored, its story not yet assigned.
  if (killAfter > 0 && assigned === killAfter) process.kill(process.pid, 'SIGKILL');
  assigned++;
  return assign(...args);
};
const analyze = (): Analysis => ({ sentences: [], brief: [], timeline: [], who: [], mentions: [], temporal: [], sources: [] });
const poller = new FeedPoller({
  store,
  fetcher: { get: () => Promise.reject(new Error('no network')) },
  analyze,
  grouper,
  localFeedPaths: [env.FEED!],
  owner: 'ingest-child',
});
await store.addFeed(localFeedUrl(env.FEED!), { now: new Date().toISOString() });
// The killed run's lease on the feed would keep it for one polling interval: a restart under the
// same instance name takes back what its predecessor held.
await store.releaseFeeds(poller.owner);
const report = await poller.pollDue();
process.stdout.write(`done ${report.added}\n`);
await store.close();
