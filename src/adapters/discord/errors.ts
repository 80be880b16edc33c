/**
 * Discord errors in the project's terms: a channel we can no longer reach is ChatGoneError, a long
 * rate limit is RateLimitedError.
 */
import { DiscordAPIError, RateLimitError } from 'discord.js';
import { ChatGoneError, RateLimitedError } from '../../messages/sender.ts';

/** JSON error codes meaning the bot cannot post in that channel any more. */
const GONE_CODES = new Set([
  10003, // Unknown Channel
  50001, // Missing Access
  50007, // Cannot send messages to this user
  50083, // Operation on an archived thread (a locked thread stays archived: no message reaches it)
]);

/** Maps a discord.js error to ChatGoneError / RateLimitedError, or returns it unchanged. */
export function mapDiscordError(error: unknown, chatId: string): unknown {
  if (error instanceof DiscordAPIError && typeof error.code === 'number' && GONE_CODES.has(error.code)) {
    return new ChatGoneError(`${chatId}: ${error.message}`);
  }
  if (error instanceof RateLimitError) return new RateLimitedError(Math.max(0, Math.ceil(error.retryAfter)));
  return error;
}
