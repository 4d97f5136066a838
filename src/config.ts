import dotenv from 'dotenv';
import { z } from 'zod';

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
    .describe('the bot token from the Discord developer portal (Bot → Reset Token); leave unset for the local console'),
  CORPUS_DIR: z.string().trim().min(1).default('./corpus').describe('the folder of documents to answer from'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('one of fatal, error, warn, info, debug, trace, silent'),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Empty strings count as unset, as they do in most .env files. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''));
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse(withoutEmpty(env));
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? 'configuration');
    const field = ConfigSchema.shape[variable as keyof typeof ConfigSchema.shape];
    const hint = field?.description ? ` Set ${variable} in .env to ${field.description}.` : '';
    return `${variable}: ${issue.message}.${hint}`;
  });
  throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

/** Reads .env (if any) into process.env, then parses it. */
export function loadConfig(): Config {
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}
