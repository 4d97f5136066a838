import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyseDocument, type DocumentAnalysis } from './core/library/library.ts';
import type { SourceDocument } from './core/types.ts';
import { LibraryCache, type CacheNote } from './library-cache.ts';

/** A share of the documents to analyse, and where their cache entries go. */
export interface AnalysisShare {
  module: string;
  documents: SourceDocument[];
  keys: string[];
  cacheDir: string;
}

export type AnalysisMessage = { type: 'analysed'; count: number } | { type: 'done'; analyses: DocumentAnalysis[]; notes: CacheNote[] } | { type: 'failed'; message: string };

const BOOT = new URL('./library-worker-boot.mjs', import.meta.url);
/** Fewer documents than this per thread are not worth a thread's start (a second or so, to load the analysis code). */
const DEFAULT_MIN_PER_THREAD = 500;

/** Analyses documents and writes their cache entries, reporting each one done. */
export async function analyseAndCache(cache: LibraryCache, documents: readonly SourceDocument[], keys: readonly string[], onAnalysed: () => void): Promise<DocumentAnalysis[]> {
  const analyses: DocumentAnalysis[] = [];
  for (const [position, document] of documents.entries()) {
    const analysis = analyseDocument(document);
    await cache.writeDocument(keys[position] as string, analysis);
    analyses.push(analysis);
    onAnalysed();
  }
  return analyses;
}

function analyseInWorker(share: Omit<AnalysisShare, 'module'>, onAnalysed: (count: number) => void): Promise<{ analyses: DocumentAnalysis[]; notes: CacheNote[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { workerData: { ...share, module: './document-analysis-worker.ts' } satisfies AnalysisShare });
    worker.on('message', (message: AnalysisMessage) => {
      if (message.type === 'analysed') onAnalysed(message.count);
      else if (message.type === 'done') resolve(message);
      else reject(new Error(message.message));
      if (message.type !== 'analysed') void worker.terminate();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`a document analysis stopped (worker exit code ${code})`)));
  });
}

/**
 * Analyses documents on every core: each document's analysis depends on it
 * alone, so a cold build of 10,000 articles spreads them over worker threads
 * (this one taking a share too) instead of leaving cores idle. Small batches
 * (a reload's few changed files) stay in this thread.
 */
export async function analyseDocuments(
  cache: LibraryCache,
  documents: readonly SourceDocument[],
  keys: readonly string[],
  onAnalysed: () => void,
  minPerThread = DEFAULT_MIN_PER_THREAD,
): Promise<DocumentAnalysis[]> {
  const threads = Math.max(1, Math.min(availableParallelism(), Math.floor(documents.length / minPerThread)));
  const shareSize = Math.ceil(documents.length / threads);
  const others = Array.from({ length: threads - 1 }, (_, index) => {
    const from = (index + 1) * shareSize;
    return analyseInWorker({ documents: documents.slice(from, from + shareSize), keys: keys.slice(from, from + shareSize), cacheDir: cache.directory }, (count) => {
      for (let done = 0; done < count; done += 1) onAnalysed();
    });
  });
  const [own, ...shares] = await Promise.all([analyseAndCache(cache, documents.slice(0, shareSize), keys.slice(0, shareSize), onAnalysed), ...others]);
  for (const share of shares) cache.notes.push(...share.notes);
  return [own ?? [], ...shares.map((share) => share.analyses)].flat();
}
