/**
 * Per-chat and per-platform pacing of sends, shared by the digest fan-out and the platform senders
 * (every API call of a reply or a digest part goes through it). Telegram allows about 30 messages
 * a second overall, about one a second to one chat, and 20 a minute to one group or channel; a
 * big digest to a group is spread out this way instead of being answered with a long FloodWait.
 * Sliding windows; time comes from an injected clock, so tests run on fake time and never wait.
 */
import { chatKey, isGroupChat as isGroup, parseChatKey, platformOfKey } from './chat.ts';

/** The time source and the way to wait: real in production, fake in tests. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * At most `limit` sends in any window of `windowMs`, each counted from when it completes, and a send
 * in flight counting until then. A request reaches the platform between its start and its
 * completion, so no window at the platform sees more than the limit, however late or bunched the
 * requests arrive (counting from the start would let a bunch of slow requests through together;
 * a refilling token bucket would allow twice the limit in the first second).
 */
export class WindowLimit {
  private readonly times: number[] = [];
  private inFlight = 0;
  /** No send before this time (the platform said to wait). */
  private pausedUntil = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until one more send fits (0 when it does). */
  waitMs(now: number): number {
    while (this.times.length > 0 && this.times[0]! <= now - this.windowMs) this.times.shift();
    let full = 0;
    if (this.inFlight + this.times.length >= this.limit) {
      // Full of sends in flight only: look again shortly, one of them will complete.
      full = this.times.length > 0 ? this.times[0]! + this.windowMs - now : POLL_MS;
    }
    return Math.max(0, this.pausedUntil - now, full);
  }

  /** Starts a send (call after waitMs returned 0). */
  take(): void {
    this.inFlight++;
  }

  /** Ends a send started with take(), whatever its outcome. */
  done(now: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.times.push(now);
  }

  /** Holds every send until `until`. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

/** How often a limit full of sends in flight looks again. */
const POLL_MS = 10;

/** Per-platform limits: overall per second, and per chat (every chat a second; groups a minute too). */
export interface Limits {
  perSecond: number;
  groupPerMinute: number;
  /** Sends a second to any one chat (a private chat, a group or a channel). */
  privatePerSecond: number;
}

/** Telegram's documented broadcast limits. */
export const TELEGRAM_LIMITS: Limits = { perSecond: 30, groupPerMinute: 20, privatePerSecond: 1 };
/** Discord: discord.js REST keeps the per-route buckets; this caps the overall pace and a channel's (5 in 5 s). */
export const DISCORD_LIMITS: Limits = { perSecond: 40, groupPerMinute: 60, privatePerSecond: 1 };

/** One chat's limits: sends a second, and sends a minute (0: none, as for a private chat). */
export interface ChatPace {
  perSecond: number;
  perMinute: number;
}

/**
 * A platform's overall limit, and each chat's, shared by every instance over one database: the
 * limits are per bot token, so two instances with 30 a second each would send 60, and two sending
 * a digest to one group each at 20 a minute would send it 40. SQLite is one process, and the
 * local limits alone are the whole limits there.
 */
export interface SharedPace {
  /**
   * Waits until one more send to `platform` fits in `perSecond` across every instance; call the
   * returned function when the send ends, whatever its outcome.
   */
  acquire(platform: string, perSecond: number): Promise<() => void>;
  /**
   * Waits until one more send to `chat` (a chat key; a forum topic counts as its chat) fits in
   * `pace` across every instance; call the returned function when the send ends.
   */
  acquireChat(chat: string, pace: ChatPace): Promise<() => void>;
}

/** What a sender paces its API calls with: wait for a chat's turn, and hold a chat after a 429. */
export interface Pacer {
  /** Waits until `chatId` may be sent one message; call the returned function (once or more) when the send ends. */
  acquire(chatId: string): Promise<() => void>;
  /** The platform answered 429 for this chat: hold its sends for `ms`. */
  pause(chatId: string, ms: number): void;
}

/** Whether a platform chat id names a group or channel rather than one person (Telegram: negative ids). */
export function isGroupChat(chatId: string): boolean {
  const ref = parseChatKey(chatId);
  return ref ? isGroup(ref) : platformOfKey(chatId) !== 'telegram';
}

/**
 * The chat whose limits a key falls under: a forum topic or thread counts against its chat (the
 * platform limits the chat, whatever topic a message goes to).
 */
function limitKey(chatId: string): string {
  const ref = parseChatKey(chatId);
  return ref ? chatKey({ platform: ref.platform, id: ref.id }) : chatId;
}

/** Spaces sends to respect every bucket a message falls under: the platform's, the chat's second, a group's minute. */
export class SendLimiter implements Pacer {
  private readonly global = new Map<string, WindowLimit>();
  private readonly chats = new Map<string, WindowLimit[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limitsFor: (platform: string) => Limits = (p) => (p === 'discord' ? DISCORD_LIMITS : TELEGRAM_LIMITS),
    /** The platform-wide limit shared with other instances, taken after this instance's own buckets. */
    private readonly shared?: SharedPace,
  ) {}

  private buckets(chatId: string): WindowLimit[] {
    const platform = platformOfKey(chatId);
    const limits = this.limitsFor(platform);
    let g = this.global.get(platform);
    if (!g) this.global.set(platform, (g = new WindowLimit(limits.perSecond, 1000)));
    const key = limitKey(chatId);
    let c = this.chats.get(key);
    if (!c) {
      c = [new WindowLimit(limits.privatePerSecond, 1000)];
      if (isGroupChat(key)) c.push(new WindowLimit(limits.groupPerMinute, 60_000));
      this.chats.set(key, c);
    }
    return [g, ...c];
  }

  /** {@inheritDoc Pacer.acquire} */
  async acquire(chatId: string): Promise<() => void> {
    const buckets = this.buckets(chatId);
    for (;;) {
      const now = this.clock.now().getTime();
      const wait = Math.max(...buckets.map((b) => b.waitMs(now)));
      if (wait === 0) {
        for (const b of buckets) b.take();
        const endShared = await this.takeShared(chatId, buckets, now);
        let ended = false;
        return () => {
          if (ended) return;
          ended = true;
          const end = this.clock.now().getTime();
          for (const b of buckets) b.done(end);
          endShared();
        };
      }
      await this.clock.sleep(wait);
    }
  }

  /**
   * The chat's shared turn, then the shared platform-wide slot, once this instance's buckets let the
   * send through (a chat waiting for its own turn holds no slot of the others). If they cannot be
   * had, what was taken is given back.
   */
  private async takeShared(chatId: string, buckets: WindowLimit[], now: number): Promise<() => void> {
    if (!this.shared) return () => {};
    const platform = platformOfKey(chatId);
    const limits = this.limitsFor(platform);
    const chat = limitKey(chatId);
    let endChat: (() => void) | undefined;
    try {
      endChat = await this.shared.acquireChat(chat, { perSecond: limits.privatePerSecond, perMinute: isGroupChat(chat) ? limits.groupPerMinute : 0 });
      const endPlatform = await this.shared.acquire(platform, limits.perSecond);
      const ended = endChat;
      return () => {
        endPlatform();
        ended();
      };
    } catch (err) {
      endChat?.();
      for (const b of buckets) b.done(now);
      throw err;
    }
  }

  /**
   * Milliseconds before this instance may send to `chatId` (its own turn, or a hold after a 429);
   * 0 when it may now. The platform-wide limit is not counted: every chat waits for that alike.
   */
  heldMs(chatId: string): number {
    const [, ...chat] = this.buckets(chatId);
    const now = this.clock.now().getTime();
    return Math.max(0, ...chat.map((b) => b.waitMs(now)));
  }

  /** {@inheritDoc Pacer.pause} */
  pause(chatId: string, ms: number): void {
    const [, ...chat] = this.buckets(chatId);
    for (const b of chat) b.pause(this.clock.now().getTime() + ms);
  }
}
