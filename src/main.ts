import { loadConfig } from './config.ts';
import { runConsole } from './console.ts';
import { cachedBuilder } from './library-build.ts';
import { startBot } from './discord/bot.ts';
import { createLogger, type Logger } from './logger.ts';

/** Disconnects on SIGINT or SIGTERM, then exits. */
function stopOnSignals(stop: () => Promise<void>, logger: Logger): void {
  const shutDown = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'could not shut down cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
}

/** `npm start`: with DISCORD_TOKEN the Discord bot, without it the local console. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  if (config.DISCORD_TOKEN) {
    // discord.js drops a malformed gateway event with only a rejected promise to show for it:
    // log it and keep serving rather than let one event stop the bot.
    process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
    const bot = await startBot(config, logger);
    stopOnSignals(() => bot.stop(), logger);
    // Deaf to Discord for good: exit non-zero so that a supervisor (systemd, Docker, pm2) restarts it.
    void bot.connectionLost.then(() => bot.stop().finally(() => process.exit(1)));
    return;
  }
  const library = await cachedBuilder(config.CACHE_DIR, logger)(config.CORPUS_DIR, () => {});
  for (const problem of library.problems) logger.warn({ file: problem.file, skipped: problem.skipped }, problem.reason);
  await runConsole(library, process.stdin, process.stdout);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
