/** /feeds — the feeds this chat's digests draw from: add (checked once), remove, list. */
import { m } from '../messages/model.ts';
import type { DigestServices } from '../schedule/service.ts';
import { feedsReadBy } from '../store/reading.ts';
import { UserError, userMessageOf } from './errors.ts';
import type { Command } from './types.ts';
import { notice } from './views.ts';
import { quoteArg } from '../messages/quote.ts';

const USAGE = 'الاستعمال:\n/feeds add https://example.com/rss.xml\n/feeds remove https://example.com/rss.xml\n/feeds list';

const ACTIONS: Record<string, 'add' | 'remove' | 'list'> = {
  add: 'add',
  'أضف': 'add',
  remove: 'remove',
  'احذف': 'remove',
  list: 'list',
  'قائمة': 'list',
};

/** The /feeds command. */
export const feedsCommand: Command<DigestServices> = {
  name: 'feeds',
  description: 'خلاصات الأخبار: /feeds add رابط، /feeds remove رابط، /feeds list',
  options: [{ name: 'action', description: 'add أو remove ثم رابط الخلاصة، أو list' }],
  adminOnly: true,
  channelArg: true,
  async run(ctx, digests) {
    const { store } = digests;
    const { chatId } = ctx;
    const [word = 'list', url] = ctx.args.split(/\s+/).filter(Boolean);
    const action = ACTIONS[word.toLowerCase()];
    if (!action || (action !== 'list' && !url)) throw new UserError(USAGE, 'bad feeds arguments');
    if (action === 'list') {
      const { feeds, followsSome } = await feedsReadBy(store, chatId);
      const head = followsSome ? 'الخلاصات التي تتابعها هذه المحادثة' : 'لا تتابع هذه المحادثة خلاصة بعينها، فيصلها ما في كل الخلاصات';
      if (feeds.length === 0) return notice(`لا خلاصات بعد.\n${USAGE}`);
      return {
        blocks: [
          m.heading(head),
          m.list(feeds.map((f) => [m.link(f.title ?? f.url, f.url), ...(f.failures >= digests.failThreshold ? [m.text(' — ⚠️ متعطلة')] : [])])),
        ],
      };
    }
    if (action === 'add') {
      let checked: { url: string; title?: string };
      try {
        checked = await digests.checkFeed(url!);
      } catch (err) {
        const why = userMessageOf(err);
        if (why === undefined) throw err;
        throw new UserError(`لم أضف الخلاصة: ${why}`, 'feed check failed');
      }
      const before = await store.chatFeeds(chatId);
      const feed = await store.addFeed(checked.url, { ...(checked.title ? { title: checked.title } : {}), addedBy: chatId, now: ctx.now.toISOString() });
      if (before.some((f) => f.id === feed.id)) return notice(`الخلاصة «${quoteArg(feed.title ?? feed.url, 80)}» متابعة أصلًا.`);
      await store.followFeed(chatId, feed.id, ctx.now.toISOString());
      const note = before.length === 0 ? ' صارت موجزات هذه المحادثة تأخذ من الخلاصات التي تتابعها فقط.' : '';
      return notice(`أُضيفت الخلاصة «${quoteArg(feed.title ?? feed.url, 80)}».${note}`);
    }
    const feed = await store.getFeed(url!);
    if (!feed || !(await store.unfollowFeed(chatId, feed.id))) return notice('هذه المحادثة لا تتابع هذه الخلاصة. اكتب /feeds list لرؤية ما تتابعه.');
    // A feed a chat added goes when nobody follows it any more; configured feeds stay.
    if (feed.addedBy && (await store.feedFollowers(feed.id)).length === 0) await store.removeFeed(feed.id);
    return notice(`أُزيلت الخلاصة «${quoteArg(feed.title ?? feed.url, 80)}».`);
  },
};
