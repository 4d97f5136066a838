import { SingleBar } from 'cli-progress';
import type { BuildProgress } from './library-build.ts';
import type { Logger } from './logger.ts';

/** How often a build's progress is logged when nobody watches a terminal. */
const LOG_EVERY_MS = 5000;

const STEP_LABELS: Record<BuildProgress['step'], string> = {
  analysing: 'analysing documents',
  people: 'finding people and quotations',
  transferring: 'handing over',
  indexing: 'indexing passages',
};

/** "400 of 1,000 documents, analysing documents", for logs, replies and the terminal. */
export function describeProgress({ step, done, total }: BuildProgress): string {
  return `${done.toLocaleString('en')} of ${total.toLocaleString('en')} documents, ${STEP_LABELS[step]}`;
}

export interface ProgressDisplay {
  update(progress: BuildProgress): void;
  stop(): void;
}

/** A progress bar on a terminal; elsewhere (a service's log), a structured log line every few seconds. */
export function showProgress(logger: Logger, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (stream.isTTY) {
    const bar = new SingleBar({ stream, format: 'Loading the corpus |{bar}| {value}/{total} documents · {step}', hideCursor: true, clearOnComplete: true });
    let started = false;
    return {
      update(progress) {
        if (!started) bar.start(progress.total, progress.done, { step: STEP_LABELS[progress.step] });
        started = true;
        bar.update(progress.done, { step: STEP_LABELS[progress.step] });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLogged = performance.now();
  return {
    update(progress) {
      if (performance.now() - lastLogged < LOG_EVERY_MS) return;
      lastLogged = performance.now();
      logger.info({ step: progress.step, done: progress.done, total: progress.total }, `loading the corpus (${describeProgress(progress)})`);
    },
    stop: () => {},
  };
}
