import { setTimeout as sleep } from 'node:timers/promises';
import type { Interaction } from 'discord.js';
import type { Logger } from '../logger.ts';
import { privately } from './reply.ts';

export const RESTARTING_MESSAGE = 'The bot is restarting and could not finish this answer. Please ask again in a minute.';

/** How long a stopping bot waits for the answers it is working on. */
export const SHUTDOWN_GRACE_MS = 4000;
/** How long it then gives its last private messages: the whole stop stays within 10 s. */
export const FAREWELL_WITHIN_MS = 2000;

/**
 * Tells each asker privately that the bot is restarting: a reply when the
 * interaction is not acknowledged yet, else a follow-up. Failures are logged,
 * never thrown: the bot is stopping either way.
 */
export async function sayRestarting(interactions: readonly Interaction[], logger: Logger): Promise<void> {
  const farewells = interactions.map(async (interaction) => {
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.isRepliable()) {
        const message = privately(RESTARTING_MESSAGE);
        await (interaction.deferred || interaction.replied ? interaction.followUp(message) : interaction.reply(message));
      }
    } catch (error) {
      logger.warn({ err: error, interactionId: interaction.id }, 'could not say the bot is restarting');
    }
  });
  await Promise.race([Promise.allSettled(farewells), sleep(FAREWELL_WITHIN_MS, undefined, { ref: false })]);
}
