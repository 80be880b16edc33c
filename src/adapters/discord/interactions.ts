/**
 * Turns Discord interactions into command runs: slash commands, the "موجز" message context-menu
 * command, and buttons. Each run is deferred first (fetching a link can outlast Discord's 3-second
 * answer window), then the deferred reply is edited with the first part and the rest follow up.
 * This is also the one place that catches what escapes a handler: the user gets a short Arabic
 * apology only they can see, the log gets a redacted line, and the bot keeps running.
 */
import {
  MessageFlags,
  PermissionFlagsBits,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Command, CommandContext } from '../../commands/types.ts';
import type { Message } from '../../messages/model.ts';
import { renderDiscord, type DiscordMessagePayload } from '../../messages/render/discord.ts';
import { parseAction, type ActionIds } from './actions.ts';
import { BRIEF_COMMAND, BRIEF_MESSAGE_COMMAND } from './definitions.ts';
import { describeError } from './errors.ts';
import { chatIdOf } from './sender.ts';

/** Where the adapter writes what went wrong (already redacted). */
export interface DiscordLog {
  warn(message: string): void;
  error(message: string): void;
}

/** What handling an interaction needs. */
export interface InteractionDeps<S> {
  commands: ReadonlyMap<string, Command<S>>;
  services: S;
  actions: ActionIds;
  clock: () => Date;
  log: DiscordLog;
  /** The bot token, only to scrub it from log lines. */
  token?: string;
}

/** User-facing texts (Arabic). */
export const TEXTS = {
  apology: 'عذرًا، حدث خطأ غير متوقع أثناء تنفيذ الطلب. حاول مرة أخرى بعد قليل.',
  adminOnly: 'هذا الأمر لمشرفي الخادم فقط (صلاحية «إدارة الخادم»).',
  unknownCommand: 'لا أعرف هذا الأمر. ربما تغيّرت الأوامر؛ جرّب /help.',
  expiredButton: 'انتهت صلاحية هذا الزر. أعد الطلب من جديد.',
  emptyMessage: 'لا تحتوي هذه الرسالة على نص أستطيع تلخيصه.',
} as const;

type Runnable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

/** Whether the member may administer this chat; in a DM the user is the admin of their own chat. */
export function isInteractionAdmin(interaction: Runnable): boolean {
  if (!interaction.inGuild()) return true;
  // has() counts Administrator as every permission.
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
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

/** Runs `command` for the interaction and sends its messages as the deferred reply. */
async function run<S>(
  interaction: Runnable,
  command: Command<S>,
  input: { args: string; replyText?: string },
  deps: InteractionDeps<S>,
): Promise<void> {
  if (command.adminOnly && !isInteractionAdmin(interaction)) return tellPrivately(interaction, TEXTS.adminOnly);
  await interaction.deferReply();
  const ctx: CommandContext = {
    platform: 'discord',
    chatId: chatIdOf(interaction.channelId ?? interaction.user.id),
    userId: interaction.user.id,
    args: input.args,
    ...(input.replyText === undefined ? {} : { replyText: input.replyText }),
    isAdmin: async () => isInteractionAdmin(interaction),
    now: deps.clock(),
  };
  const result = await command.run(ctx, deps.services);
  const messages: Message[] = Array.isArray(result) ? result : [result];
  const payloads = messages.flatMap((m) => renderDiscord(m, { customId: (a) => deps.actions.encode(a) }));
  const [first, ...rest] = payloads;
  if (!first) return void (await interaction.deleteReply());
  await interaction.editReply(toOptions(first));
  for (const payload of rest) await interaction.followUp(toOptions(payload));
}

/** Routes one interaction to its command. */
async function dispatch<S>(interaction: Runnable, deps: InteractionDeps<S>): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const command = deps.commands.get(interaction.commandName);
    if (!command) return tellPrivately(interaction, TEXTS.unknownCommand);
    const args = (command.options ?? [])
      .map((o) => interaction.options.getString(o.name)?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
    return run(interaction, command, { args }, deps);
  }
  if (interaction.isMessageContextMenuCommand()) {
    const command = interaction.commandName === BRIEF_MESSAGE_COMMAND ? deps.commands.get(BRIEF_COMMAND) : undefined;
    if (!command) return tellPrivately(interaction, TEXTS.unknownCommand);
    const text = targetText(interaction);
    if (!text) return tellPrivately(interaction, TEXTS.emptyMessage);
    return run(interaction, command, { args: '', replyText: text }, deps);
  }
  const action = deps.actions.decode(interaction.customId);
  if (action === undefined) return tellPrivately(interaction, TEXTS.expiredButton);
  const { name, args } = parseAction(action);
  const command = deps.commands.get(name);
  if (!command) return tellPrivately(interaction, TEXTS.unknownCommand);
  return run(interaction, command, { args }, deps);
}

/** Handles one interaction; never throws (errors are logged and apologized for). */
export async function handleInteraction<S>(interaction: Interaction, deps: InteractionDeps<S>): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isMessageContextMenuCommand() && !interaction.isButton()) return;
  try {
    await dispatch(interaction, deps);
  } catch (error) {
    const what = interaction.isButton() ? `button ${interaction.customId.slice(0, 40)}` : `/${interaction.commandName}`;
    deps.log.error(`discord: ${what} failed: ${describeError(error, deps.token)}`);
    await tellPrivately(interaction, TEXTS.apology).catch((e: unknown) =>
      deps.log.warn(`discord: could not apologize: ${describeError(e, deps.token)}`),
    );
  }
}
