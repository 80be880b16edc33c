/**
 * The application commands Discord shows: one slash command per registry command, plus the
 * message context-menu command "موجز" (Apps → موجز on any message), since a slash command cannot
 * be attached to a message the way a Telegram reply can.
 */
import type { RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import type { Command } from '../../commands/types.ts';

/** What Discord needs to know about a command to show it. */
export type CommandInfo = Pick<Command, 'name' | 'description' | 'options' | 'adminOnly'>;

/** The name of the message context-menu command that briefs its target message. */
export const BRIEF_MESSAGE_COMMAND = 'موجز';
/** The registry command the context-menu command runs on its target message. */
export const BRIEF_COMMAND = 'brief';

// Numbers from discord-api-types' const enums, inlined because those enums are type-only here.
const CHAT_INPUT = 1;
const MESSAGE = 3;
const STRING_OPTION = 3;
const ATTACHMENT_OPTION = 11;
const CONTEXT_GUILD = 0;
const CONTEXT_BOT_DM = 1;
const GUILD_INSTALL = 0;
/** MANAGE_GUILD: admin-only commands are hidden from members who lack it (Administrator implies it). */
const MANAGE_GUILD = 1n << 5n;
const DESCRIPTION_LIMIT = 100;

/** Discord's rule for slash command and option names: 1–32 lowercase letters, digits, - _ '. */
const NAME = /^[-_'\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/** The name unchanged, or an error naming the command Discord would refuse (at registration, not at run time). */
function checkedName(name: string, what: string): string {
  if (!NAME.test(name)) throw new RangeError(`${what} "${name}" is not a valid Discord name (1–32 lowercase letters, digits, - _)`);
  return name;
}

/** Discord needs a 1–100 character description; the registry's is cut at a word if longer. */
function description(text: string): string {
  const clean = text.trim() || '—';
  if (clean.length <= DESCRIPTION_LIMIT) return clean;
  const cut = clean.slice(0, DESCRIPTION_LIMIT - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 50 ? cut.slice(0, space) : cut}…`;
}

/**
 * The JSON body for PUT /applications/:id/commands built from the registry. Descriptions are the
 * registry's Arabic ones, as the default: Discord has no Arabic locale ("ar" in
 * description_localizations is rejected), so the default text is what every user sees.
 */
export function commandDefinitions(commands: readonly CommandInfo[]): RESTPutAPIApplicationCommandsJSONBody {
  const common = { contexts: [CONTEXT_GUILD, CONTEXT_BOT_DM], integration_types: [GUILD_INSTALL] };
  const slash = commands.map((command) => ({
    type: CHAT_INPUT,
    name: checkedName(command.name, 'command'),
    description: description(command.description),
    options: (command.options ?? []).map((option) => ({
      type: option.type === 'attachment' ? ATTACHMENT_OPTION : STRING_OPTION,
      name: checkedName(option.name, `option of /${command.name}`),
      description: description(option.description),
      required: option.required ?? false,
    })),
    ...(command.adminOnly ? { default_member_permissions: String(MANAGE_GUILD) } : {}),
    ...common,
  }));
  const hasBrief = commands.some((c) => c.name === BRIEF_COMMAND);
  const menu = hasBrief ? [{ type: MESSAGE, name: BRIEF_MESSAGE_COMMAND, ...common }] : [];
  return [...slash, ...menu] as RESTPutAPIApplicationCommandsJSONBody;
}
