/** Discord chats in the project's platform-qualified form: "discord:<channel id>". */

const PREFIX = 'discord:';

/** The channel id of a "discord:<id>" chat id, or undefined for another platform's chat. */
export function channelOf(chatId: string): string | undefined {
  return chatId.startsWith(PREFIX) && /^\d+$/.test(chatId.slice(PREFIX.length)) ? chatId.slice(PREFIX.length) : undefined;
}

/** The chat id of a Discord channel. */
export const chatIdOf = (channelId: string): string => `${PREFIX}${channelId}`;
