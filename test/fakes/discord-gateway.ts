/**
 * A loopback fake of the Discord gateway on the REST fake's HTTP server: HELLO with a small
 * heartbeat interval, IDENTIFY → READY + GUILD_CREATE, heartbeat ACKs, RESUME → RESUMED, and
 * dispatches the test injects (INTERACTION_CREATE). Sharded as Discord is: an IDENTIFY's `shard`
 * [id, count] gets the guilds whose (guild_id >> 22) % count is id, and a guild's dispatches go to
 * that shard's connection alone (DMs to shard 0).
 */
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { FAKE_APPLICATION_ID, FAKE_BOT, FakeDiscordRest } from './discord-rest.ts';

/** The guild and channel the fake bot is in. */
export const FAKE_GUILD_ID = '1';
export const FAKE_CHANNEL_ID = '10';
/** A forum channel of the fake guild (type 15): a message there is a post, a new thread. */
export const FAKE_FORUM_ID = '20';

/** A channel of a fake guild: its id, type (0 text, 15 forum) and name. */
export interface FakeChannel {
  id: string;
  type: number;
  name: string;
}

/** A guild the fake bot is in, with its channels. */
export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
}

/** The shard a guild's events travel on, as Discord computes it. */
export const shardOf = (guildId: string, shardCount: number): number => Number((BigInt(guildId) >> 22n) % BigInt(shardCount));

/** The raw guild object sent in GUILD_CREATE. */
function guildObject(guild: FakeGuild): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: '1',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guild.id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'ar',
    nsfw_level: 0,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 1,
    members: [],
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: guild.channels.map((c, position) => ({
      id: c.id,
      type: c.type,
      name: c.name,
      guild_id: guild.id,
      position,
      permission_overwrites: [],
      ...(c.type === 15 ? { available_tags: [] } : {}),
    })),
  };
}

/** How the fake answers GET /gateway/bot and IDENTIFY. */
export interface FakeDiscordOptions {
  heartbeatIntervalMs?: number;
  /** The shard count GET /gateway/bot recommends (default 1). */
  recommendedShards?: number;
  /** session_start_limit.max_concurrency: how many shards may identify at once (default 1, as for most bots). */
  maxConcurrency?: number;
}

/** One IDENTIFY received. */
export interface Identify {
  token: string;
  intents: number;
  /** The shard field, [id, count], when the client sent one. */
  shard?: [number, number];
}

/** Discord REST + gateway on one loopback port. */
export class FakeDiscord {
  readonly rest = new FakeDiscordRest();
  readonly identifies: Identify[] = [];
  /** The guilds the bot is in: the fake guild with its text and forum channel, and any a test adds. */
  readonly guilds: FakeGuild[] = [
    {
      id: FAKE_GUILD_ID,
      name: 'غرفة الأخبار',
      channels: [
        { id: FAKE_CHANNEL_ID, type: 0, name: 'أخبار' },
        { id: FAKE_FORUM_ID, type: 15, name: 'منتدى-الأخبار' },
      ],
    },
  ];
  /** RESUME payloads received (session id and last sequence). */
  readonly resumes: { session_id: string; seq: number }[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  /** Open connections and the shard each identified as ([0, 1] until it says otherwise). */
  private readonly sockets = new Map<WebSocket, [number, number]>();
  private sequence = 0;
  /** Every dispatch sent, with the guild it belongs to, so a RESUME gets what its shard missed (as Discord replays them). */
  private readonly history: { s: number; payload: string; guildId?: string }[] = [];
  private readyWaiters: (() => void)[] = [];
  private readonly heartbeatIntervalMs: number;

  constructor(options: number | FakeDiscordOptions = {}) {
    const { heartbeatIntervalMs = 1000, recommendedShards = 1, maxConcurrency = 1 } = typeof options === 'number' ? { heartbeatIntervalMs: options } : options;
    this.heartbeatIntervalMs = heartbeatIntervalMs;
    this.rest.recommendedShards = recommendedShards;
    this.rest.maxConcurrency = maxConcurrency;
    this.rest.channels.add(FAKE_CHANNEL_ID);
    this.rest.forums.add(FAKE_FORUM_ID);
    this.rest.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    });
  }

  /** Starts both sides and points GET /gateway/bot at the WebSocket endpoint. */
  async start(): Promise<this> {
    await this.rest.listen();
    const { port } = this.rest.server.address() as AddressInfo;
    this.rest.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    return this;
  }

  /** The REST root for discord.js and DISCORD_API_ROOT. */
  get root(): string {
    return this.rest.root;
  }

  /** Resolves once a client has identified and been sent READY. */
  whenReady(): Promise<void> {
    if (this.identifies.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Adds a guild (before the client connects), its channels known to REST too. */
  addGuild(guild: FakeGuild): void {
    this.guilds.push(guild);
    this.rest.guilds.add(guild.id);
    for (const c of guild.channels) (c.type === 15 ? this.rest.forums : this.rest.channels).add(c.id);
  }

  /** Sends one dispatch event to the connection of the shard its guild is on (a DM's: shard 0's). */
  dispatch(type: string, data: unknown): void {
    const guildId = (data as { guild_id?: unknown } | null)?.guild_id;
    const guild = typeof guildId === 'string' ? guildId : undefined;
    const payload = this.record(type, data, guild);
    for (const [ws, shard] of this.sockets) if (ws.readyState === ws.OPEN && this.onShard(guild, shard)) ws.send(payload);
  }

  /** Whether events of `guildId` (undefined: a DM) travel on `shard`. */
  private onShard(guildId: string | undefined, [id, count]: [number, number]): boolean {
    return guildId === undefined ? id === 0 : shardOf(guildId, count) === id;
  }

  private record(type: string, data: unknown, guildId?: string): string {
    const s = ++this.sequence;
    const payload = JSON.stringify({ op: 0, t: type, s, d: data });
    this.history.push({ s, payload, ...(guildId === undefined ? {} : { guildId }) });
    return payload;
  }

  /** Closes every client connection (or only shard `shardId`'s) with `code` (4000: "unknown error, reconnect and resume"). */
  dropConnections(code = 4000, shardId?: number): void {
    for (const [ws, [id]] of this.sockets) if (shardId === undefined || id === shardId) ws.close(code, 'fake: dropped');
  }

  /** Closes every socket and the server. Destroy the client first, or it will try to reconnect. */
  async close(): Promise<void> {
    for (const ws of this.sockets.keys()) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.rest.close();
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.set(ws, [0, 1]);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    ws.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (payload.op === 1) ws.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      if (payload.op === 2) this.onIdentify(ws, payload.d);
      if (payload.op === 6) {
        const resume = payload.d as { session_id: string; seq: number };
        this.resumes.push(resume);
        const shard = this.shardOfSession(resume.session_id);
        this.sockets.set(ws, shard);
        for (const missed of this.history.filter((h) => h.s > resume.seq && this.onShard(h.guildId, shard))) ws.send(missed.payload);
        this.send(ws, 'RESUMED', {});
      }
    });
  }

  /** The session id READY gives shard [id, count], and back. */
  private sessionOf([id, count]: [number, number]): string {
    return count === 1 ? 'fake-session' : `fake-session-${id}-${count}`;
  }

  private shardOfSession(sessionId: string): [number, number] {
    const m = /^fake-session-(\d+)-(\d+)$/.exec(sessionId);
    return m ? [Number(m[1]), Number(m[2])] : [0, 1];
  }

  private onIdentify(ws: WebSocket, d: Record<string, unknown>): void {
    const given = Array.isArray(d.shard) && d.shard.length === 2 ? (d.shard.map(Number) as [number, number]) : undefined;
    const shard = given ?? [0, 1];
    this.identifies.push({ token: String(d.token), intents: Number(d.intents), ...(given ? { shard: given } : {}) });
    this.sockets.set(ws, shard);
    const guilds = this.guilds.filter((g) => this.onShard(g.id, shard));
    this.send(ws, 'READY', {
      v: 10,
      user: FAKE_BOT,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: this.sessionOf(shard),
      resume_gateway_url: this.rest.gatewayUrl,
      shard,
      application: { id: FAKE_APPLICATION_ID, flags: 0 },
    });
    for (const guild of guilds) this.send(ws, 'GUILD_CREATE', guildObject(guild), guild.id);
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private send(ws: WebSocket, type: string, data: unknown, guildId?: string): void {
    ws.send(this.record(type, data, guildId));
  }
}
