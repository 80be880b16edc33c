/**
 * How the scheduler and commands reach a chat without knowing the platform: each adapter
 * provides a Sender that renders a neutral Message and sends it (split as the platform needs).
 */
import type { Message } from './model.ts';

/** Delivers neutral messages to platform-qualified chat ids ("telegram:-100…", "discord:…"). */
export interface Sender {
  /** Renders and sends one message; resolves once the platform accepted every part. */
  send(chatId: string, message: Message): Promise<void>;
}

/** The platform asked us to wait (HTTP 429 / Telegram retry_after) before sending again. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(
    readonly retryAfterMs: number,
    message = `rate limited, retry after ${retryAfterMs} ms`,
  ) {
    super(message);
  }
}

/** The chat can no longer be reached (bot removed, chat deleted): stop sending there. */
export class ChatGoneError extends Error {
  override name = 'ChatGoneError';
}
