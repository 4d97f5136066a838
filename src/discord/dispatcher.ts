import type { Interaction, RepliableInteraction } from 'discord.js';
import type { Command } from './command.ts';
import type { BotContext } from './context.ts';
import { turnPage } from './pages.ts';
import { privately } from './reply.ts';
import { cannotReachAsker } from './rest-policy.ts';
import { stillLoadingMessage } from './still-loading.ts';

/** What the asker reads when something failed: what happened, what to do, and a reference for the logs. */
export function failureMessage(interactionId: string): string {
  return `Something went wrong while answering. Please try again in a moment; if it keeps happening, give a moderator this reference so they can find it in the bot's logs: ${interactionId}`;
}

/** Tells the asker privately, whatever state the interaction is in. */
async function replyPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  const message = privately(content);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(message);
    return;
  }
  // A public "thinking…" placeholder cannot become private: remove it and follow up privately.
  if (interaction.deferred && !interaction.replied && !interaction.ephemeral) await interaction.deleteReply();
  await interaction.followUp(message);
}

/** Answers a failed interaction privately (or an autocomplete with nothing); says whether that worked. */
async function tellAboutFailure(interaction: Interaction): Promise<{ toldUser: boolean; replyError?: string }> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return { toldUser: false };
    }
    if (!interaction.isRepliable()) return { toldUser: false };
    await replyPrivately(interaction, failureMessage(interaction.id));
    return { toldUser: true };
  } catch (replyError) {
    return { toldUser: false, replyError: replyError instanceof Error ? replyError.message : String(replyError) };
  }
}

/**
 * Routes every interaction to its handler and is the one place where errors
 * are caught: each is logged with the interaction id and answered privately.
 */
export function createDispatcher(commands: ReadonlyMap<string, Command>, context: BotContext): (interaction: Interaction) => Promise<void> {
  const { logger } = context;

  async function route(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (context.library.ready) await commands.get(interaction.commandName)?.autocomplete?.(interaction, context);
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (interaction.isButton()) {
      await turnPage(interaction, context.pages);
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    const command = commands.get(interaction.commandName);
    if (!command) {
      await interaction.reply(privately(`This bot has no /${interaction.commandName} any more. A moderator should run \`npm run deploy\` to refresh its commands.`));
      return;
    }
    if (!context.library.ready && !command.runsBeforeLoaded) {
      await interaction.reply(privately(stillLoadingMessage(context.library)));
      return;
    }
    const waitMs = context.cooldown.take(interaction.user.id);
    if (waitMs > 0) {
      await interaction.reply(privately(`You're asking a little fast. Please wait ${Math.ceil(waitMs / 1000)} s, then ask again.`));
      return;
    }
    await command.execute(interaction, context);
  }

  return async function dispatch(interaction: Interaction): Promise<void> {
    const started = performance.now();
    try {
      await route(interaction);
      logger.debug({ interactionId: interaction.id, type: interaction.type, ms: Math.round(performance.now() - started) }, 'interaction answered');
    } catch (error) {
      const command = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined;
      const told = cannotReachAsker(error) ? { toldUser: false } : await tellAboutFailure(interaction);
      // One line per failed interaction, whatever happened to the apology, so that an incident's log stays readable.
      logger.error({ err: error, interactionId: interaction.id, type: interaction.type, command, user: interaction.user.id, ...told }, 'interaction failed');
    }
  };
}
