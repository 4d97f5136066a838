import type { ChatInputCommandInteraction, SlashCommandBooleanOption } from 'discord.js';

const PRIVATE_OPTION = 'private';

/** The optional `private:` flag of every answering command. */
export function privateOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return option.setName(PRIVATE_OPTION).setDescription('Show the answer only to you');
}

/** Whether the asker set `private: True`, so the answer is ephemeral. */
export function askedPrivately(interaction: ChatInputCommandInteraction): boolean {
  return interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
}
