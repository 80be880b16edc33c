/** /feeds — the feeds this chat's digests draw from: add (checked once), remove, list. */
import { m, type Message } from '../messages/model.ts';
import type { DigestServices } from '../schedule/index.ts';
import { feedsReadBy } from '../store/reading.ts';
import { UserError, userMessageOf } from './errors.ts';
import type { Command, CommandContext } from './types.ts';
import { buildOpml, fileUnreadable, isOpmlFeedUrl, OPML_MAX_BYTES, OpmlError, parseOpml, type OpmlFeed } from '../sources/opml.ts';
import { notice } from './views.ts';
import { quoteArg } from '../messages/quote.ts';
import { counted } from '../messages/count.ts';

/** "خلاصة" (a feed) after a number, as the object of استوردت. */
const FEEDS = { singular: 'خلاصة', one: 'خلاصة واحدة', two: 'خلاصتين', plural: 'خلاصات' };

const USAGE =
  'الاستعمال:\n/feeds add https://example.com/rss.xml\n/feeds remove https://example.com/rss.xml\n/feeds list\n' +
  '/feeds import مع ملف OPML (أرسله مع الأمر في التعليق، أو رُدّ به على الملف؛ وعلى ديسكورد في خيار file)\n/feeds export';

const ACTIONS: Record<string, 'add' | 'remove' | 'list' | 'import' | 'export'> = {
  add: 'add',
  'أضف': 'add',
  remove: 'remove',
  'احذف': 'remove',
  list: 'list',
  'قائمة': 'list',
  import: 'import',
  'استورد': 'import',
  export: 'export',
  'صدّر': 'export',
  'صدر': 'export',
};

/** The attached file's text (undefined: over the cap); a download that fails is an OpmlError said of the file. */
async function readFile(attachment: NonNullable<CommandContext['attachment']>): Promise<string | undefined> {
  try {
    return await attachment.read(OPML_MAX_BYTES);
  } catch (err) {
    // Discord's reader already says why (sources/opml.ts downloadFailure), the console's that it cannot read the path; others only that it failed.
    if (err instanceof OpmlError) throw err;
    if (err instanceof UserError) throw new OpmlError(err.message, err.userMessage);
    throw fileUnreadable(err instanceof Error ? err.message : String(err));
  }
}

/** /feeds import: every feed of the OPML file followed, or nothing when the file cannot be read. */
async function importFeeds(ctx: CommandContext, digests: DigestServices): Promise<Message> {
  if (!ctx.attachment) {
    const how = ctx.platform === 'discord' ? 'أرفقه في خيار file للأمر /feeds import' : 'أرسله مع الأمر /feeds import (في تعليق الملف)، أو رُدّ به على رسالة فيها الملف';
    throw new UserError(`أرسل ملف OPML: ${how}.`, 'no opml file');
  }
  let feeds: OpmlFeed[];
  try {
    const text = await readFile(ctx.attachment);
    if (text === undefined) throw new OpmlError('opml too large', `الملف أكبر من ${OPML_MAX_BYTES / 1024} كيلوبايت. صدّر قائمة أصغر من قارئ الخلاصات وأعد المحاولة.`);
    feeds = parseOpml(text);
  } catch (err) {
    if (err instanceof OpmlError) throw new UserError(`لم أستورد شيئًا: ${err.userMessage}`, err.message);
    throw err;
  }
  const { store } = digests;
  const now = ctx.now.toISOString();
  const followed = new Set((await store.chatFeeds(ctx.chatId)).map((f) => f.id));
  let added = 0;
  for (const f of feeds) {
    const feed = await store.addFeed(f.url, { ...(f.title ? { title: f.title } : {}), addedBy: ctx.chatId, now });
    if (followed.has(feed.id)) continue;
    await store.followFeed(ctx.chatId, feed.id, now);
    followed.add(feed.id);
    added++;
  }
  const already = feeds.length - added;
  return notice(
    `${added > 0 ? `استوردت ${counted(added, FEEDS)}` : 'لم أستورد خلاصة جديدة'} من ${feeds.length}${already > 0 ? ` (${already} متابعة أصلًا)` : ''}. ` +
      'تُجلب مع الجولة القادمة، وتظهر المتعطلة منها في /status و/feeds list.',
  );
}

/**
 * /feeds export: the chat's web feeds as an OPML file, which /feeds import (here or in any feed
 * reader) takes back. A local file read as a feed (the configured sample feed) is left out: it is
 * a path of this machine, which no import accepts.
 */
async function exportFeeds(ctx: CommandContext, digests: DigestServices): Promise<Message> {
  const { feeds: read } = await feedsReadBy(digests.store, ctx.chatId);
  const feeds = read.filter((f) => isOpmlFeedUrl(f.url));
  const local = read.length - feeds.length;
  const leftOut = local > 0 ? ` تُركت منها ${local === 1 ? 'خلاصة محلية' : `${local} خلاصات محلية`} (ملف على هذا الجهاز، كالخلاصة النموذجية) لا يستوردها غيره.` : '';
  if (feeds.length === 0) return notice(`لا خلاصات ويب لتصديرها.${leftOut}\n${USAGE}`);
  const opml = buildOpml('خلاصات موجز', feeds.map((f) => ({ url: f.url, ...(f.title ? { title: f.title } : {}) })), ctx.now);
  return {
    blocks: [m.paragraph(`خلاصات هذه المحادثة (${feeds.length}) بصيغة OPML، يقرؤها أي قارئ خلاصات.${leftOut}`)],
    file: { name: 'mojaz-feeds.opml', bytes: new TextEncoder().encode(opml), mime: 'text/x-opml' },
  };
}

/** The /feeds command. */
export const feedsCommand: Command<DigestServices> = {
  name: 'feeds',
  description: 'خلاصات الأخبار: /feeds add رابط، remove رابط، list، import (ملف OPML)، export',
  options: [
    { name: 'action', description: 'add أو remove ثم رابط الخلاصة، أو list أو import أو export' },
    { name: 'file', description: 'ملف OPML للاستيراد مع import', type: 'attachment' },
  ],
  adminOnly: true,
  channelArg: true,
  async run(ctx, digests) {
    const { store } = digests;
    const { chatId } = ctx;
    const [word = 'list', url] = ctx.args.split(/\s+/).filter(Boolean);
    const action = ACTIONS[word.toLowerCase()];
    if (action === 'import') return importFeeds(ctx, digests);
    if (action === 'export') return exportFeeds(ctx, digests);
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
