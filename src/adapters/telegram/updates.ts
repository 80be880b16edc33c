/**
 * What an incoming Telegram message asks for, decided without telegraf: a command (with the text
 * of the message it replies to), an article to brief (a private message or a forwarded channel
 * post with no command), or nothing (chatter in groups, commands for another bot).
 */
import { parseCommand } from '../../commands/registry.ts';

/** The parts of a Telegram message this adapter reads. */
export interface IncomingMessage {
  text?: string;
  caption?: string;
  entities?: Array<{ type: string; url?: string }>;
  caption_entities?: Array<{ type: string; url?: string }>;
  reply_to_message?: IncomingMessage;
  /** The quoted part of a replied-to message (replies to messages of other chats carry only this). */
  quote?: { text: string };
  forward_origin?: unknown;
  /** The forum topic of a message sent in one (with is_topic_message). */
  message_thread_id?: number;
  is_topic_message?: boolean;
  /** A file sent with the message (an OPML file for /feeds import). */
  document?: { file_id: string; file_name?: string; file_size?: number };
  chat: { id: number; type: string };
}

/** What to run for a message. */
export type Intent = { name: string; args: string; replyText?: string } | undefined;

/**
 * The readable text of a message: its text or caption, plus the targets of hidden links
 * ("text_link" entities), which otherwise never reach the text.
 */
export function messageText(message: IncomingMessage): string {
  const text = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  const hidden = entities.flatMap((e) => (e.type === 'text_link' && e.url && !text.includes(e.url) ? [e.url] : []));
  return [text, ...hidden].filter(Boolean).join('\n');
}

/** Decides what `message` asks of the bot called `botUsername`. */
export function intentOf(message: IncomingMessage, botUsername: string | undefined): Intent {
  const text = messageText(message);
  const command = parseCommand(text);
  if (command) {
    if (command.addressee && botUsername && command.addressee.toLowerCase() !== botUsername.toLowerCase()) return undefined;
    const replied = (message.reply_to_message ? messageText(message.reply_to_message) : message.quote?.text ?? '').trim();
    return { name: command.name, args: command.args, ...(replied ? { replyText: replied } : {}) };
  }
  // Without a command, only a private chat is talking to the bot: a link, a text, a forwarded post.
  if (message.chat.type === 'private' && text.trim() !== '') return { name: 'brief', args: '', replyText: text.trim() };
  return undefined;
}

/** The forum topic a message was sent in, if any (a reply thread of an ordinary group is no topic). */
export function topicOf(message: Pick<IncomingMessage, 'message_thread_id' | 'is_topic_message'> | undefined): number | undefined {
  return message?.is_topic_message && message.message_thread_id !== undefined ? message.message_thread_id : undefined;
}
