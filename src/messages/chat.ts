/**
 * Which chat a message goes to, as a value: `ChatRef {platform, id, thread?}`. The store, the
 * ledger and the Sender key chats by one string, `chatKey(ref)` ("telegram:-100123",
 * "discord:987", "console:local", "telegram:-100123:45" for topic 45 of a forum group); this module
 * is the only place that builds or splits that string.
 */

/** The platforms mojaz speaks on. */
export type Platform = 'telegram' | 'discord' | 'console';

/** One chat on one platform; `thread` names a forum topic or thread inside it, when there is one. */
export interface ChatRef {
  platform: Platform;
  /** The platform's own chat id: a Telegram chat id (negative for groups and channels), a Discord channel id. */
  id: string;
  /** A Telegram forum topic (message_thread_id) or a Discord thread, when the chat is one. */
  thread?: string;
}

/** The ids each platform gives its chats; anything else is not a chat of that platform. */
const ID: Record<Platform, RegExp> = {
  telegram: /^-?\d+$/,
  discord: /^\d+$/,
  console: /^[a-z][a-z0-9-]*$/,
};

const THREAD = /^\d+$/;

/** Whether `name` is a platform mojaz speaks on. */
function isPlatform(name: string): name is Platform {
  return Object.hasOwn(ID, name);
}

/** The key of a chat, as the store and the Sender know it. */
export function chatKey(ref: ChatRef): string {
  return ref.thread === undefined ? `${ref.platform}:${ref.id}` : `${ref.platform}:${ref.id}:${ref.thread}`;
}

/** The chat a key names, or undefined when it is not a well-formed key of a known platform. */
export function parseChatKey(key: string): ChatRef | undefined {
  const [platform = '', id = '', thread, extra] = key.split(':');
  if (extra !== undefined || !isPlatform(platform) || !ID[platform].test(id)) return undefined;
  if (thread === undefined) return { platform, id };
  return THREAD.test(thread) ? { platform, id, thread } : undefined;
}

/** The chat a key names when it is a chat of `platform`, else undefined. */
export function chatOn(platform: Platform, key: string): ChatRef | undefined {
  const ref = parseChatKey(key);
  return ref?.platform === platform ? ref : undefined;
}

/**
 * The platform a key names (the part before the first colon), for routing and rate limits: it
 * answers for any key, even one this version cannot parse, so an unknown key meets its own
 * failure downstream.
 */
export function platformOfKey(key: string): string {
  return key.split(':', 1)[0] ?? '';
}

/** Whether the chat is a group, channel or server channel rather than one person (Telegram: a negative id). */
export function isGroupChat(ref: ChatRef): boolean {
  return ref.platform !== 'telegram' || ref.id.startsWith('-');
}
