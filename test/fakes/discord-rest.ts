/**
 * A loopback fake of the Discord REST API, just wide enough for discord.js to log in, answer
 * interactions, post to channels and register application commands. It records every request,
 * answers 429 on demand, and knows which channels exist (others get 404 Unknown Channel).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  /** Path without the /api/v10 prefix and without the query, e.g. "/channels/5/messages". */
  path: string;
  query: URLSearchParams;
  body: unknown;
  /** Files of a multipart request (an attachment), in order; its JSON part is `body`. */
  files?: Array<{ field: string; name: string; bytes: Uint8Array }>;
  authorization: string | undefined;
}

/** A multipart/form-data request's JSON part (payload_json) and files, as Discord reads them. */
async function parseMultipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: NonNullable<RecordedRequest['files']> }> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  let body: unknown = {};
  const files: NonNullable<RecordedRequest['files']> = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
    } else files.push({ field, name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return { body, files };
}

/** The bot user and application the fake pretends to be. */
export const FAKE_BOT = { id: '900', username: 'mojaz', discriminator: '0000', avatar: null, bot: true, global_name: null };
export const FAKE_APPLICATION_ID = '900';

type Handler = (req: RecordedRequest, params: string[]) => { status: number; body?: unknown; headers?: Record<string, string> };

interface PendingLimit {
  pattern: RegExp;
  retryAfterSeconds: number;
}

interface PendingFailure {
  pattern: RegExp;
  status: number;
  code: number;
}

let nextId = 5000n;
/** A fresh snowflake-looking id. */
export const snowflake = (): string => String(nextId++);

/** Builds the message object Discord returns for a created or edited message. */
export function messageObject(channelId: string, body: Record<string, unknown>, id = snowflake()): Record<string, unknown> {
  return {
    id,
    channel_id: channelId,
    author: FAKE_BOT,
    content: body.content ?? '',
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    pinned: false,
    type: 0,
    flags: body.flags ?? 0,
    application_id: FAKE_APPLICATION_ID,
  };
}

/** The REST side of the fake: an HTTP server on 127.0.0.1 with a request log. */
export class FakeDiscordRest {
  readonly requests: RecordedRequest[] = [];
  /** Channels that exist; posting elsewhere answers 404 Unknown Channel. */
  readonly channels = new Set<string>();
  /** Forum channels: a message there is a post (POST /channels/{forum}/threads), never a plain message. */
  readonly forums = new Set<string>();
  /** Threads created as forum posts, by id: their forum, title and first message (the request body's `message`). */
  readonly threads = new Map<string, { parent: string; name: string; message: Record<string, unknown> }>();
  /** Guilds the bot is in; registering commands elsewhere answers 403 Missing Access. */
  readonly guilds = new Set<string>(['1']);
  /** Commands registered, keyed by "global" or the guild id. */
  readonly commands = new Map<string, unknown[]>();
  gatewayUrl = '';
  /** What GET /gateway/bot says: the recommended shard count, and how many shards may identify at once. */
  recommendedShards = 1;
  maxConcurrency = 1;
  private readonly limits: PendingLimit[] = [];
  private readonly failures: PendingFailure[] = [];
  private readonly waiters: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  private readonly routes: [string, RegExp, Handler][] = [];
  readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.defineRoutes();
  }

  /** Starts listening on an ephemeral loopback port. */
  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  /** The API root to give discord.js (`rest.api`) or the config's DISCORD_API_ROOT. */
  get root(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/api`;
  }

  /** Answers the next request whose "METHOD path" matches `pattern` with a 429. */
  rateLimitNext(pattern: RegExp, retryAfterSeconds: number): void {
    this.limits.push({ pattern, retryAfterSeconds });
  }

  /** Answers the next request whose "METHOD path" matches `pattern` with an error (e.g. 403, 50013 Missing Permissions). */
  failNext(pattern: RegExp, status: number, code: number): void {
    this.failures.push({ pattern, status, code });
  }

  /** Resolves with the first request (already seen or future) that satisfies `match`. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 15_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake Discord: request never came')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  /** Requests matching a method and a path pattern, in order. */
  find(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Stops the server and drops kept-alive connections. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private route(method: string, path: RegExp, handler: Handler): void {
    this.routes.push([method, path, handler]);
  }

  private defineRoutes(): void {
    const message = (channelId: string, body: unknown) => ({ status: 200, body: messageObject(channelId, body as Record<string, unknown>) });
    this.route('GET', /^\/gateway\/bot$/, () => ({
      status: 200,
      body: {
        url: this.gatewayUrl,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 60_000, max_concurrency: this.maxConcurrency },
      },
    }));
    this.route('GET', /^\/users\/@me$/, () => ({ status: 200, body: FAKE_BOT }));
    this.route('PUT', /^\/applications\/(\d+)\/commands$/, (r) => this.putCommands('global', r.body));
    this.route('GET', /^\/applications\/(\d+)\/commands$/, () => ({ status: 200, body: this.commands.get('global') ?? [] }));
    this.route('PUT', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, (r, [, guild]) =>
      this.guilds.has(guild!) ? this.putCommands(guild!, r.body) : { status: 403, body: { message: 'Missing Access', code: 50001 } },
    );
    this.route('GET', /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/, (_r, [, guild]) => ({
      status: 200,
      body: this.commands.get(guild!) ?? [],
    }));
    this.route('POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, () => ({ status: 204 }));
    this.route('PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (r) => message('0', r.body));
    this.route('DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, () => ({ status: 204 }));
    this.route('POST', /^\/webhooks\/(\d+)\/([^/]+)$/, (r) => message('0', r.body));
    this.route('POST', /^\/channels\/(\d+)\/messages$/, (r, [channel]) =>
      this.channels.has(channel!)
        ? message(channel!, r.body)
        : this.forums.has(channel!)
          ? { status: 400, body: { message: 'Cannot send messages in a non-text channel', code: 50008 } }
          : { status: 404, body: { message: 'Unknown Channel', code: 10003 } },
    );
    this.route('POST', /^\/channels\/(\d+)\/threads$/, (r, [forum]) => this.createPost(forum!, r.body as Record<string, unknown>));
    this.route('GET', /^\/channels\/(\d+)$/, (_r, [channel]) => {
      const thread = this.threads.get(channel!);
      if (thread) return { status: 200, body: this.channelObject(channel!, 11, thread.name, thread.parent) };
      if (this.forums.has(channel!)) return { status: 200, body: this.channelObject(channel!, 15, 'منتدى') };
      if (this.channels.has(channel!)) return { status: 200, body: this.channelObject(channel!, 0, 'قناة') };
      return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    });
  }

  /** A channel object as GET /channels/{id} and thread creation return it. */
  private channelObject(id: string, type: number, name: string, parent?: string): Record<string, unknown> {
    return { id, type, name, guild_id: '1', ...(parent ? { parent_id: parent, owner_id: FAKE_BOT.id, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date(0).toISOString(), locked: false } } : {}) };
  }

  /** POST /channels/{forum}/threads: a forum post, a new thread named `name` whose first message is `message`. */
  private createPost(forum: string, body: Record<string, unknown>): ReturnType<Handler> {
    if (!this.forums.has(forum)) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    const name = typeof body.name === 'string' ? body.name : '';
    const first = (body.message ?? {}) as Record<string, unknown>;
    if (name.length < 1 || name.length > 100) return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { name: 'length 1-100' } } };
    const id = snowflake();
    this.threads.set(id, { parent: forum, name, message: first });
    this.channels.add(id);
    return { status: 201, body: { ...this.channelObject(id, 11, name, forum), message: messageObject(id, first) } };
  }

  private putCommands(key: string, body: unknown): ReturnType<Handler> {
    const list = (Array.isArray(body) ? body : []).map((c: Record<string, unknown>) => ({
      id: snowflake(),
      application_id: FAKE_APPLICATION_ID,
      version: snowflake(),
      ...c,
    }));
    this.commands.set(key, list);
    return { status: 200, body: list };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    const contentType = String(req.headers['content-type']);
    const url = new URL(req.url ?? '/', 'http://fake');
    const multipart = raw && contentType.startsWith('multipart/form-data') ? await parseMultipart(bytes, contentType) : undefined;
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, ''),
      query: url.searchParams,
      body: multipart ? multipart.body : raw && contentType.includes('json') ? JSON.parse(raw) : raw,
      ...(multipart ? { files: multipart.files } : {}),
      authorization: req.headers.authorization,
    };
    const key = `${recorded.method} ${recorded.path}`;
    const limit = this.limits.findIndex((l) => l.pattern.test(key));
    if (limit >= 0) {
      const { retryAfterSeconds } = this.limits.splice(limit, 1)[0]!;
      this.requests.push({ ...recorded, method: `${recorded.method} (429)` });
      this.send(res, 429, { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false }, {
        'Retry-After': String(retryAfterSeconds),
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset-After': String(retryAfterSeconds),
        'X-RateLimit-Bucket': 'fake-bucket',
        'X-RateLimit-Scope': 'user',
      });
      return;
    }
    const failure = this.failures.findIndex((f) => f.pattern.test(key));
    if (failure >= 0) {
      const { status, code } = this.failures.splice(failure, 1)[0]!;
      this.requests.push({ ...recorded, method: `${recorded.method} (${status})` });
      this.send(res, status, { message: 'fake: failed on purpose', code });
      return;
    }
    this.requests.push(recorded);
    for (const waiter of this.waiters.filter((w) => w.match(recorded))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(recorded);
    }
    for (const [method, path, handler] of this.routes) {
      const match = method === recorded.method ? path.exec(recorded.path) : null;
      if (!match) continue;
      const out = handler(recorded, match.slice(1));
      this.send(res, out.status, out.body, out.headers);
      return;
    }
    this.send(res, 404, { message: '404: Not Found', code: 0 });
  }

  private send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }
}
