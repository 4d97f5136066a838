import { DiscordAPIError } from 'discord.js';
import { commands } from '../../commands/index.ts';
import { loadConfig, requireDeploySettings } from '../config.ts';
import { registerCommands } from './register-commands.ts';

/** What to check when Discord refuses the registration. */
function explain(error: unknown): string {
  if (!(error instanceof DiscordAPIError)) return error instanceof Error ? error.message : String(error);
  if (error.status === 401) return `Discord refused DISCORD_TOKEN (${error.message}). Reset the token in the developer portal and set DISCORD_TOKEN in .env.`;
  if (error.status === 403 || error.status === 404) {
    return `Discord refused the registration (${error.message}). Check that DISCORD_CLIENT_ID is this bot's application id and, if set, that DISCORD_GUILD_ID is a server the bot was invited to with the applications.commands scope.`;
  }
  return `Discord refused the registration: ${error.message}`;
}

/** `npm run deploy`: registers the slash commands, in DISCORD_GUILD_ID when set, else globally. */
async function deploy(): Promise<void> {
  const settings = requireDeploySettings(loadConfig());
  const registration = await registerCommands(settings, commands.values());
  const where = registration.scope === 'guild' ? `in server ${settings.guildId} (available now)` : 'globally (every server the bot is in)';
  process.stdout.write(`Registered ${registration.names.map((name) => `/${name}`).join(', ')} ${where}.\n`);
}

deploy().catch((error: unknown) => {
  process.stderr.write(`${explain(error)}\n`);
  process.exitCode = 1;
});
