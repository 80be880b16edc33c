/**
 * The Telegram adapter: a telegraf bot that answers the registry's commands in private chats,
 * groups and channels, answers action buttons, registers the Arabic command menu, and exposes a
 * Sender for the digest scheduler. Long polling by default; a webhook when TELEGRAM_WEBHOOK_URL
 * is set. One bot.catch logs (token redacted) and apologizes; the bot keeps serving.
 */
import { createHash } from 'node:crypto';
import { Telegraf, TelegramError, type Context } from 'telegraf';
import type { CallbackQuery, Update } from 'telegraf/types';
import type { Config } from '../../config.ts';
import { ar } from '../../commands/ar.ts';
import { commands as registry, runAction, runCommand } from '../../commands/registry.ts';
import type { Services } from '../../commands/services.ts';
import type { Command, CommandContext } from '../../commands/types.ts';
import type { Message } from '../../messages/model.ts';
import type { Sender } from '../../messages/sender.ts';
import type { TelegramLog } from './errors.ts';
import { describeError } from '../../log/index.ts';
import { chatIdOf, sendTelegramMessage, TelegramSender, type SendOptions } from './sender.ts';
import { intentOf, topicOf, type IncomingMessage } from './updates.ts';

export { TelegramSender, chatIdOf, telegramChatOf } from './sender.ts';
export type { TelegramLog } from './errors.ts';

/** What startTelegram needs besides config and services. */
export interface TelegramOptions {
  /** The commands to serve and list in the menu (default: the registry). */
  commands?: readonly Command<Services>[];
  /** The clock commands see as ctx.now. */
  clock?: () => Date;
  log?: TelegramLog;
  /** 429 handling for replies and for the Sender. */
  send?: SendOptions;
  /**
   * Called when polling cannot go on (401: the token was revoked): the bot would stay up but deaf,
   * so the composition root exits non-zero for a supervisor to see. Default: the error is logged.
   */
  onFatal?: (message: string) => void;
  /** Wait before polling again after a 409 (another instance polls with this token), by attempt (default 5 s doubling, at most 5 min). */
  conflictBackoffMs?: (attempt: number) => number;
}

/** 5 s, 10 s, 20 s … at most 5 minutes. */
const conflictBackoff = (attempt: number): number => Math.min(300_000, 5_000 * 2 ** Math.max(0, attempt - 1));

/** A running Telegram bot. */
export interface TelegramBot {
  readonly bot: Telegraf;
  /** Posts to "telegram:…" chats (for the digest scheduler). */
  readonly sender: Sender;
  /** Stops polling or the webhook server; safe to call twice. */
  stop(reason?: string): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query'] as const;
const ADMIN_STATUSES = new Set(['creator', 'administrator']);
/** Telegram's user id for anonymous group admins posting as the group. */
const ANONYMOUS_ADMIN_ID = 1087968824;

const stderrLog: TelegramLog = {
  info: (m) => process.stderr.write(`${m}\n`),
  warn: (m) => process.stderr.write(`${m}\n`),
  error: (m) => process.stderr.write(`${m}\n`),
};

/** Whether the sender of an update may administer the chat (private chats: always). */
async function isAdmin(ctx: Context): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat || chat.type === 'private' || chat.type === 'channel') return true;
  const from = ctx.from;
  if (!from) return false;
  if (from.id === ANONYMOUS_ADMIN_ID) return true;
  const member = await ctx.telegram.getChatMember(chat.id, from.id);
  return ADMIN_STATUSES.has(member.status);
}

/**
 * The chat "@channel" or "-100…" names, as "telegram:<id>", when the sender administers it (how a
 * channel, where nobody sends commands, is managed from a private chat); undefined when the chat
 * is unknown to the bot or the sender is not an admin there.
 */
async function adminChatOf(ctx: Context, target: string): Promise<string | undefined> {
  const from = ctx.from;
  const name = target.trim();
  if (!from || !/^(@[A-Za-z0-9_]{4,32}|-?\d{1,20})$/u.test(name)) return undefined;
  try {
    const chat = await ctx.telegram.getChat(/^-?\d+$/u.test(name) ? Number(name) : name);
    const member = await ctx.telegram.getChatMember(chat.id, from.id);
    return ADMIN_STATUSES.has(member.status) ? chatIdOf(chat.id) : undefined;
  } catch (err) {
    // "chat not found", "member list is inaccessible": the bot cannot vouch for the sender there.
    if (err instanceof TelegramError && (err.code === 400 || err.code === 403)) return undefined;
    throw err;
  }
}

/** The incoming message of a message or channel_post update. */
function incomingOf(update: Update): (IncomingMessage & { message_id: number }) | undefined {
  if ('message' in update) return update.message as unknown as IncomingMessage & { message_id: number };
  if ('channel_post' in update) return update.channel_post as unknown as IncomingMessage & { message_id: number };
  return undefined;
}

/** A secret for the webhook header, derived from the token so restarts keep it. */
function webhookSecret(token: string): string {
  return createHash('sha256').update(`mojaz-webhook:${token}`).digest('hex').slice(0, 64);
}

/** Builds the bot (not started): handlers, catch. Exposed for tests that drive handleUpdate. */
export function createTelegramBot(
  config: Config,
  services: Services,
  options: TelegramOptions = {},
): { bot: Telegraf; sender: TelegramSender } {
  const token = config.telegram.token;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is required');
  const log = options.log ?? stderrLog;
  const clock = options.clock ?? (() => new Date());
  // webhookReply off: every call is a real API call, so 429s and failures are seen and handled.
  const bot = new Telegraf(token, { telegram: { apiRoot: config.telegram.apiRoot, webhookReply: false } });
  const sendOptions = options.send ?? {};

  /** The document sent with a command, or in the message it replies to, as the command's attachment. */
  const attachmentOf = (ctx: Context, message: IncomingMessage | undefined): Pick<CommandContext, 'attachment'> => {
    const document = message?.document ?? message?.reply_to_message?.document;
    if (!document) return {};
    return {
      attachment: {
        name: document.file_name ?? 'file',
        async read(maxBytes) {
          if (document.file_size !== undefined && document.file_size > maxBytes) return undefined;
          const link = await ctx.telegram.getFileLink(document.file_id);
          const response = await fetch(link, { signal: AbortSignal.timeout(30_000) });
          if (!response.ok) throw new Error(`telegram: file download answered HTTP ${response.status}`);
          const bytes = new Uint8Array(await response.arrayBuffer());
          return bytes.length > maxBytes ? undefined : new TextDecoder().decode(bytes);
        },
      },
    };
  };

  const contextFor = (ctx: Context, args: string, replyText?: string, message?: IncomingMessage, thread?: number): CommandContext => ({
    platform: 'telegram',
    // A command in a forum topic acts for that topic: /subscribe there subscribes the topic.
    chatId: chatIdOf(ctx.chat!.id, thread),
    userId: String(ctx.from?.id ?? ctx.chat!.id),
    args,
    ...(replyText ? { replyText } : {}),
    ...attachmentOf(ctx, message),
    isAdmin: () => isAdmin(ctx),
    adminChatOf: (target) => adminChatOf(ctx, target),
    now: clock(),
  });
  const reply = async (ctx: Context, messages: Message[], replyTo: number | undefined, thread: number | undefined): Promise<void> => {
    for (const message of messages) {
      await sendTelegramMessage(ctx.telegram, ctx.chat!.id, message, {
        ...sendOptions,
        ...(replyTo !== undefined ? { replyTo } : {}),
        ...(thread !== undefined ? { thread } : {}),
      });
    }
  };

  const onMessage = async (ctx: Context): Promise<void> => {
    const message = incomingOf(ctx.update);
    if (!message || !ctx.chat) return;
    const intent = intentOf(message, ctx.botInfo?.username);
    if (!intent) return;
    const thread = topicOf(message);
    const out = await runCommand(intent.name, contextFor(ctx, intent.args, intent.replyText, message, thread), services);
    await reply(ctx, out, message.message_id, thread);
  };
  bot.on('message', onMessage);
  bot.on('channel_post', onMessage);

  bot.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery as CallbackQuery & { data?: string };
    // Answer first, so the button stops spinning even if the command takes a while.
    await ctx.answerCbQuery();
    if (!query.data || !ctx.chat) return;
    const thread = topicOf(query.message as IncomingMessage | undefined);
    const out = await runAction(query.data, contextFor(ctx, '', undefined, undefined, thread), services);
    await reply(ctx, out, query.message?.message_id, thread);
  });

  bot.catch(async (err, ctx) => {
    const chat = ctx.chat ? { chat: chatIdOf(ctx.chat.id) } : undefined;
    log.error(`telegram: update ${ctx.update.update_id} failed: ${describeError(err, [token])}`, chat);
    try {
      const thread = topicOf(incomingOf(ctx.update) ?? ((ctx.callbackQuery as { message?: IncomingMessage } | undefined)?.message));
      if (ctx.chat) {
        await sendTelegramMessage(ctx.telegram, ctx.chat.id, { blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: ar.apology }] }] }, {
          ...sendOptions,
          ...(thread !== undefined ? { thread } : {}),
        });
      }
    } catch (apologyError) {
      log.warn(`telegram: could not apologize: ${describeError(apologyError, [token])}`, chat);
    }
  });

  return { bot, sender: new TelegramSender(bot.telegram, sendOptions) };
}

/** The command menu Telegram shows: every registry command with its Arabic description. */
export function menuOf(commands: readonly Command<Services>[]): Array<{ command: string; description: string }> {
  return commands
    .filter((c) => /^[a-z0-9_]{1,32}$/u.test(c.name))
    .map((c) => ({ command: c.name, description: c.description.slice(0, 256) }));
}

/**
 * Starts the bot: checks the token (getMe), registers the command menu, then polls (or sets the
 * webhook). Resolves once updates are being received; polling runs on in the background.
 */
export async function startTelegram(config: Config, services: Services, options: TelegramOptions = {}): Promise<TelegramBot> {
  const log = options.log ?? stderrLog;
  const token = config.telegram.token ?? '';
  const { bot, sender } = createTelegramBot(config, services, options);
  try {
    bot.botInfo = await bot.telegram.getMe();
    await bot.telegram.setMyCommands(menuOf(options.commands ?? registry));
  } catch (err) {
    throw new Error(`telegram: start failed: ${describeError(err, [token])}`);
  }
  let running = true;
  const webhookUrl = config.telegram.webhookUrl;
  if (webhookUrl) {
    const url = new URL(webhookUrl);
    await bot.launch({
      allowedUpdates: [...ALLOWED_UPDATES],
      webhook: {
        domain: url.host,
        path: url.pathname === '/' ? '/telegram' : url.pathname,
        port: config.telegram.webhookPort,
        secretToken: webhookSecret(token),
      },
    });
    log.info(`telegram: @${bot.botInfo.username} receiving updates by webhook on port ${config.telegram.webhookPort}`);
  } else {
    // launch() resolves only when polling stops, so it is not awaited. A 409 (another instance
    // polling with this token) is retried with a back-off, and said; a 401 is fatal (revoked
    // token): deaf but alive is the worst state, so the host is told and exits.
    const backoff = options.conflictBackoffMs ?? conflictBackoff;
    const poll = (attempt: number): void => {
      bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((err: unknown) => {
        if (!running) return;
        const code = err instanceof TelegramError ? err.code : undefined;
        if (code === 401) {
          const message = 'telegram: the bot token was rejected (401 Unauthorized) while polling: check TELEGRAM_BOT_TOKEN (revoked or regenerated in @BotFather?)';
          log.error(message);
          options.onFatal?.(message);
          return;
        }
        const wait = backoff(attempt + 1);
        log.warn(
          code === 409
            ? `telegram: another instance is polling with this token (409 Conflict); polling again in ${Math.round(wait / 1000)} s`
            : `telegram: polling stopped (${describeError(err, [token])}); polling again in ${Math.round(wait / 1000)} s`,
        );
        setTimeout(() => running && poll(attempt + 1), wait).unref();
      });
    };
    poll(0);
    log.info(`telegram: @${bot.botInfo.username} receiving updates by long polling`);
  }
  return {
    bot,
    sender,
    async stop(reason = 'stop') {
      if (!running) return;
      running = false;
      try {
        bot.stop(reason);
      } catch {
        // Not running yet (launch still starting): nothing to stop.
      }
    },
  };
}
