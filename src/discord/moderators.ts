import { PermissionFlagsBits, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';

/**
 * Whether the person may run moderator commands. /reload and /corpus are
 * registered with Manage Server as their default permission, but server owners can override
 * command permissions, so the code checks again: Manage Server (Administrator
 * implies it) in the interaction's permissions, or one of the moderator roles.
 */
export function isModerator(interaction: ChatInputCommandInteraction | AutocompleteInteraction, moderatorRoleIds: readonly string[]): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member.roles;
  // A cached member resolves roles through the guild's cache; an uncached one carries the raw ids.
  const roleIds = Array.isArray(roles) ? roles : [...roles.cache.keys()];
  return roleIds.some((id) => moderatorRoleIds.includes(id));
}
