/**
 * /digest — posts this chat's digest now: the stories of the current period (since the chat's
 * last scheduled digest) it has not been shown yet, best first; run again (or "more" under a
 * digest) it shows the next ones.
 */
import { digestsOf } from './command-kit.ts';
import type { Services } from './services.ts';
import type { Command } from './types.ts';
import { notice } from './views.ts';

/** The /digest command. */
export const digestCommand: Command<Services> = {
  name: 'digest',
  description: 'موجز الآن: أهم الأخبار منذ آخر موجز، ثم التالية',
  adminOnly: true,
  async run(ctx, services) {
    const digests = digestsOf(services);
    const digest = await digests.scheduler.digestNow(ctx.chatId);
    if (!('empty' in digest)) return digest.message;
    const filtered = (await digests.store.listFilters(ctx.chatId)).length > 0;
    return notice(`لا أخبار جديدة منذ آخر موجز${filtered ? ' (بعد المرشحات)' : ''}. جرّب لاحقًا أو أضف مصادر بـ /feeds add.`);
  },
};
