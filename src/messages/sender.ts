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

/** A forum post a digest created: its thread, and whether the thread got its timeline and who list. */
export interface ForumPost {
  thread: string;
  complete: boolean;
  /** The story the post stands for (a digest's post), so a merge of that story can be told in it. */
  storyId?: number;
}

/**
 * The forum posts digests created (Discord forum channels: a post per story), so a digest retried
 * after a failure half-way, after a restart or by another instance, does not post a story twice.
 */
export interface ForumPostStore {
  /** The post recorded under `key` (the sender's hash of its title and first message) in the forum chat `chatId`. */
  forumPost(chatId: string, key: string): Promise<ForumPost | undefined>;
  /** Records or updates the post under `key`, and forgets the chat's posts older than FORUM_POST_DAYS (store/types.ts). */
  recordForumPost(chatId: string, key: string, post: ForumPost, now: string): Promise<void>;
}

/**
 * Button actions too long for a platform's button (Discord's custom_id holds 100 characters), kept
 * under a short key so the button still works after a restart and on every instance.
 */
export interface ButtonActionStore {
  /** The action kept under `key`, if it is still kept. */
  buttonAction(key: string): Promise<string | undefined>;
  /** Keeps `action` under `key` (again: the same action always has the same key), and forgets actions not handed out for BUTTON_ACTION_DAYS (store/types.ts). */
  saveButtonAction(key: string, action: string, now: string): Promise<void>;
}
