/** /subscribe — a digest schedule for this chat or a channel, with time zone and quiet hours. */
import { parseChatKey } from '../messages/chat.ts';
import { m } from '../messages/model.ts';
import { localDateTime } from '../schedule/format.ts';
import type { DigestServices } from '../schedule/index.ts';
import { parseSubscribeArgs, quietHoursOf } from '../schedule/spec.ts';
import { UserError } from './errors.ts';
import type { Command } from './types.ts';

/** "07:00، 19:00" or the cron expression as written. */
export function describeTimes(times: string[]): string {
  return times.map((t) => (t.includes(' ') ? `«${t}»` : t)).join('، ');
}

/** The /subscribe command. */
export const subscribeCommand: Command<DigestServices> = {
  name: 'subscribe',
  description: 'اشتراك في الموجز: /subscribe 07:00,19:00 Asia/Baghdad هدوء 23:00-07:00',
  options: [{ name: 'schedule', description: 'أوقات HH:MM أو تعبير cron بين علامتي تنصيص، ثم المنطقة الزمنية' }],
  adminOnly: true,
  channelArg: true,
  async run(ctx, digests) {
    const { chatId, channel } = ctx;
    const req = parseSubscribeArgs(ctx.args);
    if ('error' in req) throw new UserError(req.error, 'bad subscribe arguments');
    const current = await digests.store.getSubscription(chatId);
    const options = { ...(current?.options ?? {}) };
    if (req.quiet !== undefined) options.quiet = req.quiet;
    const sub = await digests.store.upsertSubscription(
      {
        chatId,
        platform: parseChatKey(chatId)?.platform ?? ctx.platform,
        times: req.times ?? current?.times ?? digests.defaults.times,
        timezone: req.timezone ?? current?.timezone ?? digests.defaults.timezone,
        topN: current?.topN ?? digests.defaults.topN,
        active: true,
        options,
      },
      ctx.now.toISOString(),
    );
    await digests.scheduler.reschedule(chatId);
    const where = channel ? ` للقناة ${channel}` : '';
    const lines = [
      current ? `حدّثت الاشتراك القائم${where} (لا يتكرر الاشتراك).` : `تم الاشتراك في الموجز${where}.`,
      `المواعيد: ${describeTimes(sub.times)} بتوقيت ${sub.timezone}.`,
    ];
    const quiet = quietHoursOf(sub, digests.defaults.quietHours);
    if (quiet) lines.push(`ساعات الهدوء: ${quiet} (لا يُرسل فيها موجز، وتنتظر أخبارها الموجز التالي).`);
    const next = digests.scheduler.nextDigest(sub);
    if (next) lines.push(`الموجز القادم: ${localDateTime(next, sub.timezone)}.`);
    return { blocks: lines.map((l) => m.paragraph(l)) };
  },
};
