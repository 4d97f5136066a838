import { parseAskArgs, UsageError } from './ask-args.ts';
import { loadConfig } from './config.ts';
import { exitWhenDone } from './exit-code.ts';
import { answer, AnswerSchema } from './core/answer/answer.ts';
import { cachedBuilder } from './library-build.ts';
import { createLogger } from './logger.ts';
import { renderAnswerText } from './render-text.ts';

/** `npm run ask -- who Witkoff [--json]`: answers once and exits. */
async function main(argv: readonly string[]): Promise<number> {
  let request;
  try {
    request = parseAskArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const library = await cachedBuilder(config.CACHE_DIR, logger)(config.CORPUS_DIR, () => {});
  for (const problem of library.problems) logger.warn({ file: problem.file }, problem.reason);
  const result = AnswerSchema.parse(
    answer(library, request.command, request.query, {
      limit: request.limit,
      ...(request.speaker ? { speaker: request.speaker } : {}),
      ...(request.order ? { order: request.order } : {}),
    }),
  );
  process.stdout.write(request.json ? `${JSON.stringify(result)}\n` : `${renderAnswerText(result)}\n`);
  return 0;
}

exitWhenDone(main(process.argv.slice(2)));
