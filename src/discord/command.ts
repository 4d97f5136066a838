import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { z } from 'zod';
import type { BotContext } from './context.ts';

/** A slash command module: its definition for Discord and a short handler. */
export interface Command {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** True for a command that needs no Library (/reload): it runs even before the corpus has loaded. */
  readonly runsBeforeLoaded?: boolean;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

const handler = z.custom<(...args: never[]) => Promise<void>>((value) => typeof value === 'function', 'must be a function');

/** The shape every module in commands/ must have, checked when the list is built. */
export const CommandSchema = z
  .object({
    data: z.looseObject({
      name: z.string().regex(/^[-_\p{Ll}\p{N}]{1,32}$/u, 'must be 1–32 lower-case letters, digits, - or _'),
      description: z.string().min(1).max(100),
      options: z.array(z.looseObject({ name: z.string(), autocomplete: z.boolean().optional() })).max(25).optional(),
    }),
    execute: handler,
    autocomplete: handler.optional(),
  })
  .refine((command) => !command.data.options?.some((option) => option.autocomplete) || command.autocomplete, {
    message: 'has an autocomplete option but no autocomplete handler',
  });

/** Checks each module's shape and that names are unique; returns them by name. */
export function indexCommands(commands: readonly Command[]): ReadonlyMap<string, Command> {
  const byName = new Map<string, Command>();
  for (const command of commands) {
    const checked = CommandSchema.safeParse(command);
    const name = command.data.name;
    if (!checked.success) throw new Error(`command /${name}: ${checked.error.issues.map((issue) => `${issue.path.join('.') || 'module'} ${issue.message}`).join('; ')}`);
    if (byName.has(name)) throw new Error(`command /${name} is defined twice`);
    byName.set(name, command);
  }
  return byName;
}
