/** /status — this chat's subscription, next and last digest, filters, and which feeds are failing. */
import { parseChatKey, type Platform } from '../messages/chat.ts';
import { m, type Block } from '../messages/model.ts';
import { localDateTime } from '../schedule/format.ts';
import type { DigestServices } from '../schedule/index.ts';
import { quietHoursOf } from '../schedule/spec.ts';
import { feedsReadBy } from '../store/reading.ts';
import { describeTimes } from './subscribe.ts';
import type { Command } from './types.ts';

/** How /status names the threads of a chat: Telegram forum topics, Discord threads and forum posts. */
const TOPIC_WORDS = { heading: 'مواضيع المنتدى المشتركة:', one: 'الموضوع' };
const THREAD_WORDS: Record<Platform, { heading: string; one: string }> = {
  telegram: TOPIC_WORDS,
  console: TOPIC_WORDS,
  discord: { heading: 'السلاسل ومنشورات المنتدى المشتركة:', one: 'السلسلة' },
};

/** The /status command. */
export const statusCommand: Command<DigestServices> = {
  name: 'status',
  description: 'حالة الموجز: الاشتراك والموعد القادم والخلاصات المتعطلة',
  // "/status @channel" from a private chat: the channel's status, for an admin of it.
  channelArg: true,
  async run(ctx, digests) {
    const { store } = digests;
    const { chatId } = ctx;
    const sub = await store.getSubscription(chatId);
    const zone = sub?.timezone ?? digests.defaults.timezone;
    const history = await digests.ledger.history(chatId);
    const blocks: Block[] = [m.heading('حالة الموجز')];
    if (!sub) {
      blocks.push(m.paragraph('لا اشتراك في الموجز المجدول. مثال: /subscribe 07:00 Asia/Baghdad'));
    } else {
      const lines = [`المواعيد: ${describeTimes(sub.times)} بتوقيت ${sub.timezone}${sub.active ? '' : ' (متوقف: تعذّر الوصول إلى المحادثة)'}`];
      const quiet = quietHoursOf(sub, digests.defaults.quietHours);
      if (quiet) lines.push(`ساعات الهدوء: ${quiet}`);
      const next = sub.active ? digests.scheduler.nextDigest(sub) : undefined;
      if (next) lines.push(`الموجز القادم: ${localDateTime(next, zone)}`);
      blocks.push(m.list(lines.map((l) => [m.text(l)])));
    }
    // A forum group's topics, or a Discord channel's threads and forum posts, subscribed on their
    // own (their key is the chat's and ":thread").
    const topics = (await store.listSubscriptions()).filter((s) => s.chatId.startsWith(`${chatId}:`));
    if (topics.length > 0) {
      const words = THREAD_WORDS[parseChatKey(chatId)?.platform ?? ctx.platform];
      blocks.push(
        m.paragraph(words.heading),
        m.list(topics.map((t) => [m.text(`${words.one} ${t.chatId.slice(chatId.length + 1)}: ${describeTimes(t.times)} بتوقيت ${t.timezone}`)])),
      );
    }
    blocks.push(m.paragraph(history.lastSentAt ? `آخر موجز: ${localDateTime(new Date(history.lastSentAt), zone)}` : 'لم يُرسل موجز بعد.'));
    if (history.pending > 0) blocks.push(m.paragraph(`موجزات قيد الإرسال: ${history.pending}`));
    const filters = await store.listFilters(chatId);
    if (filters.length > 0) blocks.push(m.paragraph(`المرشحات: ${filters.length} (اكتب /filter list)`));
    const { feeds, followsSome } = await feedsReadBy(store, chatId);
    const failing = feeds.filter((f) => f.failures >= digests.failThreshold);
    blocks.push(m.paragraph(`الخلاصات: ${feeds.length}${followsSome ? ' (التي تتابعها المحادثة)' : ''}، المتعطلة منها: ${failing.length}`));
    if (failing.length > 0) {
      blocks.push(
        m.list(
          failing.map((f) => [
            m.link(f.title ?? f.url, f.url),
            m.text(` — ${f.lastErrorMessage ?? 'تعذّر جلبها'} (${f.failures} محاولات متتالية${f.lastSuccess ? `، آخر نجاح ${localDateTime(new Date(f.lastSuccess), zone)}` : ''})`),
          ]),
        ),
      );
    }
    return { blocks };
  },
};
