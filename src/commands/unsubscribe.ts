/** /unsubscribe — stops this chat's (or a channel's) scheduled digests. */
import { digestsOf, targetChat } from './command-kit.ts';
import type { Services } from './services.ts';
import type { Command } from './types.ts';
import { notice } from './views.ts';

/** The /unsubscribe command. */
export const unsubscribeCommand: Command<Services> = {
  name: 'unsubscribe',
  description: 'إيقاف الموجز المجدول لهذه المحادثة (أو: /unsubscribe @channel)',
  adminOnly: true,
  async run(ctx, services) {
    const digests = digestsOf(services);
    const { chatId, channel } = await targetChat(ctx, ctx.args);
    const removed = await digests.store.removeSubscription(chatId);
    await digests.scheduler.reschedule(chatId);
    const where = channel ? ` للقناة ${channel}` : '';
    return notice(removed ? `أُلغي الاشتراك في الموجز${where}.` : `لا يوجد اشتراك${where} لإلغائه.`);
  },
};
