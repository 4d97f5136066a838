import { SlashCommandBuilder } from 'discord.js';
import { replyWithAnswer } from '../src/discord/answer-reply.ts';
import { completePerson } from '../src/discord/complete-person.ts';
import type { Command } from '../src/discord/command.ts';
import { privateOption } from '../src/discord/private-option.ts';

/** /who name: — who a person is and where they appear. */
export const who = {
  data: new SlashCommandBuilder()
    .setName('who')
    .setDescription('Who a person is and where they appear, in the documents’ own words')
    .addStringOption((option) =>
      option.setName('name').setDescription('A name from the documents').setRequired(true).setMaxLength(100).setAutocomplete(true),
    )
    .addBooleanOption(privateOption)
    .toJSON(),
  execute: (interaction, context) => replyWithAnswer(interaction, context, 'who', interaction.options.getString('name', true)),
  autocomplete: completePerson,
} satisfies Command;
