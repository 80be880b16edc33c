/**
 * Discord errors in the project's terms: a channel we can no longer reach is ChatGoneError, a long
 * rate limit is RateLimitedError; and error text made safe to log (no bot token, no interaction
 * token — webhook and callback URLs carry one).
 */
import { DiscordAPIError, RateLimitError } from 'discord.js';
import { ChatGoneError, RateLimitedError } from '../../messages/sender.ts';

/** JSON error codes meaning the bot cannot post in that channel any more. */
const GONE_CODES = new Set([
  10003, // Unknown Channel
  50001, // Missing Access
  50007, // Cannot send messages to this user
]);

/** Maps a discord.js error to ChatGoneError / RateLimitedError, or returns it unchanged. */
export function mapDiscordError(error: unknown, chatId: string): unknown {
  if (error instanceof DiscordAPIError && typeof error.code === 'number' && GONE_CODES.has(error.code)) {
    return new ChatGoneError(`${chatId}: ${error.message}`);
  }
  if (error instanceof RateLimitError) return new RateLimitedError(Math.max(0, Math.ceil(error.retryAfter)));
  return error;
}

/** Makes text safe to log: the bot token and interaction tokens in URLs become "***". */
export function redact(text: string, token?: string): string {
  let out = text.replace(/\/(webhooks|interactions)\/(\d+)\/[\w.-]+/g, '/$1/$2/***');
  if (token) out = out.split(token).join('***');
  return out;
}

/** A one-line, redacted description of an error for the log. */
export function describeError(error: unknown, token?: string): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const url = error instanceof DiscordAPIError ? ` (${error.method} ${error.url})` : '';
  return redact(`${text}${url}`, token).replace(/\s+/g, ' ').slice(0, 500);
}
