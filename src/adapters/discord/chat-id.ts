/**
 * Discord chats as chat keys (src/messages/chat.ts): "discord:<channel id>" for a channel or DM,
 * "discord:<parent id>:<thread id>" for a thread (a thread of a text channel, or a post of a forum
 * channel), so that /status in the parent can list the threads subscribed on their own.
 */
import { chatKey, chatOn } from '../../messages/chat.ts';

/**
 * The channel id messages to a "discord:…" chat key go to: the thread's own id for a thread
 * (Discord posts into a thread at /channels/<thread>/messages), or undefined for another platform's chat.
 */
export function channelOf(chatId: string): string | undefined {
  const ref = chatOn('discord', chatId);
  return ref?.thread ?? ref?.id;
}

/** The chat key of a Discord channel, or of a thread (`threadId`) inside the channel `channelId`. */
export const chatIdOf = (channelId: string, threadId?: string): string =>
  chatKey({ platform: 'discord', id: channelId, ...(threadId !== undefined ? { thread: threadId } : {}) });
