/** Discord chats as chat keys ("discord:<channel id>", src/messages/chat.ts). */
import { chatKey, chatOn } from '../../messages/chat.ts';

/** The channel id of a "discord:<id>" chat key, or undefined for another platform's chat. */
export function channelOf(chatId: string): string | undefined {
  return chatOn('discord', chatId)?.id;
}

/** The chat key of a Discord channel. */
export const chatIdOf = (channelId: string): string => chatKey({ platform: 'discord', id: channelId });
