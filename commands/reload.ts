import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { isModerator } from '../src/discord/moderators.ts';
import { renderReload } from '../src/discord/render-reload.ts';
import { withProgressEdits } from '../src/discord/reload-progress.ts';
import { NO_MENTIONS, privately } from '../src/discord/reply.ts';

/** /reload — moderators only: rebuild the Library from the corpus folder and swap it in on success. */
export const reload = {
  data: new SlashCommandBuilder()
    .setName('reload')
    .setDescription('Moderators: reload the documents from the corpus folder')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),
  runsBeforeLoaded: true,
  async execute(interaction, context) {
    if (!isModerator(interaction, context.moderatorRoleIds)) {
      await interaction.reply(privately('Only moderators can reload the documents: you need Manage Server, Administrator, or a moderator role.'));
      return;
    }
    // Started before the acknowledgement, so that reloads asked for together share one rebuild;
    // logged whatever becomes of the interaction, whose token may die before a long build ends.
    const reloading = context.library.reload().then((result) => {
      const { outcome, joined } = result;
      const details = outcome.ok ? { added: outcome.diff.added.length, changed: outcome.diff.changed.length, removed: outcome.diff.removed.length } : { reason: outcome.reason };
      context.logger.info({ interactionId: interaction.id, user: interaction.user.id, ok: outcome.ok, joined, durationMs: outcome.durationMs, ...details }, 'reload finished');
      return result;
    });
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const result = await withProgressEdits(interaction, context, reloading);
    await interaction.editReply({ content: '', embeds: [renderReload(result)], allowedMentions: NO_MENTIONS });
  },
} satisfies Command;
