/** /unsubscribe — stops this chat's (or a channel's) scheduled digests. */
import type { DigestServices } from '../schedule/index.ts';
import type { Command } from './types.ts';
import { notice } from './views.ts';

/** The /unsubscribe command. */
export const unsubscribeCommand: Command<DigestServices> = {
  name: 'unsubscribe',
  description: 'إيقاف الموجز المجدول لهذه المحادثة (أو: /unsubscribe @channel)',
  adminOnly: true,
  channelArg: true,
  async run(ctx, digests) {
    const { chatId, channel } = ctx;
    const removed = await digests.store.removeSubscription(chatId);
    await digests.scheduler.reschedule(chatId);
    const where = channel ? ` للقناة ${channel}` : '';
    return notice(removed ? `أُلغي الاشتراك في الموجز${where}.` : `لا يوجد اشتراك${where} لإلغائه.`);
  },
};
