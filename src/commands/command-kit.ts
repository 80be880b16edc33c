/**
 * Pieces the registry composes around the digest commands: the digest services being present,
 * and which chat a command acts on.
 */
import { UserError } from './errors.ts';
import type { Services } from './services.ts';
import type { Command, CommandContext } from './types.ts';
import type { DigestServices } from '../schedule/index.ts';
import { quoteArg } from '../messages/quote.ts';

/** The digest services, or a user-facing refusal where digests are not set up (e.g. the console without a store). */
export function digestsOf(services: Services): DigestServices {
  if (!services.digests) throw new UserError('الموجزات المجدولة غير مفعّلة في هذا التشغيل.', 'digests not configured');
  return services.digests;
}

/**
 * The chat a command acts on: this chat, or a channel named as the first argument ("@channel",
 * "-100…" on Telegram, "<#id>" — a #channel picked in Discord — on Discord) that the sender administers. Returns the chat id,
 * the arguments left, and the channel as a reply names it (ctx.channelName).
 */
export async function targetChat(ctx: CommandContext, args: string): Promise<{ chatId: string; rest: string; channel?: string }> {
  const m = /^(@[A-Za-z][A-Za-z0-9_]{3,}|-100\d+|<#\d+>)(?:\s+|$)([\s\S]*)$/.exec(args.trim());
  if (!m) return { chatId: ctx.chatId, rest: args.trim() };
  const target = m[1]!;
  const name = ctx.channelName?.(target) ?? target;
  if (!ctx.adminChatOf) {
    throw new UserError('لا يمكن إدارة قناة من هنا. استعمل هذا الأمر من محادثة خاصة مع البوت على تيليغرام.', 'no adminChatOf');
  }
  const chatId = await ctx.adminChatOf(target);
  if (!chatId) {
    throw new UserError(`لم أتحقق من أنك مشرف في ${quoteArg(name)}، أو أن البوت مضاف إليها مشرفًا. أضف البوت إلى القناة مشرفًا ثم أعد المحاولة.`, 'not admin of target');
  }
  return { chatId, rest: m[2]!.trim(), channel: name };
}

/** A digest command as the registry lists it: it runs with the digest services, refused where they are not set up. */
export function withDigests(command: Command<DigestServices>): Command<Services> {
  return { ...command, run: (ctx, services) => command.run(ctx, digestsOf(services)) };
}
