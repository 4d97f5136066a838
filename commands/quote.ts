import { SlashCommandBuilder } from 'discord.js';
import { replyWithAnswer } from '../src/discord/answer-reply.ts';
import { completePerson } from '../src/discord/complete-person.ts';
import type { Command } from '../src/discord/command.ts';
import { privately } from '../src/discord/reply.ts';
import { privateOption } from '../src/discord/private-option.ts';

/** /quote text: speaker: — direct quotations, with who said them; either option alone works. */
export const quote = {
  data: new SlashCommandBuilder()
    .setName('quote')
    .setDescription('Direct quotations and who said them')
    .addStringOption((option) => option.setName('text').setDescription('Words of the quotation').setMaxLength(200))
    .addStringOption((option) => option.setName('speaker').setDescription('Who said it').setMaxLength(100).setAutocomplete(true))
    .addBooleanOption(privateOption)
    .toJSON(),
  async execute(interaction, context) {
    const text = interaction.options.getString('text')?.trim() ?? '';
    const speaker = interaction.options.getString('speaker')?.trim() ?? '';
    if (text === '' && speaker === '') {
      await interaction.reply(privately('Give the words of the quotation (`text:`), who said it (`speaker:`), or both.'));
      return;
    }
    await replyWithAnswer(interaction, context, 'quote', text, speaker ? { speaker } : {});
  },
  autocomplete: completePerson,
} satisfies Command;
