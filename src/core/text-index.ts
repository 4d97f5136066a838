import MiniSearch, { type SearchResult } from 'minisearch';
import { isStopWord, terms } from './text.ts';

/** What a text index stores per entry: only its id and the text to index. */
export interface IndexedText {
  id: number;
  text: string;
}

export type TextIndex = MiniSearch<IndexedText>;

/** A BM25 index with the one tokeniser and stop-word filter, shared by every index and query. */
export function createTextIndex(entries: readonly IndexedText[]): TextIndex {
  const index = new MiniSearch<IndexedText>({
    fields: ['text'],
    storeFields: [],
    tokenize: terms,
    processTerm: (term) => (isStopWord(term) ? null : term),
  });
  index.addAll(entries);
  return index;
}

/** Typos are forgiven only in words long enough for an edit not to make another word. */
const fuzzyFor = (term: string): number | false => (term.length >= 5 ? 0.2 : false);

/**
 * BM25 search. Every query word must match when that finds anything;
 * otherwise any may. The last word also matches as a prefix, for people who
 * type a partial word.
 */
export function searchTextIndex(index: TextIndex, query: string, keep?: (id: number) => boolean): SearchResult[] {
  const run = (combineWith: 'AND' | 'OR'): SearchResult[] =>
    index.search(query, {
      combineWith,
      fuzzy: fuzzyFor,
      prefix: (_term, position, all) => position === all.length - 1,
      ...(keep ? { filter: (result: SearchResult) => typeof result.id === 'number' && keep(result.id) } : {}),
    });
  const results = run('AND');
  return results.length > 0 ? results : run('OR');
}
