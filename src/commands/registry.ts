/**
 * The explicit list of commands (no directory scanning) and the one dispatcher every adapter
 * uses: parse "/name@bot args", then run the command inside the layers every command shares,
 * composed here once as grammY composes middleware (outermost first): user mistakes answered in
 * Arabic, the admin check, the channel a command acts on, the digest services being present.
 * Each handler keeps only its own work. Unexpected errors propagate to the adapter's single catch.
 */
import type { Message } from '../messages/model.ts';
import { ar } from './ar.ts';
import { briefCommand } from './brief.ts';
import { targetChat, withDigests } from './command-kit.ts';
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

/** A command's work as the registry runs it. */
type Handler = (ctx: CommandContext, services: Services) => Promise<Message | Message[]>;

/** One layer around a handler: it may answer in its place, or pass a changed context on to `next`. */
type Middleware = (command: Command<Services>, next: Handler) => Handler;

/** User mistakes (UserError, or an error with an Arabic `userMessage`) become their Arabic reply. */
const answeringUserErrors: Middleware = (_command, next) => async (ctx, services) => {
  try {
    return await next(ctx, services);
  } catch (err) {
    const message = userMessageOf(err);
    if (message !== undefined) return notice(message);
    throw err;
  }
};

/** An admin-only command refuses anyone else. */
const checkingAdmin: Middleware = (command, next) =>
  command.adminOnly ? async (ctx, services) => ((await ctx.isAdmin()) ? next(ctx, services) : notice(ar.adminOnly)) : next;

/** A command that may act on a named channel gets that channel as its chat (see Command.channelArg). */
const resolvingChannel: Middleware = (command, next) =>
  command.channelArg
    ? async (ctx, services) => {
        const { chatId, rest, channel } = await targetChat(ctx, ctx.args);
        return next({ ...ctx, chatId, args: rest, ...(channel ? { channel } : {}) }, services);
      }
    : next;

/** The layers, outermost first. */
const MIDDLEWARE: readonly Middleware[] = [answeringUserErrors, checkingAdmin, resolvingChannel];

/** The command's handler inside every layer. */
function composed(command: Command<Services>): Handler {
  return MIDDLEWARE.reduceRight<Handler>((next, layer) => layer(command, next), (ctx, services) => command.run(ctx, services));
}

/** Commands whose `run` is already composed (the registry's own list). */
const layered = new WeakSet<Command<Services>>();

/** The command with its `run` inside every layer, so even a direct `run` answers as the registry does. */
function withLayers(command: Command<Services>): Command<Services> {
  const out = { ...command, run: composed(command) };
  layered.add(out);
  return out;
}

/** Every command, in the order menus show them. Add new commands here. */
export const commands: Command<Services>[] = [
  helpCommand('start', () => commands),
  briefCommand,
  timelineCommand,
  whoCommand,
  ...[digestCommand, subscribeCommand, unsubscribeCommand, filterCommand, feedsCommand, statusCommand].map(withDigests),
  helpCommand('help', () => commands),
].map(withLayers);

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

/**
 * Why command `name` will not run for this sender, in Arabic, or undefined when it will: an
 * adapter that must answer a refusal differently (Discord: privately, before deferring) asks
 * first; runCommand answers the same refusals itself.
 */
export async function refusal(name: string, ctx: Pick<CommandContext, 'isAdmin'>): Promise<string | undefined> {
  const command = findCommand(name);
  if (!command) return ar.unknownCommand(name);
  if (command.adminOnly && !(await ctx.isAdmin())) return ar.adminOnly;
  return undefined;
}

/** Runs command `name` for `ctx`; user mistakes become replies, other errors are thrown. */
export async function runCommand(name: string, ctx: CommandContext, services: Services): Promise<Message[]> {
  const command = findCommand(name);
  if (!command) return [notice(ar.unknownCommand(name))];
  return asList(await (layered.has(command) ? command.run(ctx, services) : composed(command)(ctx, services)));
}

/** An action's command name and arguments: "timeline #KEY" is /timeline with arguments "#KEY". */
function parseAction(action: string): { name: string; args: string } {
  const match = /^\/?([^\s:]+)(?:[\s:]+([\s\S]*))?$/u.exec(action.trim());
  return { name: match?.[1] ?? '', args: match?.[2]?.trim() ?? '' };
}

/** Runs the command behind an action button: "timeline #KEY" is /timeline with arguments "#KEY". */
export async function runAction(action: string, ctx: CommandContext, services: Services): Promise<Message[]> {
  const { name, args } = parseAction(action);
  return runCommand(name, { ...ctx, args }, services);
}

/**
 * The action acting on the channel `target` (as a user names it: "<#id>", "@channel") wherever its
 * button is pressed, when its command can act on a named channel ("digest" → "digest <#20>");
 * any other action unchanged. For buttons posted where a press comes from another chat than the
 * one they belong to (a forum digest's "more", pressed inside one of its posts).
 */
export function actionOnChannel(action: string, target: string): string {
  const { name, args } = parseAction(action);
  if (!findCommand(name)?.channelArg) return action;
  return args ? `${name} ${target} ${args}` : `${name} ${target}`;
}
