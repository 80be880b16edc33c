/**
 * Turns Discord interactions into command runs: slash commands, the "موجز" message context-menu
 * command, and buttons. Each run is deferred first (fetching a link can outlast Discord's 3-second
 * answer window), then the deferred reply is edited with the first part and the rest follow up.
 * This is also the one place that catches what escapes a handler: the user gets a short Arabic
 * apology only they can see, the log gets a redacted line, and the bot keeps running.
 */
import {
  MessageFlags,
  type Attachment,
  PermissionFlagsBits,
  type PermissionsBitField,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { ar } from '../../commands/ar.ts';
import { UserError } from '../../commands/errors.ts';
import { findCommand, refusal, runAction, runCommand } from '../../commands/registry.ts';
import type { Services } from '../../commands/services.ts';
import type { CommandContext } from '../../commands/types.ts';
import type { Message } from '../../messages/model.ts';
import { renderDiscord, type DiscordMessagePayload } from '../../messages/render/discord.ts';
import type { ActionIds } from './actions.ts';
import { BRIEF_COMMAND, BRIEF_MESSAGE_COMMAND } from './definitions.ts';
import { describeError } from '../../log/index.ts';
import { chatIdOf } from './chat-id.ts';
import type { Metrics } from '../../log/metrics.ts';

/** Where the adapter writes what went wrong (already redacted). */
export interface DiscordLog {
  warn(message: string, fields?: { chat: string }): void;
  error(message: string, fields?: { chat: string }): void;
}

/** What handling an interaction needs. */
export interface InteractionDeps {
  services: Services;
  actions: ActionIds;
  clock: () => Date;
  log: DiscordLog;
  /** The bot token, only to scrub it from log lines. */
  token?: string;
  /**
   * Downloads an attachment's text through the guarded HTTP client, capped at `maxBytes`
   * (undefined when over it). Without it, a command given a file says files cannot be read here.
   */
  readAttachment?: (url: string, maxBytes: number) => Promise<string | undefined>;
  /** Counts each reply part Discord accepted. */
  metrics?: Metrics;
}

/** User-facing texts (Arabic): the registry's wording, plus what only Discord needs. */
export const TEXTS = {
  apology: ar.apology,
  adminOnly: ar.adminOnly,
  expiredButton: ar.expiredButton,
  emptyMessage: 'لا تحتوي هذه الرسالة على نص أستطيع تلخيصه.',
  noFiles: 'لا أستطيع قراءة الملفات المرفقة في هذا التشغيل.',
} as const;

type Runnable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

/** Whether the member may administer this chat; in a DM the user is the admin of their own chat. */
export function isInteractionAdmin(interaction: Runnable): boolean {
  return isAdminBy(interaction.inGuild(), interaction.memberPermissions);
}

/** The admin rule: outside a guild (a DM) yes; in a guild, Manage Server or Administrator. */
export function isAdminBy(inGuild: boolean, permissions: Readonly<PermissionsBitField> | null): boolean {
  if (!inGuild) return true;
  // has() counts Administrator as every permission.
  return permissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
}

/** The text of a message a context-menu command targets: its content, or its embeds' text. */
function targetText(interaction: MessageContextMenuCommandInteraction): string {
  const message = interaction.targetMessage;
  const parts = [message.content, ...message.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])];
  return parts.map((p) => p.trim()).filter(Boolean).join('\n\n');
}

/** discord.js options for one rendered part: mentions never ping. */
function toOptions(payload: DiscordMessagePayload): InteractionEditReplyOptions & InteractionReplyOptions {
  return { content: payload.content, components: payload.components, allowedMentions: { parse: [] } };
}

/** Answers with a message only the user sees, whatever state the interaction is in. */
async function tellPrivately(interaction: Runnable, content: string): Promise<void> {
  const options = { content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
  if (interaction.deferred && !interaction.replied) {
    // A public "thinking…" placeholder cannot turn private: remove it and follow up privately.
    await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(options);
  } else if (interaction.replied || interaction.deferred) await interaction.followUp(options);
  else await interaction.reply(options);
}

/**
 * The chat an interaction came from: in a thread (or a forum post) the thread, keyed under its
 * parent channel, so /subscribe there subscribes the thread and /status in the parent lists it.
 */
function chatOf(interaction: Runnable): string {
  const channel = interaction.channel;
  if (channel?.isThread() && channel.parentId) return chatIdOf(channel.parentId, channel.id);
  return chatIdOf(interaction.channelId ?? interaction.user.id);
}

/**
 * The chat key of the channel "<#id>" names (a #channel picked in an option), when it is in this
 * server and the user administers the server: how a forum channel, where no command can be typed,
 * is subscribed ("/subscribe #forum 07:00" from any channel).
 */
function adminChannelOf(interaction: Runnable, target: string): string | undefined {
  const id = /^<#(\d+)>$/u.exec(target.trim())?.[1];
  if (!id || !interaction.inGuild() || !isInteractionAdmin(interaction)) return undefined;
  const channel = interaction.client.channels.cache.get(id);
  if (!channel || !('guildId' in channel) || channel.guildId !== interaction.guildId) return undefined;
  return channel.isThread() && channel.parentId ? chatIdOf(channel.parentId, id) : chatIdOf(id);
}

/**
 * How a reply names the channel "<#id>" picks: "#name" when this server's channel is known (the
 * "<#id>" form would show as written, since replies escape markdown), else "القناة id".
 */
export function channelNameOf(interaction: Pick<Runnable, 'client' | 'guildId'>, target: string): string | undefined {
  const id = /^<#(\d+)>$/u.exec(target.trim())?.[1];
  if (!id) return undefined;
  const channel = interaction.client.channels.cache.get(id);
  const named = channel && 'guildId' in channel && channel.guildId === interaction.guildId && 'name' in channel ? channel.name : undefined;
  return named ? `#${named}` : `القناة ${id}`;
}

/** What a command run starts from: its arguments, the text it acts on, the file given with it. */
interface Input {
  args: string;
  replyText?: string;
  attachment?: CommandContext['attachment'];
}

/**
 * A file given in an attachment option, as the command's attachment: read through the guarded
 * client, capped; one Discord already says is too big is not downloaded at all.
 */
function attachmentOf(file: Attachment, deps: InteractionDeps): NonNullable<CommandContext['attachment']> {
  return {
    name: file.name,
    async read(maxBytes) {
      if (file.size > maxBytes) return undefined;
      if (!deps.readAttachment) throw new UserError(TEXTS.noFiles, 'no attachment reader');
      return deps.readAttachment(file.url, maxBytes);
    },
  };
}

/** Defers, runs the command through the registry, and sends its messages as the reply. */
async function run(
  interaction: Runnable,
  input: Input,
  deps: InteractionDeps,
  execute: (ctx: CommandContext) => Promise<Message[]>,
): Promise<void> {
  await interaction.deferReply();
  const ctx: CommandContext = {
    platform: 'discord',
    chatId: chatOf(interaction),
    userId: interaction.user.id,
    args: input.args,
    ...(input.replyText === undefined ? {} : { replyText: input.replyText }),
    ...(input.attachment ? { attachment: input.attachment } : {}),
    isAdmin: async () => isInteractionAdmin(interaction),
    adminChatOf: async (target) => adminChannelOf(interaction, target),
    channelName: (target) => channelNameOf(interaction, target),
    now: deps.clock(),
  };
  const messages = await execute(ctx);
  // A message's picture or file goes as an attachment of its first part.
  const payloads = messages.flatMap((m) =>
    renderDiscord(m, { customId: (a) => deps.actions.encode(a) }).map((payload, i) => ({
      ...toOptions(payload),
      ...(i === 0 && m.picture ? { files: [{ attachment: Buffer.from(m.picture.png), name: m.picture.name }] } : {}),
      ...(i === 0 && m.file ? { files: [{ attachment: Buffer.from(m.file.bytes), name: m.file.name }] } : {}),
    })),
  );
  // The long actions of its buttons are kept before the reply shows them.
  await deps.actions.flush();
  const [first, ...rest] = payloads;
  if (!first) return void (await interaction.deleteReply());
  await interaction.editReply(first);
  deps.metrics?.messageSent('discord');
  for (const payload of rest) {
    await interaction.followUp(payload);
    deps.metrics?.messageSent('discord');
  }
}

/**
 * Runs the registry command `name`. Unknown and admin-only commands are answered before deferring,
 * so that the refusal is private (the registry would answer them publicly).
 */
async function runNamed(interaction: Runnable, name: string, input: Input, deps: InteractionDeps): Promise<void> {
  const refused = await refusal(name, { isAdmin: async () => isInteractionAdmin(interaction) });
  if (refused !== undefined) return tellPrivately(interaction, refused);
  return run(interaction, input, deps, (ctx) => runCommand(name, ctx, deps.services));
}

/** Routes one interaction to its command. */
async function dispatch(interaction: Runnable, deps: InteractionDeps): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const options = findCommand(interaction.commandName)?.options ?? [];
    const args = options
      .filter((o) => o.type !== 'attachment')
      .map((o) => interaction.options.getString(o.name)?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
    const file = options.find((o) => o.type === 'attachment');
    const attachment = file ? interaction.options.getAttachment(file.name) : null;
    return runNamed(interaction, interaction.commandName, { args, ...(attachment ? { attachment: attachmentOf(attachment, deps) } : {}) }, deps);
  }
  if (interaction.isMessageContextMenuCommand()) {
    if (interaction.commandName !== BRIEF_MESSAGE_COMMAND) return tellPrivately(interaction, ar.unknownCommand(interaction.commandName));
    const text = targetText(interaction);
    if (!text) return tellPrivately(interaction, TEXTS.emptyMessage);
    return runNamed(interaction, BRIEF_COMMAND, { args: '', replyText: text }, deps);
  }
  const action = await deps.actions.decode(interaction.customId);
  if (action === undefined) return tellPrivately(interaction, TEXTS.expiredButton);
  return run(interaction, { args: '' }, deps, (ctx) => runAction(action, ctx, deps.services));
}

/** Handles one interaction; never throws (errors are logged and apologized for). */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand() && !interaction.isButton()) return;
  try {
    await dispatch(interaction, deps);
  } catch (error) {
    const what = interaction.isButton() ? `button ${interaction.customId.slice(0, 40)}` : `/${interaction.commandName}`;
    const chat = { chat: chatIdOf(interaction.channelId ?? interaction.user.id) };
    deps.log.error(`${what} failed: ${describeError(error, [deps.token])}`, chat);
    await tellPrivately(interaction, TEXTS.apology).catch((e: unknown) =>
      deps.log.warn(`could not apologize: ${describeError(e, [deps.token])}`, chat),
    );
  }
}
