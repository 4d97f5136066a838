import pMap from 'p-map';
import { loadCorpus } from './core/corpus/corpus.ts';
import { analyseDocuments } from './document-analysis.ts';
import {
  analyseCorpus,
  indexLibrary,
  placeAnalyses,
  type CorpusAnalysis,
  type DocumentAnalysis,
  type Library,
  type PlacedAnalyses,
} from './core/library/library.ts';
import type { LoadProblem, SourceDocument } from './core/types.ts';
import { analysisVersion, corpusKey, documentKey, LibraryCache } from './library-cache.ts';
import type { BuildProgress, BuildRequest, CacheReport } from './library-build.ts';

/** Cache entries read at once: the disk stays busy while the last one read is decoded or a document analysed. */
const CACHE_READS_AT_ONCE = 8;

/** Everything a Library is made of but its indexes: plain data, cheap to cache and to send between threads. */
export interface AnalysedCorpus {
  documents: SourceDocument[];
  problems: LoadProblem[];
  placed: PlacedAnalyses;
  corpus: CorpusAnalysis;
  cache: CacheReport;
}

/**
 * Reads the corpus and analyses it through the cache: when no document
 * changed, the whole analysis is one entry; otherwise a document whose key
 * (content, metadata, code version) has an entry is not analysed again, and
 * the corpus-wide analysis is made afresh.
 */
export async function analyseThroughCache({ directory, cacheDir, minDocumentsPerThread }: BuildRequest, onProgress: (progress: BuildProgress) => void): Promise<AnalysedCorpus> {
  const cache = new LibraryCache(cacheDir);
  const [version, { documents, problems }] = await Promise.all([analysisVersion(), loadCorpus(directory)]);
  const total = documents.length;
  const keys = documents.map((document) => documentKey(version, document));
  const wholeKey = corpusKey(keys);
  const snapshot = await cache.readCorpus(wholeKey);
  if (snapshot) {
    onProgress({ step: 'analysing', done: total, total });
    await cache.prune(keys, wholeKey);
    return { documents, problems, ...snapshot, cache: { reused: total, analysed: 0, corpusReused: true, notes: cache.notes } };
  }
  const { placed, corpus, reused } = await analyseChanged(cache, documents, keys, onProgress, minDocumentsPerThread);
  await cache.writeCorpus(wholeKey, { placed, corpus });
  await cache.prune(keys, wholeKey);
  return { documents, problems, placed, corpus, cache: { reused, analysed: total - reused, corpusReused: false, notes: cache.notes } };
}

/**
 * Every document's analysis, from the cache or made now, placed, and the
 * corpus-wide analysis over them. The documents' own analyses (their names
 * and quotation drafts, most of a build's memory) are garbage once this
 * returns, before the corpus entry is serialised and the parts are sent.
 */
async function analyseChanged(
  cache: LibraryCache,
  documents: readonly SourceDocument[],
  keys: readonly string[],
  onProgress: (progress: BuildProgress) => void,
  minDocumentsPerThread: number | undefined,
): Promise<{ placed: PlacedAnalyses; corpus: CorpusAnalysis; reused: number }> {
  const total = documents.length;
  onProgress({ step: 'analysing', done: 0, total });
  let done = 0;
  const advance = (): void => {
    done += 1;
    onProgress({ step: 'analysing', done, total });
  };
  const cached = await pMap(
    keys,
    async (key) => {
      const analysis = await cache.readDocument(key);
      if (analysis) advance();
      return analysis;
    },
    { concurrency: CACHE_READS_AT_ONCE },
  );
  const missing = documents.filter((_document, position) => !cached[position]);
  const made = await analyseDocuments(cache, missing, keys.filter((_key, position) => !cached[position]), advance, minDocumentsPerThread);
  // The documents analysed now come back in the order they were missing.
  let next = 0;
  const analyses = cached.map((analysis) => analysis ?? (made[next++] as DocumentAnalysis));
  const placed = placeAnalyses(documents, analyses);
  onProgress({ step: 'people', done: total, total });
  return { placed, corpus: analyseCorpus(documents, placed.passages, analyses), reused: total - missing.length };
}

/** The Library of an analysed corpus, its indexes built in one go: for programs that answer nothing before it is ready. */
export function libraryOf({ documents, problems, placed, corpus }: AnalysedCorpus): Library {
  return indexLibrary(documents, placed, corpus, problems);
}
