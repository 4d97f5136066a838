import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { renderSources } from '../src/discord/render-sources.ts';
import { sendPages } from '../src/discord/send-pages.ts';
import { askedPrivately, privateOption } from '../src/discord/private-option.ts';

/** /sources — the documents in the corpus with their titles and sizes, and who added them. */
export const sources = {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The documents the answers come from, with their titles and sizes')
    .addBooleanOption(privateOption)
    .toJSON(),
  async execute(interaction, context) {
    // A damaged manifest costs the "added by" notes, not the list.
    const added = await context.corpus.provenance().catch((error: unknown) => {
      context.logger.warn({ err: error, interactionId: interaction.id }, 'corpus manifest unreadable');
      return {};
    });
    await sendPages(interaction, context, renderSources(context.library.current, added), askedPrivately(interaction));
  },
} satisfies Command;
