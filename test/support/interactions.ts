import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIAttachment,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIUser,
} from 'discord.js';
import { nextSnowflake, type DiscordEmulator } from './discord-emulator.ts';

/** Who sends an interaction: a server member with permissions and roles, or a user in a DM. */
export interface Asker {
  user: APIUser;
  /** The member's computed permissions in the channel, as Discord sends them (a bitfield string). */
  permissions: string;
  roles: string[];
  inGuild: boolean;
}

export const PERMISSIONS = { none: '0', administrator: '8', manageGuild: '32' } as const;

export function newAsker(overrides: Partial<Omit<Asker, 'user'>> = {}): Asker {
  const id = nextSnowflake();
  return {
    user: { id, username: `user${id.slice(-4)}`, discriminator: '0', global_name: null, avatar: null },
    permissions: PERMISSIONS.none,
    roles: [],
    inGuild: true,
    ...overrides,
  };
}

export type OptionValues = Record<string, string | boolean>;

function commandOptions(values: OptionValues, focused?: string): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(values).map(([name, value]) =>
    typeof value === 'boolean'
      ? { name, type: ApplicationCommandOptionType.Boolean, value }
      : { name, type: ApplicationCommandOptionType.String, value, ...(name === focused ? { focused: true } : {}) },
  );
}

/** The fields every interaction carries, as Discord sends them (discord.js drops payloads without entitlements). */
function base(emulator: DiscordEmulator, asker: Asker) {
  const id = nextSnowflake();
  const where = asker.inGuild
    ? {
        guild_id: emulator.guildId,
        guild: { id: emulator.guildId, locale: Locale.EnglishUS, features: [] },
        guild_locale: Locale.EnglishUS,
        channel: { id: emulator.channelId, type: 0 as const, guild_id: emulator.guildId },
        channel_id: emulator.channelId,
        member: {
          user: asker.user, roles: asker.roles, permissions: asker.permissions, joined_at: new Date().toISOString(),
          deaf: false, mute: false, flags: 0, nick: null, avatar: null, banner: null,
        },
        context: InteractionContextType.Guild,
        authorizing_integration_owners: { '0': emulator.guildId },
      }
    : {
        channel: { id: nextSnowflake(), type: 1 as const },
        user: asker.user,
        context: InteractionContextType.BotDM,
        authorizing_integration_owners: { '0': '0' },
      };
  return {
    id,
    application_id: emulator.applicationId,
    token: `interaction-token-${id}`,
    version: 1 as const,
    app_permissions: '2248473465835073',
    locale: Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10_485_760,
    ...where,
  };
}

export function chatInput(emulator: DiscordEmulator, name: string, values: OptionValues, asker: Asker): APIChatInputApplicationCommandInteraction {
  return {
    ...base(emulator, asker),
    type: InteractionType.ApplicationCommand,
    data: { id: nextSnowflake(), name, type: ApplicationCommandType.ChatInput, options: commandOptions(values) },
  } as APIChatInputApplicationCommandInteraction;
}

export function autocomplete(emulator: DiscordEmulator, name: string, values: OptionValues, focused: string, asker: Asker): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(emulator, asker),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: nextSnowflake(), name, type: ApplicationCommandType.ChatInput, options: commandOptions(values, focused) },
  } as APIApplicationCommandAutocompleteInteraction;
}

/** A press on a button of `message`, which a component interaction carries whole. */
export function buttonPress(emulator: DiscordEmulator, customId: string, message: APIMessage, asker: Asker): APIMessageComponentButtonInteraction {
  return {
    ...base(emulator, asker),
    type: InteractionType.MessageComponent,
    message,
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as APIMessageComponentButtonInteraction;
}

/** A subcommand's options as Discord nests them: the subcommand, then its own options. */
function subcommandData(name: string, subcommand: string, options: APIApplicationCommandInteractionDataBasicOption[]) {
  return { id: nextSnowflake(), name, type: ApplicationCommandType.ChatInput, options: [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options }] };
}

export function subcommandInput(emulator: DiscordEmulator, name: string, subcommand: string, values: OptionValues, asker: Asker): APIChatInputApplicationCommandInteraction {
  return { ...base(emulator, asker), type: InteractionType.ApplicationCommand, data: subcommandData(name, subcommand, commandOptions(values)) } as APIChatInputApplicationCommandInteraction;
}

export function subcommandAutocomplete(emulator: DiscordEmulator, name: string, subcommand: string, values: OptionValues, focused: string, asker: Asker): APIApplicationCommandAutocompleteInteraction {
  return { ...base(emulator, asker), type: InteractionType.ApplicationCommandAutocomplete, data: subcommandData(name, subcommand, commandOptions(values, focused)) } as APIApplicationCommandAutocompleteInteraction;
}

/** A subcommand with an attachment option: the option holds the attachment's id, the resolved data the attachment. */
export function attachmentInput(emulator: DiscordEmulator, name: string, subcommand: string, attachment: APIAttachment, asker: Asker): APIChatInputApplicationCommandInteraction {
  const option = { name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id } as const;
  return {
    ...base(emulator, asker),
    type: InteractionType.ApplicationCommand,
    data: { ...subcommandData(name, subcommand, [option]), resolved: { attachments: { [attachment.id]: attachment } } },
  } as APIChatInputApplicationCommandInteraction;
}
