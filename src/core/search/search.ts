import { stemmer } from 'stemmer';
import { isStopWord, terms, tokenize, type Token } from '../text/text.ts';
import { rankByCoverage, type RankedHit, type RankOptions } from './coverage-ranking.ts';
import { buildTextIndexData, TextIndex, type IndexedText, type TextIndexData } from './text-index.ts';

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

/** The distinct index terms of a query, in the order typed. */
export function queryTerms(query: string): string[] {
  return [...new Set(terms(query).flatMap((term) => indexTerm(term) ?? []))];
}

/** The tokens of `text` whose index terms are among `matched` (the terms a search result reports). */
export function tokensMatching(text: string, matched: readonly string[]): Token[] {
  const wanted = new Set(matched);
  return tokenize(text).filter((token) => {
    const term = indexTerm(token.term);
    return term !== null && wanted.has(term);
  });
}

/** How every index and query splits text and keeps its terms. */
const TOKENISING = { tokenize: terms, processTerm: indexTerm };

/** A BM25 index with the one tokeniser and index-term filter, shared by every index and query. */
export function createTextIndex(entries: readonly IndexedText[]): TextIndex {
  return new TextIndex(textIndexData(entries));
}

/** The frozen data of a text index over `entries` (ids ascending): what a build sends between threads and caches. */
export function textIndexData(entries: readonly IndexedText[]): TextIndexData {
  return buildTextIndexData(entries, TOKENISING);
}

/**
 * BM25 ranking with a floor on coverage: the share of the question's words,
 * weighted by rarity, that an entry holds (see coverage-ranking.ts). An
 * unknown word of five letters or more forgives a typo; an unknown last word
 * also matches as a prefix, for people who type a partial word.
 */
export function searchTextIndex(index: TextIndex, query: string, keep?: (id: number) => boolean, options: RankOptions = {}): RankedHit[] {
  return rankByCoverage(index, queryTerms(query), { ...options, ...(keep ? { keep } : {}) });
}

export { COVERAGE_FLOOR, closeTerms, type RankedHit, type RankOptions } from './coverage-ranking.ts';
export { mergeSegments, TextIndex, type IndexedText, type TextIndexData } from './text-index.ts';
