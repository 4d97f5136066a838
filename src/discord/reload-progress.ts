import type { ChatInputCommandInteraction } from 'discord.js';
import { describeProgress } from '../progress.ts';
import type { BotContext } from './context.ts';
import { NO_MENTIONS } from './reply.ts';

/**
 * Waits for `work`, editing the deferred reply every `context.progressEveryMs`
 * with how far the build is, so that a moderator watching a long reload sees
 * it move. Resolves with the work's result once the last edit has landed, so
 * that the final reply is never overwritten by a late progress edit.
 */
export async function withProgressEdits<T>(interaction: ChatInputCommandInteraction, context: BotContext, work: Promise<T>): Promise<T> {
  let editing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    const { progress } = context.library;
    if (!progress) return;
    editing = editing
      .then(() => interaction.editReply({ content: `Reloading: ${describeProgress(progress)}…`, allowedMentions: NO_MENTIONS }))
      .catch((error: unknown) => context.logger.warn({ err: error, interactionId: interaction.id }, 'could not show reload progress'));
  }, context.progressEveryMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    await editing;
  }
}
