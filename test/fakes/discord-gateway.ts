/**
 * A loopback fake of the Discord gateway on the REST fake's HTTP server: HELLO with a small
 * heartbeat interval, IDENTIFY → READY + GUILD_CREATE, heartbeat ACKs, RESUME → RESUMED, and
 * dispatches the test injects (INTERACTION_CREATE).
 */
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { FAKE_APPLICATION_ID, FAKE_BOT, FakeDiscordRest } from './discord-rest.ts';

/** The guild and channel the fake bot is in. */
export const FAKE_GUILD_ID = '1';
export const FAKE_CHANNEL_ID = '10';
/** A forum channel of the fake guild (type 15): a message there is a post, a new thread. */
export const FAKE_FORUM_ID = '20';

/** The raw guild object sent in GUILD_CREATE. */
function guildObject(): Record<string, unknown> {
  return {
    id: FAKE_GUILD_ID,
    name: 'غرفة الأخبار',
    icon: null,
    owner_id: '1',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: FAKE_GUILD_ID, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
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
    channels: [
      { id: FAKE_CHANNEL_ID, type: 0, name: 'أخبار', guild_id: FAKE_GUILD_ID, position: 0, permission_overwrites: [] },
      { id: FAKE_FORUM_ID, type: 15, name: 'منتدى-الأخبار', guild_id: FAKE_GUILD_ID, position: 1, permission_overwrites: [], available_tags: [] },
    ],
  };
}

/** Discord REST + gateway on one loopback port. */
export class FakeDiscord {
  readonly rest = new FakeDiscordRest();
  readonly identifies: { token: string; intents: number }[] = [];
  /** RESUME payloads received (session id and last sequence). */
  readonly resumes: { session_id: string; seq: number }[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private sequence = 0;
  /** Every dispatch sent, so a RESUME gets what the client missed (as Discord replays them). */
  private readonly history: { s: number; payload: string }[] = [];
  private readyWaiters: (() => void)[] = [];

  constructor(private readonly heartbeatIntervalMs = 1000) {
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

  /** Sends one dispatch event to every connected client. */
  dispatch(type: string, data: unknown): void {
    const payload = this.record(type, data);
    for (const ws of this.sockets) if (ws.readyState === ws.OPEN) ws.send(payload);
  }

  private record(type: string, data: unknown): string {
    const s = ++this.sequence;
    const payload = JSON.stringify({ op: 0, t: type, s, d: data });
    this.history.push({ s, payload });
    return payload;
  }

  /** Closes every client connection with `code` (4000: "unknown error, reconnect and resume"). */
  dropConnections(code = 4000): void {
    for (const ws of this.sockets) ws.close(code, 'fake: dropped');
  }

  /** Closes every socket and the server. Destroy the client first, or it will try to reconnect. */
  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.rest.close();
  }

  private onConnection(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    ws.on('message', (raw) => {
      const payload = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (payload.op === 1) ws.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
      if (payload.op === 2) this.onIdentify(ws, payload.d);
      if (payload.op === 6) {
        const resume = payload.d as { session_id: string; seq: number };
        this.resumes.push(resume);
        for (const missed of this.history.filter((h) => h.s > resume.seq)) ws.send(missed.payload);
        this.send(ws, 'RESUMED', {});
      }
    });
  }

  private onIdentify(ws: WebSocket, d: Record<string, unknown>): void {
    this.identifies.push({ token: String(d.token), intents: Number(d.intents) });
    this.send(ws, 'READY', {
      v: 10,
      user: FAKE_BOT,
      guilds: [{ id: FAKE_GUILD_ID, unavailable: true }],
      session_id: 'fake-session',
      resume_gateway_url: this.rest.gatewayUrl,
      shard: [0, 1],
      application: { id: FAKE_APPLICATION_ID, flags: 0 },
    });
    this.send(ws, 'GUILD_CREATE', guildObject());
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  private send(ws: WebSocket, type: string, data: unknown): void {
    ws.send(this.record(type, data));
  }
}
