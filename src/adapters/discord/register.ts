/**
 * Registers the application commands with Discord: globally (may take a while to show everywhere)
 * or in one guild (immediate, for testing). PUT replaces the whole set, so stale commands go away.
 */
import { Routes, type REST } from 'discord.js';
import { commands as registry } from '../../commands/registry.ts';
import { commandDefinitions, type CommandInfo } from './definitions.ts';

/** One registered command as Discord reports it. */
export interface RegisteredCommand {
  id: string;
  name: string;
  type: number;
}

/** PUTs the slash and context-menu commands built from the registry; returns what Discord stored. */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  guildId?: string,
  commands: readonly CommandInfo[] = registry,
): Promise<RegisteredCommand[]> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  return (await rest.put(route, { body: commandDefinitions(commands) })) as RegisteredCommand[];
}
