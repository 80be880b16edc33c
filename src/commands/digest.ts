/**
 * /digest — posts this chat's digest now (through the chat's sender, like a scheduled digest): the stories of the current period (since the chat's
 * last scheduled digest) it has not been shown yet, best first; run again (or "more" under a
 * digest) it shows the next ones.
 */
import type { DigestServices } from '../schedule/index.ts';
import type { Command } from './types.ts';
import { notice } from './views.ts';

/** When the platform refused the digest: it is retried, and its stories wait for it. */
const QUEUED = 'تعذّر إرسال الموجز الآن. سأعيد المحاولة تلقائيًا، ولن تُحسب أخباره مُرسلة قبل أن يصل.';

/** The /digest command. */
export const digestCommand: Command<DigestServices> = {
  name: 'digest',
  description: 'موجز الآن: أهم الأخبار منذ آخر موجز، ثم التالية (أو /digest @channel)',
  adminOnly: true,
  // "/digest #forum" on Discord: a forum channel takes no typed command; its digest's "more" button names it.
  channelArg: true,
  options: [{ name: 'channel', description: 'قناة تديرها بدل هذه المحادثة (#القناة)' }],
  async run(ctx, digests) {
    const digest = await digests.scheduler.digestNow(ctx.chatId);
    // The digest went out through the chat's sender, as a scheduled one does (so it counts as
    // given only once the platform accepted it): nothing more to answer.
    if ('sent' in digest) return [];
    if ('queued' in digest) return notice(QUEUED);
    const filtered = (await digests.store.listFilters(ctx.chatId)).length > 0;
    return notice(`لا أخبار جديدة منذ آخر موجز${filtered ? ' (بعد المرشحات)' : ''}. جرّب لاحقًا أو أضف مصادر بـ /feeds add.`);
  },
};
