import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { answer, type AnswerOptions, type CommandName } from '../core/answer/answer.ts';
import type { BotContext } from './context.ts';
import { askedPrivately } from './private-option.ts';
import { renderAnswer } from './render-answer.ts';
import { sendPages } from './send-pages.ts';

/** How many results an answer fetches; they are shown a page at a time. */
export const RESULTS_PER_ANSWER = 25;

/**
 * Answers /who, /when or /quote from the serving Library. A large corpus is
 * deferred first, so that Discord hears back within its 3 seconds however
 * long the search takes.
 */
export async function replyWithAnswer(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  command: CommandName,
  query: string,
  options: Pick<AnswerOptions, 'speaker' | 'order'> = {},
): Promise<void> {
  const ephemeral = askedPrivately(interaction);
  const library = context.library.current;
  if (library.passages.length >= context.deferFromPassages) {
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }
  const result = answer(library, command, query, { ...options, limit: RESULTS_PER_ANSWER });
  await sendPages(interaction, context, renderAnswer(result), ephemeral);
}
