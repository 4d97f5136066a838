import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import SearchableMap from 'minisearch/SearchableMap';
import { assembleLibrary, type Library, type PlacedAnalyses } from './core/library/library.ts';
import { TextIndex, type TextIndexData } from './core/search/search.ts';
import type { DocumentDate, LoadProblem, Passage, PeopleIndex, Quotation, SourceDocument, TimeExpression } from './core/types.ts';
import { analyseThroughCache, libraryOf } from './library-analysis.ts';
import type { CacheNote } from './library-cache.ts';
import type { LibraryBuilder } from './library-service.ts';
import type { Logger } from './logger.ts';
import { showProgress } from './progress.ts';
import { peopleIndexBuilder, type PersonRecord } from './core/people/people.ts';

export interface BuildRequest {
  directory: string;
  cacheDir: string;
  /** The fewest documents to analyse that are worth one more thread (see analyseDocuments); tests lower it. */
  minDocumentsPerThread?: number;
}

/** Where a build is: documents analysed (or taken from the cache) of all, and the step it is on. */
export interface BuildProgress {
  step: 'analysing' | 'people' | 'transferring' | 'indexing';
  done: number;
  total: number;
}

/** What the cache saved: documents reused or analysed again, the corpus-wide part reused or not, and entries it could not use. */
export interface CacheReport {
  reused: number;
  analysed: number;
  corpusReused: boolean;
  notes: CacheNote[];
}

export type WorkerMessage =
  | { type: 'progress'; progress: BuildProgress }
  | { type: 'part'; part: 'documents' | 'passages' | 'timeExpressions' | 'people' | 'quotations'; items: unknown[] }
  | { type: 'done'; problems: LoadProblem[]; documentDates: [string, DocumentDate][]; indexes: { passages: TextIndexData; quotations: TextIndexData }; cache: CacheReport }
  | { type: 'failed'; message: string };

/** A built Library with what its build cost and saved. */
export interface BuildReport {
  library: Library;
  cache: CacheReport;
  /** From the worker's first slice to the last one received. */
  transferMs: number;
  /** Preparing the two text indexes and the people index here, in slices. */
  indexMs: number;
}

export type ProgressListener = (progress: BuildProgress) => void;

/** A plain module that loads the TypeScript worker through tsx, as the rest of the bot is loaded. */
const WORKER_ENTRY = new URL('./library-worker-boot.mjs', import.meta.url);
/** Work done between two turns of the event loop while indexing; well under the 50 ms a question may wait. */
const SLICE_MS = 8;

/**
 * Feeds items to `take` a slice of time at a time, yielding to the event loop
 * between slices, so that questions asked meanwhile wait a few milliseconds at
 * most. minisearch's addAllAsync slices by count, which cannot bound the time
 * a slice takes on long passages, and covers only the text indexes.
 */
async function inSlices<T>(items: Iterable<T>, take: (item: T) => void, onSlice: (done: number) => void = () => {}): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let position = 0;
  for (let next = iterator.next(); !next.done; ) {
    const sliceEnd = performance.now() + SLICE_MS;
    for (; !next.done && performance.now() < sliceEnd; next = iterator.next()) {
      take(next.value);
      position += 1;
    }
    onSlice(position);
    await nextTurn();
  }
}

/** A text index from the data the worker froze: only the radix tree of its terms (for slips) is built here, in slices. */
async function indexInSlices(data: TextIndexData, onSlice?: (done: number) => void): Promise<TextIndex> {
  const tree = new SearchableMap<number>();
  let position = 0;
  await inSlices(data.terms, (term) => tree.set(term, position++), onSlice);
  return new TextIndex(data, tree);
}

async function peopleInSlices(records: readonly PersonRecord[], passages: readonly Passage[]): Promise<PeopleIndex> {
  const builder = peopleIndexBuilder(passages);
  // Each step is done as the iterator reaches it: there is nothing left to take.
  const steps = (function* () {
    for (const record of records) yield* builder.stepsOf(record);
  })();
  await inSlices(steps, () => {});
  return builder.finish();
}

interface ReceivedParts {
  documents: SourceDocument[];
  passages: Passage[];
  timeExpressions: TimeExpression[];
  people: PersonRecord[];
  quotations: Quotation[];
}

/** A passage as the worker sends it: its text is a slice of its document's, which is sent once. */
type PassageWithoutText = Omit<Passage, 'text'>;

/** Runs the worker and collects its slices until it is done or has failed. */
function runWorker(request: BuildRequest, onProgress: ProgressListener): Promise<{ parts: ReceivedParts; done: Extract<WorkerMessage, { type: 'done' }>; transferMs: number }> {
  const parts: ReceivedParts = { documents: [], passages: [], timeExpressions: [], people: [], quotations: [] };
  const texts = new Map<string, string>();
  let firstPartAt: number | undefined;
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { workerData: { ...request, module: './library-worker.ts' } });
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      finish();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'part') {
        firstPartAt ??= performance.now();
        if (message.part === 'passages') {
          // A passage's text is sliced again from its document's, received before the passages.
          for (const { file, start, end, ...passage } of message.items as PassageWithoutText[]) parts.passages.push({ ...passage, file, start, end, text: (texts.get(file) ?? '').slice(start, end) });
        } else for (const item of message.items) (parts[message.part] as unknown[]).push(item);
        if (message.part === 'documents') for (const { file, text } of message.items as SourceDocument[]) texts.set(file, text);
        worker.postMessage('taken');
      } else if (message.type === 'done') settle(() => resolve({ parts, done: message, transferMs: performance.now() - (firstPartAt ?? performance.now()) }));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the library build stopped (worker exit code ${code})`))));
  });
}

/**
 * Builds a Library off the event loop: the worker reads, analyses and caches;
 * this thread only receives the parts and fills the two text indexes in
 * short slices. The caller gets a finished Library or an error, never half of one.
 */
export async function buildLibraryInWorker(request: BuildRequest, onProgress: ProgressListener = () => {}): Promise<BuildReport> {
  const { parts, done, transferMs } = await runWorker(request, onProgress);
  const started = performance.now();
  const total = parts.documents.length;
  const placed: PlacedAnalyses = { passages: parts.passages, documentDates: new Map(done.documentDates), timeExpressions: parts.timeExpressions, index: done.indexes.passages };
  const report = (indexed: number): void => onProgress({ step: 'indexing', done: Math.floor((total * indexed) / Math.max(1, placed.index.terms.length)), total });
  const index = await indexInSlices(placed.index, report);
  const documentsByFile = new Map(parts.documents.map((document) => [document.file, document]));
  const quotationIndex = await indexInSlices(done.indexes.quotations);
  const people = await peopleInSlices(parts.people, placed.passages);
  const library = assembleLibrary({ documents: parts.documents, documentsByFile, placed, people, quotations: parts.quotations, index, quotationIndex, problems: done.problems });
  return { library, cache: done.cache, transferMs, indexMs: performance.now() - started };
}

function logBuild(logger: Logger, cacheDir: string, library: Library, cache: CacheReport, timings: Record<string, number>): void {
  for (const note of cache.notes) logger.warn({ entry: note.entry, cacheDir }, `library cache entry ${note.reason}: rebuilt`);
  const { reused, analysed, corpusReused } = cache;
  const rounded = Object.fromEntries(Object.entries(timings).map(([name, ms]) => [name, Math.round(ms)]));
  logger.info({ documents: library.documents.length, passages: library.passages.length, reused, analysed, corpusReused, ...rounded }, 'library built');
}

/** Runs a build with its progress shown: a bar on a terminal, a log line every few seconds otherwise. */
async function showingProgress<T>(logger: Logger, onProgress: ProgressListener, run: (onProgress: ProgressListener) => Promise<T>): Promise<T> {
  const display = showProgress(logger);
  try {
    return await run((progress) => {
      display.update(progress);
      onProgress(progress);
    });
  } finally {
    display.stop();
  }
}

/**
 * The bot's builder: in a worker, through the cache, with progress shown and
 * the cache's savings and failures logged. A cache entry that cannot be used
 * is rebuilt, never fatal.
 */
export function workerBuilder(cacheDir: string, logger: Logger): LibraryBuilder {
  return async (directory, onProgress) => {
    const report = await showingProgress(logger, onProgress, (listener) => buildLibraryInWorker({ directory, cacheDir }, listener));
    logBuild(logger, cacheDir, report.library, report.cache, { transferMs: report.transferMs, indexMs: report.indexMs });
    return report.library;
  };
}

/** The builder of programs that answer nothing before the Library is ready (console, `npm run ask`): in this thread, through the cache. */
export function cachedBuilder(cacheDir: string, logger: Logger): LibraryBuilder {
  return async (directory, onProgress) => {
    const started = performance.now();
    const analysed = await showingProgress(logger, onProgress, (listener) => analyseThroughCache({ directory, cacheDir }, listener));
    const library = libraryOf(analysed);
    logBuild(logger, cacheDir, library, analysed.cache, { buildMs: performance.now() - started });
    return library;
  };
}
