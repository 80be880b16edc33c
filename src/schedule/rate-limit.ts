/**
 * Sliding-window limits for the platforms' sends: Telegram allows about 30 messages a second
 * overall, 20 a minute in a group and one a second in a private chat. Time comes from an injected
 * clock, so tests run on fake time and never wait.
 */
import { isGroupChat as isGroup, parseChatKey, platformOfKey } from '../messages/chat.ts';

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

/** Per-platform limits: overall per second, and per chat (groups and private chats differ). */
export interface Limits {
  perSecond: number;
  groupPerMinute: number;
  privatePerSecond: number;
}

/** Telegram's documented broadcast limits. */
export const TELEGRAM_LIMITS: Limits = { perSecond: 30, groupPerMinute: 20, privatePerSecond: 1 };
/** Discord: discord.js REST keeps the per-route buckets; this only caps the overall pace. */
export const DISCORD_LIMITS: Limits = { perSecond: 40, groupPerMinute: 60, privatePerSecond: 5 };

/** Whether a platform chat id names a group or channel rather than one person (Telegram: negative ids). */
export function isGroupChat(chatId: string): boolean {
  const ref = parseChatKey(chatId);
  return ref ? isGroup(ref) : platformOfKey(chatId) !== 'telegram';
}

/** Spaces sends to respect every bucket a message falls under. */
export class SendLimiter {
  private readonly global = new Map<string, WindowLimit>();
  private readonly chats = new Map<string, WindowLimit>();

  constructor(
    private readonly clock: Clock,
    private readonly limitsFor: (platform: string) => Limits = (p) => (p === 'discord' ? DISCORD_LIMITS : TELEGRAM_LIMITS),
  ) {}

  private buckets(chatId: string): [WindowLimit, WindowLimit] {
    const platform = platformOfKey(chatId);
    const limits = this.limitsFor(platform);
    let g = this.global.get(platform);
    if (!g) this.global.set(platform, (g = new WindowLimit(limits.perSecond, 1000)));
    let c = this.chats.get(chatId);
    if (!c) {
      c = isGroupChat(chatId)
        ? new WindowLimit(limits.groupPerMinute, 60_000)
        : new WindowLimit(limits.privatePerSecond, 1000);
      this.chats.set(chatId, c);
    }
    return [g, c];
  }

  /** Waits until the chat may be sent one message; call the returned function when the send ends. */
  async acquire(chatId: string): Promise<() => void> {
    const [g, c] = this.buckets(chatId);
    for (;;) {
      const now = this.clock.now().getTime();
      const wait = Math.max(g.waitMs(now), c.waitMs(now));
      if (wait === 0) {
        g.take();
        c.take();
        let ended = false;
        return () => {
          if (ended) return;
          ended = true;
          const end = this.clock.now().getTime();
          g.done(end);
          c.done(end);
        };
      }
      await this.clock.sleep(wait);
    }
  }

  /** The platform answered 429 for this chat: hold its sends for `ms`. */
  pause(chatId: string, ms: number): void {
    const [, c] = this.buckets(chatId);
    c.pause(this.clock.now().getTime() + ms);
  }
}
