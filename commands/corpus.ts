import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { CorpusRefusal, MAX_UPLOAD_BYTES, type Actor } from '../src/corpus-store/corpus-store.ts';
import { summariseIndexedFile } from '../src/corpus-store/indexed-summary.ts';
import { reloadAfterChange } from '../src/corpus-store/reload-after-change.ts';
import type { Command } from '../src/discord/command.ts';
import type { BotContext } from '../src/discord/context.ts';
import { downloadAttachment } from '../src/discord/download-attachment.ts';
import { escapeMarkdownText } from '../src/discord/excerpt.ts';
import { clip, DISCORD_LIMITS } from '../src/discord/limits.ts';
import { isModerator } from '../src/discord/moderators.ts';
import { renderAdded, renderRemoved, renderRemovedList, renderRestored } from '../src/discord/render-corpus.ts';
import { NO_MENTIONS, privately } from '../src/discord/reply.ts';

const actorOf = (interaction: ChatInputCommandInteraction): Actor => ({ via: 'discord', id: interaction.user.id, name: interaction.user.username });

async function add(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const attachment = interaction.options.getAttachment('file', true);
  const bytes = await downloadAttachment({ name: attachment.name, url: attachment.url, size: attachment.size }, { ...context.attachmentDownloads, maxBytes: MAX_UPLOAD_BYTES });
  const added = await context.corpus.add({ name: attachment.name, bytes }, actorOf(interaction));
  const reload = await reloadAfterChange(context.library);
  await interaction.editReply({ embeds: [renderAdded(added, summariseIndexedFile(context.library.current, added.file), reload)], allowedMentions: NO_MENTIONS });
}

async function remove(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const removed = await context.corpus.remove(interaction.options.getString('file', true), actorOf(interaction));
  const reload = await reloadAfterChange(context.library);
  await interaction.editReply({ embeds: [renderRemoved(removed, reload)], allowedMentions: NO_MENTIONS });
}

async function restore(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const name = interaction.options.getString('file');
  if (name === null) {
    await interaction.editReply({ embeds: [renderRemovedList(await context.corpus.removed())], allowedMentions: NO_MENTIONS });
    return;
  }
  const restored = await context.corpus.restore(name, actorOf(interaction));
  const reload = await reloadAfterChange(context.library);
  await interaction.editReply({ embeds: [renderRestored(restored, summariseIndexedFile(context.library.current, restored.file), reload)], allowedMentions: NO_MENTIONS });
}

const SUBCOMMANDS = { add, remove, restore } as const;

/** Autocomplete values are at most 100 characters: a longer path cannot be offered, only typed. */
function choicesMatching(files: readonly { file: string; note?: string }[], typed: string): { name: string; value: string }[] {
  const wanted = typed.trim().toLowerCase();
  return files
    .filter(({ file }) => file.length <= DISCORD_LIMITS.choiceValue && file.toLowerCase().includes(wanted))
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map(({ file, note }) => ({ name: clip(note ? `${file} · ${note}` : file, DISCORD_LIMITS.choiceName), value: file }));
}

async function completeFile(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const typed = interaction.options.getFocused();
  if (interaction.options.getSubcommand() === 'restore') {
    const removed = (await context.corpus.removed()).map(({ name, record }) => ({ file: name, ...(record ? { note: `removed by ${record.by.name}` } : {}) }));
    await interaction.respond(choicesMatching(removed, typed));
    return;
  }
  const { documents, problems } = context.library.current;
  const skipped = problems.filter((problem) => problem.skipped).map((problem) => ({ file: problem.file, note: 'skipped' }));
  await interaction.respond(choicesMatching([...documents.map((document) => ({ file: document.file })), ...skipped], typed));
}

/** /corpus — moderators only: add an article to the corpus, remove one, bring a removed one back. */
export const corpus = {
  data: new SlashCommandBuilder()
    .setName('corpus')
    .setDescription('Moderators: add, remove or restore the documents the answers come from')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((subcommand) =>
      subcommand
        .setName('add')
        .setDescription('Add a .txt, .md or saved web page (.html) of up to 5 MiB')
        .addAttachmentOption((option) => option.setName('file').setDescription('The article: .txt (a paragraph per line), .md or .html').setRequired(true)),
    )
    .addSubcommand((subcommand) =>
      subcommand
        .setName('remove')
        .setDescription('Take a document out of the corpus (it can be restored)')
        .addStringOption((option) => option.setName('file').setDescription('The file, as /sources lists it').setRequired(true).setAutocomplete(true)),
    )
    .addSubcommand((subcommand) =>
      subcommand
        .setName('restore')
        .setDescription('List the removed documents, or bring one back')
        .addStringOption((option) => option.setName('file').setDescription('The removed file; leave empty to list them').setAutocomplete(true)),
    )
    .toJSON(),
  async execute(interaction, context) {
    if (!isModerator(interaction, context.moderatorRoleIds)) {
      await interaction.reply(privately('Only moderators can change the documents: you need Manage Server, Administrator, or a moderator role.'));
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const subcommand = interaction.options.getSubcommand() as keyof typeof SUBCOMMANDS;
    try {
      await SUBCOMMANDS[subcommand](interaction, context);
    } catch (error) {
      if (!(error instanceof CorpusRefusal)) throw error;
      context.logger.info({ interactionId: interaction.id, user: interaction.user.id, subcommand, reason: error.message }, 'corpus change refused');
      await interaction.editReply({ content: clip(escapeMarkdownText(error.message), DISCORD_LIMITS.content), allowedMentions: NO_MENTIONS });
    }
  },
  async autocomplete(interaction, context) {
    // The dispatcher answers an empty list when nothing responded: a non-moderator is offered nothing.
    if (isModerator(interaction, context.moderatorRoleIds)) await completeFile(interaction, context);
  },
} satisfies Command;
