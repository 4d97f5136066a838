import { SlashCommandBuilder } from 'discord.js';
import { replyWithAnswer } from '../src/discord/answer-reply.ts';
import type { Command } from '../src/discord/command.ts';
import { privateOption } from '../src/discord/private-option.ts';

/** /when event: — when something happened, with the time expression from the text. */
export const when = {
  data: new SlashCommandBuilder()
    .setName('when')
    .setDescription('When something happened, in the documents’ own words')
    .addStringOption((option) => option.setName('event').setDescription('What happened').setRequired(true).setMaxLength(200))
    .addStringOption((option) =>
      option
        .setName('order')
        .setDescription('Most relevant first (default), or in the order things happened')
        .addChoices({ name: 'relevance', value: 'relevance' }, { name: 'timeline', value: 'timeline' }),
    )
    .addBooleanOption(privateOption)
    .toJSON(),
  execute: (interaction, context) =>
    replyWithAnswer(interaction, context, 'when', interaction.options.getString('event', true), {
      order: interaction.options.getString('order') === 'timeline' ? 'timeline' : 'relevance',
    }),
} satisfies Command;
