import MiniSearch, { type SearchResult } from 'minisearch';
import { stemmer } from 'stemmer';
import { isStopWord, terms, tokenize, type Token } from '../text/text.ts';

/** What a text index stores per entry: only its id and the text to index. */
export interface IndexedText {
  id: number;
  text: string;
}

export type TextIndex = MiniSearch<IndexedText>;

/**
 * Stems already computed: a corpus repeats a vocabulary of some tens of
 * thousands of words, so each is stemmed once rather than at every occurrence.
 */
const stems = new Map<string, string>();

/**
 * What the index keeps of a folded term: nothing for a stop word, else its
 * Porter stem, so that "recalled" meets "recalling" and "talks" meets "talk".
 */
export function indexTerm(term: string): string | null {
  if (isStopWord(term)) return null;
  let stem = stems.get(term);
  if (stem === undefined) {
    stem = stemmer(term);
    stems.set(term, stem);
  }
  return stem;
}

/** The tokens of `text` whose index terms are among `matched` (the terms a search result reports). */
export function tokensMatching(text: string, matched: readonly string[]): Token[] {
  const wanted = new Set(matched);
  return tokenize(text).filter((token) => {
    const term = indexTerm(token.term);
    return term !== null && wanted.has(term);
  });
}

/** A BM25 index with the one tokeniser and index-term filter, shared by every index and query. */
export function createTextIndex(entries: readonly IndexedText[]): TextIndex {
  const index = new MiniSearch<IndexedText>({
    fields: ['text'],
    storeFields: [],
    tokenize: terms,
    processTerm: indexTerm,
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
