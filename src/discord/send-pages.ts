import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from './context.ts';
import { pageControls } from './pages.ts';
import type { ReplyPage } from './render-answer.ts';
import { NO_MENTIONS } from './reply.ts';

/**
 * Replies with the first page (editing the deferred reply when there is one);
 * more pages get Previous/Next buttons, removed again when they expire.
 */
export async function sendPages(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  pages: readonly ReplyPage[],
  ephemeral: boolean,
): Promise<void> {
  const [first] = pages;
  if (!first) throw new Error('sendPages: a reply needs at least one page');
  const components = pages.length > 1 ? [pageControls(interaction.id, 0, pages.length)] : [];
  const message = { ...first, components, allowedMentions: NO_MENTIONS };
  if (interaction.deferred) await interaction.editReply(message);
  else await interaction.reply({ ...message, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  if (pages.length < 2) return;
  context.pages.keep(interaction.id, { ownerId: interaction.user.id, pages }, async () => {
    try {
      await interaction.editReply({ components: [], allowedMentions: NO_MENTIONS });
    } catch (error) {
      context.logger.warn({ err: error, interactionId: interaction.id }, 'could not remove expired page buttons');
    }
  });
}
