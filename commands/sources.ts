import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { renderSources } from '../src/discord/render-sources.ts';
import { sendPages } from '../src/discord/send-pages.ts';
import { askedPrivately, privateOption } from '../src/discord/private-option.ts';

/** /sources — the documents in the corpus with their titles and sizes. */
export const sources = {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The documents the answers come from, with their titles and sizes')
    .addBooleanOption(privateOption)
    .toJSON(),
  execute: (interaction, context) => sendPages(interaction, context, renderSources(context.library.current), askedPrivately(interaction)),
} satisfies Command;
