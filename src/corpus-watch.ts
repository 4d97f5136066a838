import path from 'node:path';
import { watch } from 'chokidar';
import type { LibraryService } from './library-service.ts';
import type { Logger } from './logger.ts';

/** Long enough that copying a folder of files in is one reload, short enough to feel immediate. */
const DEFAULT_WATCH_DEBOUNCE_MS = 1000;

export interface CorpusWatcher {
  close(): Promise<void>;
}

/**
 * CORPUS_WATCH=true: reloads the Library when a file in the corpus folder is
 * added, changed or removed, once the changes have paused for `debounceMs`.
 * Hidden files and folders (.removed/, the manifest, temporary files) are not
 * watched: the loader does not read them either.
 */
export function watchCorpus(library: LibraryService, logger: Logger, debounceMs = DEFAULT_WATCH_DEBOUNCE_MS): CorpusWatcher {
  const root = path.resolve(library.directory);
  const hidden = (file: string): boolean => path.relative(root, file).split(path.sep).some((segment) => segment.startsWith('.'));
  const watcher = watch(root, { ignoreInitial: true, ignored: hidden });
  let timer: NodeJS.Timeout | undefined;
  const reload = async (): Promise<void> => {
    const { outcome } = await library.reload();
    if (outcome.ok) logger.info({ added: outcome.diff.added, changed: outcome.diff.changed, removed: outcome.diff.removed, durationMs: outcome.durationMs }, 'corpus changed: reloaded');
    else logger.warn({ reason: outcome.reason }, 'corpus changed, but the reload failed: the previous library is still serving');
  };
  watcher.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  });
  watcher.on('error', (error) => logger.error({ err: error }, 'watching the corpus folder failed'));
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
