/**
 * A subscription's schedule as a user writes it: "/subscribe [@channel] [07:00,19:00 | "0 7 * * *"]
 * [Zone/City] [هدوء 23:00-07:00 | هدوء لا]". Parsing is pure and every refusal is a clear Arabic
 * message with an example of the right form.
 */
import { asciiDigits } from '../core/text/normalize.ts';
import { cronFields, isTimeZone, runsPerDay, type CronFields } from './cron-time.ts';
import { quoteArg } from '../messages/quote.ts';
import type { Subscription } from '../store/types.ts';

/** Most digests a subscription may post in a day: more is spam, not a digest. */
export const MAX_RUNS_PER_DAY = 48;

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const QUIET_WORDS = new Set(['هدوء', 'quiet']);
const NO_WORDS = new Set(['لا', 'off', 'none', 'بلا']);

/** Quiet hours: local minutes of day, start inclusive, end exclusive; may wrap past midnight. */
export interface QuietHours {
  start: number;
  end: number;
}

/** What /subscribe asked for; absent fields keep their current (or default) values. */
export interface SubscribeRequest {
  /** A channel to subscribe instead of this chat, as written ("@channel" or a numeric id). */
  target?: string;
  /** "HH:MM" times or one cron expression, as the store keeps them. */
  times?: string[];
  timezone?: string;
  /** Quiet hours "HH:MM-HH:MM", or null to remove them. */
  quiet?: string | null;
}

/** A refusal to show the user. */
export interface SpecError {
  error: string;
}

export const EXAMPLES =
  'أمثلة:\n/subscribe 07:00,19:00 Asia/Baghdad\n/subscribe "0 7 * * *" Africa/Tunis\n/subscribe 08:00 هدوء 23:00-07:00\n/subscribe @channel 07:00 Asia/Riyadh';

/** Splits arguments on spaces, keeping a quoted cron expression ("…", “…” or «…») whole. */
export function splitArgs(args: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|«([^»]*)»|(\S+)/g;
  for (const m of args.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3] ?? `\u0000${m[4]}`);
  // Quoted pieces are returned bare; unquoted ones are tagged so a cron is never guessed from them.
  return out;
}

/** "HH:MM" → minutes of day, or undefined. */
export function parseClock(text: string): number | undefined {
  const m = TIME.exec(asciiDigits(text.trim()).replace('٫', ':'));
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** "HH:MM" with two-digit hours. */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The quiet hours a subscription keeps: its own, none when it turned them off, else `fallback` (the configured default). */
export function quietHoursOf(sub: Pick<Subscription, 'options'>, fallback: string): string | undefined {
  const own = sub.options.quiet;
  if (own === null) return undefined;
  return (own ?? fallback) || undefined;
}

/** Parses "23:00-07:00" into quiet hours. */
export function parseQuiet(text: string): QuietHours | undefined {
  const parts = asciiDigits(text).split(/[-–—]/);
  if (parts.length !== 2) return undefined;
  const start = parseClock(parts[0]!);
  const end = parseClock(parts[1]!);
  if (start === undefined || end === undefined || start === end) return undefined;
  return { start, end };
}

/** Whether a local minute of day falls in the quiet hours. */
export function isQuiet(quiet: QuietHours | undefined, minuteOfDay: number): boolean {
  if (!quiet) return false;
  return quiet.start < quiet.end
    ? minuteOfDay >= quiet.start && minuteOfDay < quiet.end
    : minuteOfDay >= quiet.start || minuteOfDay < quiet.end;
}

/** The cron expression a stored time stands for: "07:30" → "30 7 * * *"; a cron stays as it is. */
export function cronOf(time: string): string {
  const minutes = parseClock(time);
  return minutes === undefined ? time : `${minutes % 60} ${Math.floor(minutes / 60)} * * *`;
}

/** The parsed cron fields of every stored time, or the first refusal. */
export function scheduleFields(times: string[]): CronFields[] | SpecError {
  const out: CronFields[] = [];
  let perDay = 0;
  for (const t of times) {
    const f = cronFields(cronOf(t));
    if ('error' in f) {
      return { error: `تعبير cron غير صالح: «${quoteArg(t)}». اكتب خمسة حقول بين علامتي تنصيص، مثل: /subscribe "0 7 * * *" Asia/Baghdad` };
    }
    perDay += runsPerDay(f);
    out.push(f);
  }
  if (perDay > MAX_RUNS_PER_DAY) {
    return { error: `هذا الجدول يرسل ${perDay} موجزًا في اليوم، والحد ${MAX_RUNS_PER_DAY}. مثال: /subscribe "0 */2 * * *"` };
  }
  return out;
}

/** Parses the arguments of /subscribe. */
export function parseSubscribeArgs(args: string): SubscribeRequest | SpecError {
  const req: SubscribeRequest = {};
  if (/(^|\s)[\d*/,-]+(\s+[\d*/,-]+){4}(\s|$)/.test(asciiDigits(args)) && !/["“«]/.test(args)) {
    return { error: `ضع تعبير cron بين علامتي تنصيص، مثل: /subscribe "0 7 * * *" Asia/Baghdad` };
  }
  const tokens = splitArgs(args);
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!;
    if (!raw.startsWith('\u0000')) {
      // A quoted piece: a cron expression.
      if (req.times) return { error: `اكتب الأوقات أو تعبير cron واحدًا، لا الاثنين معًا.\n${EXAMPLES}` };
      req.times = [raw.trim().replace(/\s+/g, ' ')];
      continue;
    }
    const tok = asciiDigits(raw.slice(1));
    if (QUIET_WORDS.has(tok)) {
      const next = tokens[i + 1]?.slice(1);
      if (next !== undefined && NO_WORDS.has(next)) {
        req.quiet = null;
        i++;
        continue;
      }
      const quiet = next === undefined ? undefined : parseQuiet(next);
      if (!quiet) return { error: `ساعات الهدوء تُكتب هكذا: هدوء 23:00-07:00 (أو «هدوء لا» لإلغائها).` };
      req.quiet = `${formatClock(quiet.start)}-${formatClock(quiet.end)}`;
      i++;
      continue;
    }
    if (i === 0 && /^(@[A-Za-z][A-Za-z0-9_]{3,}|-100\d+)$/.test(tok)) {
      req.target = tok;
      continue;
    }
    if (/^[\d:٫,،]+$/.test(tok) && /\d/.test(tok)) {
      if (req.times) return { error: `اكتب الأوقات مرة واحدة مفصولة بفواصل.\n${EXAMPLES}` };
      const times: string[] = [];
      for (const piece of tok.split(/[,،]/).filter(Boolean)) {
        const minutes = parseClock(piece);
        if (minutes === undefined) {
          return { error: `الوقت «${quoteArg(piece)}» غير صالح: اكتبه بصيغة 24 ساعة HH:MM، مثل 07:00 أو 19:30.` };
        }
        const t = formatClock(minutes);
        if (!times.includes(t)) times.push(t);
      }
      req.times = times.sort();
      continue;
    }
    if (tok.includes('/') || tok === 'UTC') {
      if (!isTimeZone(tok)) {
        return { error: `المنطقة الزمنية «${quoteArg(tok)}» غير معروفة. اكتب اسمًا من قاعدة IANA، مثل Asia/Baghdad أو Africa/Tunis أو Asia/Riyadh.` };
      }
      req.timezone = tok;
      continue;
    }
    return { error: `لم أفهم «${quoteArg(tok)}».\n${EXAMPLES}` };
  }
  if (req.times) {
    const check = scheduleFields(req.times);
    if ('error' in check) return check;
  }
  return req;
}
