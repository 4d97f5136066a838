import { REST, Routes } from 'discord.js';
import type { DeploySettings } from '../config.ts';
import type { Command } from './command.ts';

export interface Registration {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Replaces the application's slash commands with these: in one server when a
 * guild id is given (instant, for development), otherwise globally.
 */
export async function registerCommands(settings: DeploySettings, commands: Iterable<Command>): Promise<Registration> {
  const rest = new REST(settings.apiUrl ? { api: settings.apiUrl } : {}).setToken(settings.token);
  const route = settings.guildId ? Routes.applicationGuildCommands(settings.clientId, settings.guildId) : Routes.applicationCommands(settings.clientId);
  const registered = (await rest.put(route, { body: [...commands].map((command) => command.data) })) as { name: string }[];
  return { scope: settings.guildId ? 'guild' : 'global', names: registered.map((command) => command.name) };
}
