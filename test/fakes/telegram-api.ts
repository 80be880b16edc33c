/**
 * A loopback fake of the Telegram Bot API (node:http) for driving the real telegraf client:
 * point telegraf's `telegram.apiRoot` at `fake.apiRoot`. It answers getMe, getUpdates (long
 * polling: held until an update is queued or the poll times out), sendMessage, editMessageText,
 * sendPhoto and sendDocument (multipart), getFile and file downloads, answerCallbackQuery, setMyCommands, deleteWebhook, setWebhook, getChat and getChatMember; records every
 * call; and can be told to fail the next calls of a method (429 with retry_after, or any error), or
 * a method's next calls to one chat.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded API call. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** performance.now() when the request arrived. */
  at: number;
  /** The error code it was answered with instead of a result (a failure queued with failNext or rateLimitNext). */
  failed?: number;
}

/** An error the fake answers with instead of a result. */
export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

interface PendingPoll {
  offset: number;
  respond: (updates: unknown[]) => void;
}

/** The bot the fake pretends to be. */
export const FAKE_BOT = { id: 4242, is_bot: true, first_name: 'موجز', username: 'mojaz_test_bot' } as const;

/** A file uploaded in a multipart call (sendPhoto with a file): its name and bytes. */
export interface UploadedFile {
  filename: string;
  bytes: Uint8Array;
}

/**
 * The parameters of a call: JSON, or multipart/form-data (how telegraf uploads a photo), where
 * every field is a string (JSON objects such as reply_markup parsed back) or an UploadedFile.
 */
async function parsePayload(body: Buffer, contentType: string): Promise<Record<string, unknown>> {
  if (body.length === 0) return {};
  if (!contentType.startsWith('multipart/form-data')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const payload: Record<string, unknown> = {};
  for (const [name, value] of form) {
    if (typeof value !== 'string') payload[name] = { filename: value.name, bytes: new Uint8Array(await value.arrayBuffer()) } satisfies UploadedFile;
    else payload[name] = /^[[{]/u.test(value) ? JSON.parse(value) : value;
  }
  return payload;
}

/** The loopback Bot API. Call start() before use and stop() after. */
export class FakeTelegramApi {
  readonly calls: ApiCall[] = [];
  /** Files users sent, by file_id (getFile and the download route serve them). */
  readonly files = new Map<string, Buffer>();
  /** getChatMember status per "chatId:userId" (default "member"). */
  readonly memberStatus = new Map<string, string>();
  /** Chats getChat knows, by "@username" or id; others answer "chat not found". */
  readonly chats = new Map<string, { id: number; type: string; title?: string; username?: string }>();
  private readonly updates: Array<{ update_id: number } & Record<string, unknown>> = [];
  private readonly polls = new Set<PendingPoll>();
  private readonly failures = new Map<string, ApiFailure[]>();
  private readonly waiters = new Set<{ test: (call: ApiCall) => boolean; resolve: (call: ApiCall) => void }>();
  private readonly server: Server;
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private port = 0;
  /** Answers of these methods are held this long (ms) after the call is recorded: a slow API. */
  readonly delays = new Map<string, number>();
  /** Longest a getUpdates call is held, whatever timeout the client asks for (keeps tests snappy). */
  maxPollMs = 10_000;

  constructor(readonly token = '123456:TEST-token_secret') {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
  }

  /** Listens on a free loopback port. */
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Answers held polls and closes the server. */
  async stop(): Promise<void> {
    for (const poll of this.polls) poll.respond([]);
    this.polls.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The value for telegraf's `telegram.apiRoot`. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Queues an update (update_id is assigned) and wakes a held getUpdates; returns the update. */
  queueUpdate(update: Record<string, unknown>): { update_id: number } & Record<string, unknown> {
    const full = { ...update, update_id: this.nextUpdateId++ };
    this.updates.push(full);
    for (const poll of [...this.polls]) {
      const ready = this.updates.filter((u) => u.update_id >= poll.offset);
      if (ready.length > 0) {
        this.polls.delete(poll);
        poll.respond(ready);
      }
    }
    return full;
  }

  /** Queues a user's text message in a private chat (or `chat` when given). */
  queueMessage(
    text: string,
    { chat = { id: 777, type: 'private' }, from = { id: 777, is_bot: false, first_name: 'قارئ' }, extra = {} }: {
      chat?: Record<string, unknown>;
      from?: Record<string, unknown>;
      extra?: Record<string, unknown>;
    } = {},
  ): { update_id: number; message: Record<string, unknown> } {
    const message = { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from, text, ...extra };
    const commandLength = /^\/\S+/u.exec(text)?.[0].length;
    if (commandLength) (message as Record<string, unknown>).entities = [{ type: 'bot_command', offset: 0, length: commandLength }];
    return this.queueUpdate({ message }) as { update_id: number; message: Record<string, unknown> };
  }

  /** Queues a press of an inline button carrying `data` under the bot's `message`. */
  queueCallback(data: string, message: Record<string, unknown>, from = { id: 777, is_bot: false, first_name: 'قارئ' }): void {
    this.queueUpdate({ callback_query: { id: `cb${this.nextUpdateId}`, from, chat_instance: 'ci', data, message } });
  }

  /** The next `n` calls of `method` fail with `failure` (e.g. a 429 with retry_after). */
  failNext(method: string, n: number, failure: ApiFailure): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < n; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** The next `n` calls of `method` answer 429 with `retryAfter` seconds (to chat `chatId` only, when given). */
  rateLimitNext(method: string, n: number, retryAfter: number, chatId?: number): void {
    this.failNext(chatId === undefined ? method : `${method}@${chatId}`, n, {
      error_code: 429,
      description: `Too Many Requests: retry after ${retryAfter}`,
      parameters: { retry_after: retryAfter },
    });
  }

  /**
   * Delivers a user's text message as Telegram does in webhook mode: a POST of the update to the
   * path of the URL the bot gave setWebhook, with the secret token it gave there, sent to `base`
   * (the instance's loopback address standing in for the public host). Returns the HTTP answer.
   */
  async deliverWebhook(base: string, text: string, chatId = 777, secret?: string): Promise<Response> {
    const [set] = this.callsOf('setWebhook').slice(-1);
    if (!set) throw new Error('setWebhook was not called');
    const message = { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'قارئ' }, text };
    const commandLength = /^\/\S+/u.exec(text)?.[0].length;
    if (commandLength) (message as Record<string, unknown>).entities = [{ type: 'bot_command', offset: 0, length: commandLength }];
    const token = secret ?? (set.payload.secret_token as string | undefined);
    return fetch(new URL(new URL(String(set.payload.url)).pathname, base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== undefined ? { 'x-telegram-bot-api-secret-token': token } : {}) },
      body: JSON.stringify({ update_id: this.nextUpdateId++, message }),
    });
  }

  /** Calls of `method` so far. */
  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already recorded after index `from`, or future) that matches. */
  waitFor(method: string, { from = 0, test = () => true, timeoutMs = 5_000 }: {
    from?: number;
    test?: (call: ApiCall) => boolean;
    timeoutMs?: number;
  } = {}): Promise<ApiCall> {
    const match = (call: ApiCall): boolean => call.method === method && test(call);
    const done = this.calls.slice(from).find(match);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const waiter = {
        test: match,
        resolve: (call: ApiCall) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${method} call within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // File downloads (getFile's file_path under /file/bot<token>/), as the real API serves them.
    const download = /^\/file\/bot([^/]+)\/documents\/(\w+)$/u.exec(req.url ?? '');
    if (download) {
      const bytes = download[1] === this.token ? this.files.get(download[2]!) : undefined;
      res.writeHead(bytes ? 200 : 404, { 'content-type': 'application/octet-stream' });
      res.end(bytes ?? 'not found');
      return;
    }
    const match = /^\/bot([^/]+)\/(\w+)$/u.exec(req.url ?? '');
    const reply = (status: number, body: unknown): void => {
      if (res.writableEnded || res.destroyed) return;
      const json = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    };
    if (!match || match[1] !== this.token) {
      reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = match[2]!;
    const payload = await parsePayload(Buffer.concat(chunks), String(req.headers['content-type'] ?? ''));
    const call: ApiCall = { method, payload, at: performance.now() };
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(call)) {
        this.waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
    const failure = this.failures.get(`${method}@${String(payload.chat_id)}`)?.shift() ?? this.failures.get(method)?.shift();
    if (failure) {
      call.failed = failure.error_code;
      reply(failure.error_code, { ok: false, ...failure });
      return;
    }
    if (method === 'getChat') {
      const chat = this.chats.get(String(payload.chat_id));
      if (chat) reply(200, { ok: true, result: chat });
      else reply(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
      return;
    }
    if (method === 'getUpdates') {
      this.poll(payload, req, (updates) => reply(200, { ok: true, result: updates }));
      return;
    }
    const delay = this.delays.get(method);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    reply(200, { ok: true, result: this.result(method, payload) });
  }

  private poll(payload: Record<string, unknown>, req: IncomingMessage, respond: (updates: unknown[]) => void): void {
    const offset = Number(payload.offset ?? 0);
    // Confirmed updates are forgotten, as the real API does.
    for (let i = this.updates.length - 1; i >= 0; i--) if (this.updates[i]!.update_id < offset) this.updates.splice(i, 1);
    const limit = Number(payload.limit ?? 100);
    const ready = this.updates.filter((u) => u.update_id >= offset).slice(0, limit);
    const timeoutMs = Math.min(Number(payload.timeout ?? 0) * 1000, this.maxPollMs);
    if (ready.length > 0 || timeoutMs <= 0) return respond(ready);
    const poll: PendingPoll = {
      offset,
      respond: (updates) => {
        clearTimeout(timer);
        this.polls.delete(poll);
        respond(updates.slice(0, limit));
      },
    };
    const timer = setTimeout(() => poll.respond([]), timeoutMs);
    req.socket.once('close', () => {
      clearTimeout(timer);
      this.polls.delete(poll);
    });
    this.polls.add(poll);
  }

  private result(method: string, payload: Record<string, unknown>): unknown {
    switch (method) {
      case 'getMe':
        return FAKE_BOT;
      case 'getFile': {
        const id = String(payload.file_id);
        const bytes = this.files.get(id);
        return { file_id: id, file_unique_id: `u${id}`, ...(bytes ? { file_size: bytes.length, file_path: `documents/${id}` } : {}) };
      }
      case 'sendDocument':
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(payload.chat_id), type: Number(payload.chat_id) < 0 ? 'supergroup' : 'private' },
          from: FAKE_BOT,
          document: { file_id: `doc${this.nextMessageId}`, file_unique_id: 'd' },
          ...(payload.caption ? { caption: payload.caption } : {}),
        };
      case 'sendPhoto':
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(payload.chat_id), type: Number(payload.chat_id) < 0 ? 'supergroup' : 'private' },
          from: FAKE_BOT,
          photo: [{ file_id: `photo${this.nextMessageId}`, file_unique_id: 'u', width: 1000, height: 1000 }],
          ...(payload.caption ? { caption: payload.caption } : {}),
        };
      case 'sendMessage':
        return {
          message_id: this.nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: payload.chat_id, type: Number(payload.chat_id) < 0 ? 'supergroup' : 'private' },
          from: FAKE_BOT,
          text: payload.text,
        };
      case 'editMessageText':
        return {
          message_id: payload.message_id,
          date: Math.floor(Date.now() / 1000),
          chat: { id: payload.chat_id, type: 'private' },
          text: payload.text,
        };
      case 'getChatMember':
        return {
          status: this.memberStatus.get(`${String(payload.chat_id)}:${String(payload.user_id)}`) ?? 'member',
          user: { id: payload.user_id, is_bot: false, first_name: 'عضو' },
        };
      case 'getWebhookInfo':
        return { url: '', has_custom_certificate: false, pending_update_count: 0 };
      default:
        // answerCallbackQuery, setMyCommands, deleteWebhook, setWebhook, sendChatAction …
        return true;
    }
  }
}
