/**
 * Reading telegraf's errors: Telegram's retry_after and "the chat is gone" answers. Log lines
 * describe errors through the logger's describeError (src/log/), which scrubs the bot token
 * (telegraf errors can carry request URLs, which hold it).
 */
import { TelegramError } from 'telegraf';

/** Where the adapter writes what went wrong (lines are already redacted). */
export interface TelegramLog {
  info(message: string): void;
  warn(message: string, fields?: { chat: string }): void;
  error(message: string, fields?: { chat: string }): void;
}

/** Telegram's retry_after (seconds) when `err` is a 429, else undefined. */
export function retryAfterOf(err: unknown): number | undefined {
  if (!(err instanceof TelegramError) || err.code !== 429) return undefined;
  return err.parameters?.retry_after ?? 1;
}

const GONE_DESCRIPTIONS = [
  /bot was blocked/iu,
  /bot was kicked/iu,
  /user is deactivated/iu,
  /chat not found/iu,
  /bot is not a member/iu,
  /have no rights to send/iu,
  /need administrator rights/iu,
  /group chat was deleted/iu,
];

/** Whether `err` says the chat can no longer be reached (blocked, removed, deleted). */
export function isChatGone(err: unknown): boolean {
  if (!(err instanceof TelegramError)) return false;
  if (err.code === 403) return true;
  return (err.code === 400 || err.code === 404) && GONE_DESCRIPTIONS.some((re) => re.test(err.description));
}
