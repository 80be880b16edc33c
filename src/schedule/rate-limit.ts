/**
 * Sliding-window limits for the platforms' sends: Telegram allows about 30 messages a second
 * overall, 20 a minute in a group and one a second in a private chat. Time comes from an injected
 * clock, so tests run on fake time and never wait.
 */

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
 * At most `limit` sends in any window of `windowMs`, a send counting from when it starts until a
 * window after that or until it completes, whichever is later: a sliding log (a refilling token
 * bucket would allow twice the limit in the first second), and a slow request keeps its place, so
 * a late burst of completions cannot push more than the limit through.
 */
export class WindowLimit {
  private readonly sends: { start: number; end?: number }[] = [];
  /** No send before this time (the platform said to wait). */
  private pausedUntil = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until one more send fits (0 when it does). */
  waitMs(now: number): number {
    for (let i = this.sends.length - 1; i >= 0; i--) {
      const s = this.sends[i]!;
      if (s.end !== undefined && s.start <= now - this.windowMs) this.sends.splice(i, 1);
    }
    let full = 0;
    if (this.sends.length >= this.limit) {
      // The first completed send to leave the window frees a place; only sends in flight: look again shortly.
      const frees = this.sends.filter((s) => s.end !== undefined).map((s) => s.start + this.windowMs - now);
      full = frees.length > 0 ? Math.max(1, Math.min(...frees)) : POLL_MS;
    }
    return Math.max(0, this.pausedUntil - now, full);
  }

  /** Starts a send (call after waitMs returned 0); returns its handle for done(). */
  take(now: number): object {
    const send = { start: now };
    this.sends.push(send);
    return send;
  }

  /** Ends a send started with take(), whatever its outcome. */
  done(handle: object, now: number): void {
    (handle as { end?: number }).end = now;
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
  const [platform, id = ''] = chatId.split(':', 2);
  return platform !== 'telegram' || id.startsWith('-');
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
    const platform = chatId.split(':', 1)[0] ?? '';
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
        const gh = g.take(now);
        const ch = c.take(now);
        let ended = false;
        return () => {
          if (ended) return;
          ended = true;
          const end = this.clock.now().getTime();
          g.done(gh, end);
          c.done(ch, end);
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
