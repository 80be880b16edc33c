/**
 * Sends neutral Messages to Telegram chats: renders Telegram HTML, splits under 4096 characters,
 * puts the buttons on the last part, waits out 429s as Telegram asks (bounded), and reports a
 * chat that is gone as ChatGoneError. Used for command replies and by the digest scheduler.
 */
import { TelegramError, type Telegram } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters } from 'telegraf/types';
import { chatKey, chatOn } from '../../messages/chat.ts';
import type { Button, Message } from '../../messages/model.ts';
import { renderTelegramParts, TELEGRAM_CALLBACK_DATA_LIMIT } from '../../messages/render/html.ts';
import type { Pacer } from '../../messages/pacing.ts';
import type { Metrics } from '../../log/metrics.ts';
import { ChatGoneError, RateLimitedError, type Sender } from '../../messages/sender.ts';
import { isChatGone, retryAfterOf } from './errors.ts';
import { describeError } from '../../log/index.ts';

/** The Telegram chat id of a chat key ("telegram:-100…" → "-100…"); undefined for another platform's chat. */
export function telegramChatOf(chatId: string): string | undefined {
  return chatOn('telegram', chatId)?.id;
}

/** The chat key of a Telegram chat, or of one of its forum topics. */
export const chatIdOf = (chat: number | string, thread?: number): string =>
  chatKey({ platform: 'telegram', id: String(chat), ...(thread !== undefined ? { thread: String(thread) } : {}) });

/** Inline keyboard for neutral buttons; an action too long for callback_data is left out. */
export function inlineKeyboard(buttons: Button[][]): InlineKeyboardMarkup | undefined {
  const rows = buttons
    .map((row) =>
      row.flatMap((b): InlineKeyboardButton[] => {
        if (b.kind === 'url') return [{ text: b.label, url: b.url }];
        return Buffer.byteLength(b.action, 'utf8') <= TELEGRAM_CALLBACK_DATA_LIMIT
          ? [{ text: b.label, callback_data: b.action }]
          : [];
      }),
    )
    .filter((row) => row.length > 0);
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/** How sending behaves on 429. */
export interface SendOptions {
  /** Wait out a 429 and retry (default true); false throws RateLimitedError at once. */
  waitOnRateLimit?: boolean;
  /** Retries of one part after 429s (default 3). */
  maxRetries?: number;
  /** A retry_after longer than this is not waited out: RateLimitedError (default 60 s). */
  maxWaitMs?: number;
  /** Sleeps `ms` (tests and benches may shorten it). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Paces every API call per chat (about one a second to a chat, 20 a minute to a group or
   * channel) on top of the platform-wide limit; one pacer is shared by replies and digests.
   */
  pacer?: Pacer;
  /** Counts each message Telegram accepted and each 429 it answered. */
  metrics?: Metrics;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one call, retrying after 429 as told and once more after a group became a supergroup
 * (`onMigrate` switches the target); maps gone chats to ChatGoneError.
 */
async function withRetries<T>(
  call: () => Promise<T>,
  chat: string,
  options: SendOptions,
  onMigrate: (chatId: number) => void,
  key: () => string,
): Promise<T> {
  const { waitOnRateLimit = true, maxRetries = 3, maxWaitMs = 60_000, sleep = defaultSleep, pacer, metrics } = options;
  for (let attempt = 0; ; attempt++) {
    const release = pacer ? await pacer.acquire(key()) : undefined;
    try {
      const result = await call();
      metrics?.messageSent('telegram');
      return result;
    } catch (err) {
      release?.();
      const retryAfter = retryAfterOf(err);
      if (retryAfter !== undefined) {
        const waitMs = retryAfter * 1000;
        metrics?.rateLimited('telegram', waitMs);
        if (!waitOnRateLimit || attempt >= maxRetries || waitMs > maxWaitMs) throw new RateLimitedError(waitMs);
        await sleep(waitMs);
        continue;
      }
      const migratedTo = err instanceof TelegramError ? err.parameters?.migrate_to_chat_id : undefined;
      if (migratedTo !== undefined && attempt < maxRetries) {
        onMigrate(migratedTo);
        continue;
      }
      if (isChatGone(err)) throw new ChatGoneError(`telegram chat ${chat} is gone: ${describeError(err)}`);
      throw err;
    } finally {
      release?.();
    }
  }
}

/** Telegram's limit on a photo caption, in characters. */
const TELEGRAM_CAPTION_LIMIT = 1024;

/**
 * Sends `message` to the Telegram chat `chat`, as a reply to `replyTo` when given. A message with
 * a picture goes as a photo: its text is the caption (with the buttons) when it fits in one, else
 * the text follows the photo as messages of its own.
 */
export async function sendTelegramMessage(
  telegram: Telegram,
  chat: number | string,
  message: Message,
  { replyTo, thread, ...options }: SendOptions & { replyTo?: number; thread?: number } = {},
): Promise<void> {
  // A forum topic's messages carry its id (message_thread_id) on every call.
  const inThread = thread !== undefined ? { message_thread_id: thread } : {};
  let target = chat;
  let parts = renderTelegramParts(message);
  // A picture goes as a photo, a file as a document; the text is their caption when it fits.
  const upload = message.picture
    ? { method: 'photo' as const, source: Buffer.from(message.picture.png), filename: message.picture.name }
    : message.file
      ? { method: 'document' as const, source: Buffer.from(message.file.bytes), filename: message.file.name }
      : undefined;
  if (upload) {
    const [only] = parts;
    const caption = parts.length === 1 && only && only.text.length <= TELEGRAM_CAPTION_LIMIT ? only : undefined;
    const keyboard = caption?.buttons ? inlineKeyboard(caption.buttons) : undefined;
    const input = { source: upload.source, filename: upload.filename };
    const send = (chatTarget: number | string, extra: Parameters<Telegram['sendPhoto']>[2]): Promise<unknown> =>
      upload.method === 'photo' ? telegram.sendPhoto(chatTarget, input, extra) : telegram.sendDocument(chatTarget, input, extra);
    await withRetries(
      () =>
        send(target, {
          ...inThread,
          ...(caption && caption.text.trim() !== '' ? { caption: caption.text, parse_mode: 'HTML' as const } : {}),
          ...(keyboard ? { reply_markup: keyboard } : {}),
          // An upload is multipart, where telegraf serializes only some object fields (reply_markup,
          // not reply_parameters): the Bot API takes the JSON text.
          ...(replyTo !== undefined
            ? { reply_parameters: JSON.stringify({ message_id: replyTo, allow_sending_without_reply: true }) as unknown as ReplyParameters }
            : {}),
        }),
      String(chat),
      options,
      (migratedTo) => (target = migratedTo),
      () => chatIdOf(target),
    );
    if (caption) return;
    parts = parts.filter((part) => part.text.trim() !== '');
  }
  for (const part of parts) {
    const keyboard = part.buttons ? inlineKeyboard(part.buttons) : undefined;
    await withRetries(
      () =>
        telegram.sendMessage(target, part.text, {
          ...inThread,
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(keyboard ? { reply_markup: keyboard } : {}),
          ...(replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        }),
      String(chat),
      options,
      (migratedTo) => (target = migratedTo),
      () => chatIdOf(target),
    );
  }
}

/** The Sender for "telegram:…" chats. */
export class TelegramSender implements Sender {
  constructor(
    private readonly telegram: Telegram,
    private readonly options: SendOptions = {},
  ) {}

  /** {@inheritDoc Sender.send} */
  async send(chatId: string, message: Message): Promise<void> {
    const ref = chatOn('telegram', chatId);
    if (ref === undefined) throw new Error(`not a Telegram chat id: ${chatId}`);
    await sendTelegramMessage(this.telegram, ref.id, message, { ...this.options, ...(ref.thread !== undefined ? { thread: Number(ref.thread) } : {}) });
  }
}
