/**
 * Posts neutral messages to Discord channels (the digest scheduler's way in): render, split,
 * send each part in order. discord.js's REST client already waits out 429s as Discord says
 * (retry_after, buckets, global limit), so there is no retry loop here; a wait longer than the
 * client is configured to sit through surfaces as RateLimitedError for the caller to reschedule.
 */
import { Routes, type REST } from 'discord.js';
import type { Message } from '../../messages/model.ts';
import type { Pacer } from '../../messages/pacing.ts';
import type { Sender } from '../../messages/sender.ts';
import { renderDiscord } from '../../messages/render/discord.ts';
import type { ActionIds } from './actions.ts';
import { channelOf } from './chat-id.ts';
import { mapDiscordError } from './errors.ts';

/** A Sender for Discord channels over discord.js's REST client. */
export class DiscordSender implements Sender {
  constructor(
    private readonly rest: REST,
    private readonly actions: ActionIds,
    /** Paces each post per channel on top of discord.js's buckets (see messages/pacing.ts). */
    private readonly pacer?: Pacer,
  ) {}

  /** Renders `message` and posts every part to the channel; throws ChatGoneError/RateLimitedError. */
  async send(chatId: string, message: Message): Promise<void> {
    const channelId = channelOf(chatId);
    if (!channelId) throw new TypeError(`not a Discord chat id: ${chatId}`);
    const attached = message.picture
      ? { name: message.picture.name, data: Buffer.from(message.picture.png) }
      : message.file
        ? { name: message.file.name, data: Buffer.from(message.file.bytes) }
        : undefined;
    let first = true;
    for (const body of renderDiscord(message, { customId: (a) => this.actions.encode(a) })) {
      // The picture or file goes as an attachment of the first part.
      const files = first && attached ? [attached] : undefined;
      first = false;
      const release = this.pacer ? await this.pacer.acquire(chatId) : undefined;
      try {
        await this.rest.post(Routes.channelMessages(channelId), files ? { body: { ...body, attachments: [{ id: 0, filename: files[0]!.name }] }, files } : { body });
      } catch (error) {
        throw mapDiscordError(error, chatId);
      } finally {
        release?.();
      }
    }
  }
}
