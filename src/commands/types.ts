/**
 * Platform-neutral commands. A command never imports telegraf or discord.js: it reads a
 * CommandContext and returns neutral Messages that each adapter renders.
 */
import type { Platform } from '../messages/chat.ts';
import type { Message } from '../messages/model.ts';

export type { Platform };

/** One option a command takes (Discord slash-command options are built from these). */
export interface CommandOption {
  name: string;
  /** Arabic description shown by the platform. */
  description: string;
  required?: boolean;
  /** What the option holds: text (the default, joined into the arguments) or a file (Discord's attachment option, the command's `attachment`). */
  type?: 'string' | 'attachment';
}

/** What a handler knows about the message that invoked it. */
export interface CommandContext {
  platform: Platform;
  /** The chat's key (src/messages/chat.ts chatKey), e.g. "telegram:-100123", "discord:987", "console:local". */
  chatId: string;
  userId: string;
  /** Text after the command name, trimmed. */
  args: string;
  /** Text of the replied-to message, forwarded post, or context-menu target, when there is one. */
  replyText?: string;
  /** Whether the sender may administer this chat (subscriptions, feeds, filters). */
  isAdmin(): Promise<boolean>;
  /**
   * The platform chat id of `target` ("@channel" or "-100…") when the sender administers it, else
   * undefined: how a channel, where nobody sends commands, is subscribed from a private chat.
   * Adapters that cannot check it leave it out.
   */
  adminChatOf?(target: string): Promise<string | undefined>;
  /**
   * How a reply names the channel `target` (Discord's "<#id>" as "#name"), when the platform's
   * form of it would show as written; without it (or undefined) the target is shown as typed.
   */
  channelName?(target: string): string | undefined;
  /** The channel named in the arguments ("@channel", "-100…") that `chatId` now is, for a command that acts on one. */
  channel?: string;
  /**
   * A file sent with the command (a Telegram document, in the message or the one it replies to;
   * a Discord attachment option; a file path in the console): `read` gives its text, or undefined when it is over `maxBytes`.
   */
  attachment?: { name: string; read(maxBytes: number): Promise<string | undefined> };
  /** The current time (injected clock). */
  now: Date;
}

/** One command: its name, Arabic description, options, and handler. */
export interface Command<S = unknown> {
  name: string;
  description: string;
  options?: CommandOption[];
  adminOnly?: boolean;
  /**
   * The command acts on this chat or on a channel named as its first argument that the sender
   * administers ("/subscribe @channel 07:00" from a private chat): the registry resolves it, and
   * the handler reads `ctx.chatId`, the arguments left in `ctx.args`, and `ctx.channel`.
   */
  channelArg?: boolean;
  run(ctx: CommandContext, services: S): Promise<Message | Message[]>;
}
