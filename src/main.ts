import { loadConfig } from './config.ts';
import { runConsole } from './console.ts';
import { loadLibrary } from './core/library.ts';
import { createLogger } from './logger.ts';

/** `npm start`: with DISCORD_TOKEN the Discord bot, without it the local console. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const library = await loadLibrary(config.CORPUS_DIR);
  for (const problem of library.problems) logger.warn({ file: problem.file, skipped: problem.skipped }, problem.reason);
  await runConsole(library, process.stdin, process.stdout);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
