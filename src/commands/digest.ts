/** /digest — posts this chat's digest now: the top stories since its last digest. */
import { digestsOf } from './command-kit.ts';
import type { Services } from './services.ts';
import type { Command } from './types.ts';
import { notice } from './views.ts';

/** The /digest command. */
export const digestCommand: Command<Services> = {
  name: 'digest',
  description: 'موجز الآن: أهم الأخبار منذ آخر موجز',
  adminOnly: true,
  async run(ctx, services) {
    const digest = await digestsOf(services).scheduler.digestNow(ctx.chatId);
    if ('empty' in digest) return notice('لا أخبار جديدة منذ آخر موجز (بعد المرشحات). جرّب لاحقًا أو أضف مصادر بـ /feeds add.');
    return digest.message;
  },
};
