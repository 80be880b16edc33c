/**
 * The Telegram adapter: a telegraf bot that answers the registry's commands in private chats,
 * groups and channels, answers action buttons, registers the Arabic command menu, and exposes a
 * Sender for the digest scheduler. Long polling by default; a webhook when TELEGRAM_WEBHOOK_URL
 * is set. One bot.catch logs (token redacted) and apologizes; the bot keeps serving.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage as HttpRequest, ServerResponse } from 'node:http';
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
  /**
   * In webhook mode, where updates arrive: the path of TELEGRAM_WEBHOOK_URL and the request
   * handler to mount there on the HTTP server (any instance can take any update).
   */
  readonly webhook?: { path: string; handle: (req: HttpRequest, res: ServerResponse) => Promise<void> };
  /** Whether updates are coming in: the last long poll succeeded, or the webhook is set. */
  connected(): boolean;
  /** Stops polling (no new update is taken) and waits for the updates being handled; safe to call twice. */
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

/** A secret for the webhook header, derived from the token so restarts (and every instance) agree on it. */
function webhookSecret(token: string): string {
  return createHash('sha256').update(`mojaz-webhook:${token}`).digest('hex').slice(0, 64);
}

/** Whether `given` (a request header) is `secret`, compared in constant time. */
function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Largest webhook body taken (an update is a few kilobytes; Telegram's own limit on a message is 4,096 characters). */
const MAX_UPDATE_BYTES = 1_000_000;

/** The request's body, or undefined when it passes `max` bytes (the rest is read and dropped, so the answer reaches the client). */
async function readBody(req: HttpRequest, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= max) chunks.push(chunk as Buffer);
  }
  return size > max ? undefined : Buffer.concat(chunks);
}

/** The update a webhook body holds, or undefined when it is no update. */
export function updateOf(body: Buffer): Update | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const id = typeof parsed === 'object' && parsed !== null ? (parsed as { update_id?: unknown }).update_id : undefined;
    return typeof id === 'number' && Number.isSafeInteger(id) ? (parsed as Update) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The webhook's request handler: a request without the secret header Telegram was given at
 * setWebhook is answered 401 and nothing is handled. An update is answered 200 as soon as it is
 * read, and handled after: Telegram waits for the answer and sends the update again when it is
 * slow, so a long analysis would be run twice. A handler that fails is logged with the update's id
 * (bot.catch has already apologized in the chat); a stop waits for the updates being handled.
 */
function webhookHandler(bot: Telegraf, secret: string, log: TelegramLog, token: string): (req: HttpRequest, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], secret)) {
      res.writeHead(401).end();
      req.resume();
      return;
    }
    const body = await readBody(req, MAX_UPDATE_BYTES);
    const update = body ? updateOf(body) : undefined;
    if (!update) {
      res.writeHead(body ? 400 : 413).end();
      return;
    }
    res.writeHead(200).end();
    bot.handleUpdate(update).catch((err: unknown) => log.error(`update ${update.update_id} failed after its webhook answer: ${describeError(err, [token, secret])}`));
  };
}

/** Counts the updates being handled (the first middleware), so a stop can wait for them and their replies. */
function countHandling(bot: Telegraf): { idle(): Promise<void> } {
  let handling = 0;
  const waiters: Array<() => void> = [];
  bot.use(async (_ctx, next) => {
    handling++;
    try {
      await next();
    } finally {
      if (--handling === 0) for (const wake of waiters.splice(0)) wake();
    }
  });
  return { idle: () => (handling === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))) };
}

/** Builds the bot (not started): handlers, catch. Exposed for tests that drive handleUpdate. */
export function createTelegramBot(
  config: Config,
  services: Services,
  options: TelegramOptions = {},
): { bot: Telegraf; sender: TelegramSender; handling: { idle(): Promise<void> } } {
  const token = config.telegram.token;
  if (!token) throw new Error('TELEGRAM_BOT_TOKEN is required');
  const log = options.log ?? stderrLog;
  const clock = options.clock ?? (() => new Date());
  // webhookReply off: every call is a real API call, so 429s and failures are seen and handled.
  const bot = new Telegraf(token, { telegram: { apiRoot: config.telegram.apiRoot, webhookReply: false } });
  const sendOptions = options.send ?? {};
  const handling = countHandling(bot);

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
    log.error(`update ${ctx.update.update_id} failed: ${describeError(err, [token])}`, chat);
    try {
      const thread = topicOf(incomingOf(ctx.update) ?? ((ctx.callbackQuery as { message?: IncomingMessage } | undefined)?.message));
      if (ctx.chat) {
        await sendTelegramMessage(ctx.telegram, ctx.chat.id, { blocks: [{ kind: 'paragraph', content: [{ kind: 'text', text: ar.apology }] }] }, {
          ...sendOptions,
          ...(thread !== undefined ? { thread } : {}),
        });
      }
    } catch (apologyError) {
      log.warn(`could not apologize: ${describeError(apologyError, [token])}`, chat);
    }
  });

  return { bot, sender: new TelegramSender(bot.telegram, sendOptions), handling };
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
  const { bot, sender, handling } = createTelegramBot(config, services, options);
  try {
    bot.botInfo = await bot.telegram.getMe();
    await bot.telegram.setMyCommands(menuOf(options.commands ?? registry));
  } catch (err) {
    throw new Error(`telegram: start failed: ${describeError(err, [token])}`);
  }
  let running = true;
  // Polling health: the last getUpdates answered (bot.telegram is what telegraf polls through).
  let polling = true;
  const callApi = bot.telegram.callApi.bind(bot.telegram);
  bot.telegram.callApi = (async (...args: Parameters<typeof callApi>) => {
    try {
      const result = await callApi(...args);
      if (args[0] === 'getUpdates') polling = true;
      return result;
    } catch (err) {
      if (args[0] === 'getUpdates' && running) polling = false;
      throw err;
    }
  }) as typeof callApi;
  const webhookUrl = config.telegram.webhookUrl;
  let webhook: TelegramBot['webhook'];
  if (webhookUrl) {
    // No server of telegraf's own: the handler is mounted on mojaz's HTTP server. Every instance
    // sets the same URL and secret, so any of them can take any update.
    const url = new URL(webhookUrl);
    const path = url.pathname === '/' ? '/telegram' : url.pathname;
    const secret = config.telegram.webhookSecret ?? webhookSecret(token);
    try {
      await bot.telegram.setWebhook(url.pathname === '/' ? new URL(path, url).href : webhookUrl, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    } catch (err) {
      throw new Error(`telegram: setWebhook failed: ${describeError(err, [token, secret])}`);
    }
    webhook = { path, handle: webhookHandler(bot, secret, log, token) };
    log.info(`@${bot.botInfo.username} receiving updates by webhook at ${path}`);
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
          const message = 'the bot token was rejected (401 Unauthorized) while polling: check TELEGRAM_BOT_TOKEN (revoked or regenerated in @BotFather?)';
          log.error(message);
          options.onFatal?.(`telegram: ${message}`);
          return;
        }
        const wait = backoff(attempt + 1);
        log.warn(
          code === 409
            ? `another instance is polling with this token (409 Conflict); polling again in ${Math.round(wait / 1000)} s`
            : `polling stopped (${describeError(err, [token])}); polling again in ${Math.round(wait / 1000)} s`,
        );
        setTimeout(() => running && poll(attempt + 1), wait).unref();
      });
    };
    poll(0);
    log.info(`@${bot.botInfo.username} receiving updates by long polling`);
  }
  return {
    bot,
    sender,
    ...(webhook ? { webhook } : {}),
    connected: () => running && (webhook !== undefined || polling),
    async stop(reason = 'stop') {
      if (!running) return;
      running = false;
      try {
        bot.stop(reason);
      } catch {
        // Not polling (webhook mode, or launch still starting): nothing to stop.
      }
      await handling.idle();
    },
  };
}
