import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { analyseThroughCache } from './library-analysis.ts';
import type { BuildProgress, BuildRequest, WorkerMessage } from './library-build.ts';

/**
 * The build, in a worker thread: reads the corpus, takes each document's
 * analysis from the cache or makes it, takes or makes the corpus-wide
 * analysis, and sends the parts back in slices small enough that receiving
 * one never holds the serving thread for long.
 */
const SLICE = 1000;
const PROGRESS_EVERY_MS = 250;

if (!parentPort) throw new Error('library-worker runs only as a worker thread');
const port = parentPort;
const send = (message: WorkerMessage): void => port.postMessage(message);

let lastProgress = 0;
function progress(value: BuildProgress, force = false): void {
  const now = performance.now();
  if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
  lastProgress = now;
  send({ type: 'progress', progress: value });
}

/**
 * One slice at a time, each after the serving thread has taken the one
 * before: a port hands every queued message over in one turn, so slices sent
 * all at once would be received as one long block.
 */
async function sendSliced(part: 'documents' | 'passages' | 'timeExpressions' | 'people' | 'quotations', items: readonly unknown[], size = SLICE): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    const taken = once(port, 'message');
    send({ type: 'part', part, items: items.slice(start, start + size) });
    await taken;
  }
}

async function build(request: BuildRequest): Promise<void> {
  const { documents, problems, placed, corpus, cache } = await analyseThroughCache(request, (value) => progress(value, value.step !== 'analysing'));
  progress({ step: 'transferring', done: documents.length, total: documents.length }, true);
  // Documents carry their whole text: smaller slices keep each message to a few megabytes.
  await sendSliced('documents', documents, SLICE / 10);
  // A passage's text is a slice of its document's, which the serving thread already has: sending it again would double the bytes.
  await sendSliced('passages', placed.passages.map(({ text: _text, ...passage }) => passage));
  await sendSliced('timeExpressions', placed.timeExpressions);
  await sendSliced('people', corpus.people);
  await sendSliced('quotations', corpus.quotations);
  const indexes = { passages: placed.index, quotations: corpus.quotationIndex };
  // The indexes' arrays are handed over, not copied: the worker is done with them.
  const buffers = new Set([indexes.passages, indexes.quotations].flatMap(({ starts, entries, frequencies, ids, lengths }) => [starts, entries, frequencies, ids, lengths].map((array) => array.buffer)));
  port.postMessage({ type: 'done', problems, documentDates: [...placed.documentDates], indexes, cache } satisfies WorkerMessage, [...buffers] as ArrayBuffer[]);
}

build(workerData as BuildRequest).catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
});
