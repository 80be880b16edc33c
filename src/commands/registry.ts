/**
 * The explicit list of commands (no directory scanning) and the one dispatcher every adapter
 * uses: parse "/name@bot args", check admin-only commands, run, and turn user mistakes into
 * short Arabic replies. Unexpected errors propagate to the adapter's single catch.
 */
import type { Message } from '../messages/model.ts';
import { ar } from './ar.ts';
import { briefCommand } from './brief.ts';
import { userMessageOf } from './errors.ts';
import { helpCommand } from './help.ts';
import type { Services } from './services.ts';
import { timelineCommand } from './timeline.ts';
import type { Command, CommandContext } from './types.ts';
import { notice } from './views.ts';
import { whoCommand } from './who.ts';
import { digestCommand } from './digest.ts';
import { subscribeCommand } from './subscribe.ts';
import { unsubscribeCommand } from './unsubscribe.ts';
import { filterCommand } from './filter.ts';
import { feedsCommand } from './feeds.ts';
import { statusCommand } from './status.ts';

/** The command with user mistakes answered by their Arabic message (so every adapter shows them). */
function answeringUserErrors(command: Command<Services>): Command<Services> {
  return {
    ...command,
    async run(ctx, services) {
      try {
        return await command.run(ctx, services);
      } catch (err) {
        const message = userMessageOf(err);
        if (message !== undefined) return notice(message);
        throw err;
      }
    },
  };
}

/** Every command, in the order menus show them. Add new commands here. */
export const commands: Command<Services>[] = [
  helpCommand('start', () => commands),
  briefCommand,
  timelineCommand,
  whoCommand,
  digestCommand,
  subscribeCommand,
  unsubscribeCommand,
  filterCommand,
  feedsCommand,
  statusCommand,
  helpCommand('help', () => commands),
].map(answeringUserErrors);

/** The command called `name` (case-insensitive), if any. */
export function findCommand(name: string): Command<Services> | undefined {
  const lower = name.toLowerCase();
  return commands.find((c) => c.name === lower);
}

/** A command line split into name and arguments: "/brief@mojaz_bot text" → ("brief", "text"). */
export interface ParsedCommand {
  name: string;
  args: string;
  /** The bot the command was addressed to ("@name" suffix), if any. */
  addressee?: string;
}

/** Parses "/name[@bot] args"; undefined when `text` is not a command. */
export function parseCommand(text: string): ParsedCommand | undefined {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?=\s|$)([\s\S]*)$/u.exec(text.trim());
  if (!match) return undefined;
  return { name: match[1]!.toLowerCase(), args: match[3]!.trim(), ...(match[2] ? { addressee: match[2] } : {}) };
}

const asList = (out: Message | Message[]): Message[] => (Array.isArray(out) ? out : [out]);

/** Runs command `name` for `ctx`; user mistakes become replies, other errors are thrown. */
export async function runCommand(name: string, ctx: CommandContext, services: Services): Promise<Message[]> {
  const command = findCommand(name);
  if (!command) return [notice(ar.unknownCommand(name))];
  if (command.adminOnly && !(await ctx.isAdmin())) return [notice(ar.adminOnly)];
  return asList(await answeringUserErrors(command).run(ctx, services));
}

/** Runs the command behind an action button: "timeline #KEY" is /timeline with arguments "#KEY". */
export async function runAction(action: string, ctx: CommandContext, services: Services): Promise<Message[]> {
  const match = /^\/?([^\s:]+)(?:[\s:]+([\s\S]*))?$/u.exec(action.trim());
  return runCommand(match?.[1] ?? '', { ...ctx, args: match?.[2]?.trim() ?? '' }, services);
}
