import dotenv from 'dotenv';
import { z } from 'zod';

const SNOWFLAKE = /^\d{17,20}$/u;
const snowflake = z.string().regex(SNOWFLAKE, 'must be a Discord id: 17 to 20 digits');

/**
 * The only reader of process.env. Parsed once at start-up; a wrong value stops
 * the program with a message that names the variable and the fix.
 */
const ConfigSchema = z.object({
  DISCORD_TOKEN: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('the bot token from the Discord developer portal (your application → Bot → Reset Token); leave unset for the local console'),
  DISCORD_CLIENT_ID: snowflake
    .optional()
    .describe('the application id from the Discord developer portal (your application → General Information → Application ID)'),
  DISCORD_GUILD_ID: snowflake
    .optional()
    .describe('the id of the server to register the commands in (Developer Mode on, right-click the server → Copy Server ID), or leave it unset to register them globally'),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/u })
    .optional()
    .describe('the REST base URL of Discord or of an HTTP proxy in front of it, such as https://discord.com/api (the default when unset)'),
  CORPUS_DIR: z.string().trim().min(1).default('./corpus').describe('the folder of documents to answer from'),
  CACHE_DIR: z
    .string()
    .trim()
    .min(1)
    .default('./.cache')
    .describe('a writable folder where the analysed corpus is kept between starts (safe to delete: it is rebuilt)'),
  MODERATOR_ROLE_IDS: z
    .string()
    .transform((list) => list.split(',').map((id) => id.trim()).filter((id) => id !== ''))
    .pipe(z.array(snowflake))
    .default([])
    .describe('a comma-separated list of role ids (Developer Mode on, right-click the role → Copy Role ID) whose members may /reload'),
  ATTACHMENT_ORIGINS: z
    .string()
    .transform((list) => list.split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''))
    .pipe(z.array(z.url({ protocol: /^https?$/u }).transform((url) => new URL(url).origin)))
    .default(['https://cdn.discordapp.com', 'https://media.discordapp.net'])
    .describe("a comma-separated list of the origins /corpus add may download attachments from, such as https://cdn.discordapp.com (Discord's CDN, the default with https://media.discordapp.net)"),
  CORPUS_WATCH: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(false)
    .describe('true to reload the documents whenever a file in CORPUS_DIR changes, or false (the default)'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('one of fatal, error, warn, info, debug, trace, silent'),
});

export type Config = z.infer<typeof ConfigSchema>;
type Variable = keyof typeof ConfigSchema.shape;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Empty strings count as unset, as they do in most .env files. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''));
}

function hintFor(variable: string): string {
  const field = ConfigSchema.shape[variable as Variable];
  return field?.description ? ` Set ${variable} in .env to ${field.description}.` : '';
}

function configError(lines: readonly string[]): ConfigError {
  return new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse(withoutEmpty(env));
  if (parsed.success) return parsed.data;
  throw configError(
    parsed.error.issues.map((issue) => {
      const [variable = 'configuration', item] = issue.path.map(String);
      const where = item === undefined ? variable : `${variable} (item ${Number(item) + 1})`;
      return `${where}: ${issue.message}.${hintFor(variable)}`;
    }),
  );
}

/** What `npm run deploy` needs to register the commands. */
export interface DeploySettings {
  token: string;
  clientId: string;
  guildId?: string;
  apiUrl?: string;
}

/** The settings to register commands with; a missing one stops with the variable and the fix. */
export function requireDeploySettings(config: Config): DeploySettings {
  const missing = (['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const).filter((variable) => config[variable] === undefined);
  if (!config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    throw configError(missing.map((variable) => `${variable}: required to register the commands.${hintFor(variable)}`));
  }
  return {
    token: config.DISCORD_TOKEN,
    clientId: config.DISCORD_CLIENT_ID,
    ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
    ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
  };
}

/** Reads .env (if any) into process.env, then parses it. */
export function loadConfig(): Config {
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}
