import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import { isStopWord, terms, tokenize, type Token } from '../text/text.ts';
import { rankByCoverage, type RankedHit, type RankOptions } from './coverage-ranking.ts';

/** What a text index stores per entry: only its id and the text to index. */
export interface IndexedText {
  id: number;
  text: string;
}

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

/** Postings of one index term: minisearch's internal short id of each entry holding it → how often. */
export type Postings = ReadonlyMap<number, number>;

/**
 * A minisearch BM25 index with read access to its postings. minisearch's own
 * search builds a result object for every posting of every query word, which
 * at 185,000 passages costs over 100 ms for one common word, and it reports
 * no coverage; so the ranking (coverage-ranking.ts) reads the postings
 * through the members minisearch leaves to subclasses, and scores them itself.
 */
export class TextIndex extends MiniSearch<IndexedText> {
  /** The entries holding an index term, or undefined when no entry does. */
  postingsOf(term: string): Postings | undefined {
    return this._index.get(term)?.get(TEXT_FIELD);
  }

  /** Index terms within `distance` edits of `term`, with their postings. */
  termsNear(term: string, distance: number): Array<[string, Postings]> {
    return [...this._index.fuzzyGet(term, distance)].flatMap(([near, [data]]) => {
      const postings = data.get(TEXT_FIELD);
      return postings ? [[near, postings] as [string, Postings]] : [];
    });
  }

  /** Index terms that start with `prefix` (itself excluded), with their postings. */
  termsStartingWith(prefix: string): Array<[string, Postings]> {
    return [...this._index.atPrefix(prefix)].flatMap(([longer, data]) => {
      const postings = data.get(TEXT_FIELD);
      return longer !== prefix && postings ? [[longer, postings] as [string, Postings]] : [];
    });
  }

  /** The number of distinct words of an entry (minisearch's field length), by short id. */
  lengthOf(shortId: number): number {
    return this._fieldLength.get(shortId)?.[TEXT_FIELD] ?? 0;
  }

  /** One more than the largest short id minisearch has given: the size of an array indexed by short id. */
  get shortIdLimit(): number {
    return this._nextId;
  }

  get averageLength(): number {
    return this._avgFieldLength[TEXT_FIELD] ?? 1;
  }

  /** minisearch's short id of an entry, from the id it was added with; undefined for an entry not in the index. */
  shortIdOf(id: number): number | undefined {
    return this._idToShortId.get(id);
  }

  /** The id an entry was added with, from minisearch's short id; undefined for a discarded entry. */
  idOf(shortId: number): number | undefined {
    return this._documentIds.get(shortId) as number | undefined;
  }
}

/** The one indexed field ('text') is minisearch's field 0. */
const TEXT_FIELD = 0;

/** A BM25 index with the one tokeniser and index-term filter, shared by every index and query. */
export function createTextIndex(entries: readonly IndexedText[]): TextIndex {
  const index = new TextIndex({
    fields: ['text'],
    storeFields: [],
    tokenize: terms,
    processTerm: indexTerm,
  });
  index.addAll(entries);
  return index;
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
