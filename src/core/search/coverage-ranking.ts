import type { Postings, TextIndex } from './text-index.ts';

/** An entry a search found: its id, BM25 score times coverage, its coverage and the index terms it matched. */
export interface RankedHit {
  id: number;
  score: number;
  /** The share of the question's words (each weighted by its IDF) the entry holds, 0–1. */
  coverage: number;
  terms: string[];
}

export interface RankOptions {
  /** Only entries whose id passes. */
  keep?: (id: number) => boolean;
  /** The least coverage an entry needs to be found; COVERAGE_FLOOR when absent. */
  floor?: number;
  /** At most this many, the best; all when absent. */
  limit?: number;
  /** Only among these entries (by id): their postings are looked up, never read whole. */
  among?: readonly number[];
}

/**
 * The least coverage a passage needs to answer, chosen on labelled questions
 * (test/realnews-eval.test.ts and the seed tests): below it a question about
 * something the corpus never mentions found passages holding only its
 * commonest words.
 */
export const COVERAGE_FLOOR = 0.5;

/** minisearch's BM25 parameters (k1, b, and the d of BM25+), kept so scores read as before. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** minisearch's weights for a term found by a slip or as a prefix, relative to the term itself. */
const FUZZY_WEIGHT = 0.45;
const PREFIX_WEIGHT = 0.375;
/** Typos are forgiven only in words long enough for an edit not to make another word: one edit per five letters. */
const TYPO_MIN_LENGTH = 5;
const LETTERS_PER_EDIT = 5;
/** A prefix shorter than this would expand to much of the vocabulary. */
const PREFIX_MIN_LENGTH = 3;
/** A partial word stands for its shortest completions, at most this many: the closest to what was typed, and a bounded cost. */
const MAX_COMPLETIONS = 30;
/** Unknown query words shorter than this are left out of the whole. */
const SHARD_MAX_LENGTH = 3;
/** How much of a word's coverage a slip of it earns: a near word is weaker evidence than the word. */
const SLIP_CREDIT = 0.5;

/** One way a query word is found: the index term, its BM25 weight and the coverage credit it earns. */
interface Variant {
  term: string;
  postings: Postings;
  weight: number;
  credit: number;
}

interface QueryWord {
  variants: Variant[];
  /** Inverse document frequency of the word as typed (or of its commonest variant when unknown). */
  idf: number;
}

function inverseDocumentFrequency(documents: number, containing: number): number {
  return Math.log(1 + (documents - containing + 0.5) / (containing + 0.5));
}

/**
 * The index terms a query word stands for: itself when the index holds it;
 * otherwise, as a typo or a partial word, the terms a slip away (one edit per
 * five letters) and, for the last word, the terms it begins.
 */
function variantsOf(index: TextIndex, term: string, isLast: boolean): Variant[] {
  const exact = index.postingsOf(term);
  if (exact) return [{ term, postings: exact, weight: 1, credit: 1 }];
  const variants: Variant[] = [];
  if (isLast && term.length >= PREFIX_MIN_LENGTH) {
    const completions = index.termsStartingWith(term).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1));
    for (const [longer, postings] of completions.slice(0, MAX_COMPLETIONS)) {
      const weight = (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * (longer.length - term.length));
      variants.push({ term: longer, postings, weight, credit: 1 });
    }
  }
  if (term.length >= TYPO_MIN_LENGTH) {
    const seen = new Set(variants.map((variant) => variant.term));
    for (const [near, postings] of index.termsNear(term, Math.round(term.length / LETTERS_PER_EDIT))) {
      if (seen.has(near)) continue;
      const distance = Math.max(1, Math.abs(near.length - term.length));
      variants.push({ term: near, postings, weight: (FUZZY_WEIGHT * near.length) / (near.length + distance), credit: SLIP_CREDIT });
    }
  }
  return variants;
}

/** Per-query accumulators, one slot per minisearch short id: typed arrays, so that scoring allocates nothing per posting. */
interface Tallies {
  score: Float64Array;
  covered: Float64Array;
  /** 1 + the position of the last query word credited to the entry; 0 for an entry not found yet, -1 for one given to search among. */
  lastWord: Int32Array;
  /** The credit that word earned there, which a better variant of the same word may raise. */
  lastCredit: Float64Array;
  touched: number[];
}

/** Each entry's BM25 length factor, computed once per index (and size) from minisearch's field lengths. */
const lengthFactors = new WeakMap<TextIndex, Float64Array>();

function lengthFactorsOf(index: TextIndex): Float64Array {
  let factors = lengthFactors.get(index);
  // An index still being filled (built in slices) has grown since: its factors are computed afresh.
  if (!factors || factors.length !== index.shortIdLimit) {
    factors = new Float64Array(index.shortIdLimit);
    for (let shortId = 0; shortId < factors.length; shortId += 1) {
      factors[shortId] = BM25.k * (1 - BM25.b + (BM25.b * index.lengthOf(shortId)) / index.averageLength);
    }
    lengthFactors.set(index, factors);
  }
  return factors;
}

/**
 * Adds one variant of the query's word at `position` to every entry holding
 * it — or, when `onlyFound`, to the entries already found: its BM25 to the
 * score, and the word's IDF times the variant's credit to the coverage, once per word.
 */
function addVariant(tallies: Tallies, factors: Float64Array, variant: Variant, word: QueryWord, position: number, documents: number, onlyFound: boolean): void {
  const idf = inverseDocumentFrequency(documents, variant.postings.size);
  const add = (shortId: number, frequency: number): void => {
    if (tallies.lastWord[shortId] === 0) tallies.touched.push(shortId);
    tallies.score[shortId] = (tallies.score[shortId] ?? 0) + variant.weight * idf * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + (factors[shortId] ?? BM25.k)));
    const credited = tallies.lastWord[shortId] === position + 1 ? (tallies.lastCredit[shortId] ?? 0) : 0;
    if (variant.credit > credited) {
      tallies.covered[shortId] = (tallies.covered[shortId] ?? 0) + (variant.credit - credited) * word.idf;
      tallies.lastWord[shortId] = position + 1;
      tallies.lastCredit[shortId] = variant.credit;
    }
  };
  if (!onlyFound) {
    // forEach rather than for…of: iterating a Map's entries allocates an array per posting.
    variant.postings.forEach((frequency, shortId) => add(shortId, frequency));
    return;
  }
  for (const shortId of tallies.touched) {
    const frequency = variant.postings.frequencyIn(shortId);
    if (frequency !== undefined) add(shortId, frequency);
  }
}

/**
 * The words an entry must hold one of to reach the floor: the rarest, until
 * the others together weigh less than the floor. Entries holding none of them
 * cannot be found, so the commonest words are only looked up in the entries
 * the rare ones found, never read whole (the "MaxScore" idea).
 */
function essentialWords(query: readonly QueryWord[], needed: number): Set<QueryWord> {
  const essential = new Set<QueryWord>();
  let rest = query.reduce((sum, word) => sum + word.idf, 0);
  for (const word of [...query].sort((a, b) => b.idf - a.idf)) {
    if (rest < needed - 1e-9) break;
    essential.add(word);
    rest -= word.idf;
  }
  return essential;
}

/**
 * BM25 over the query's words, each entry's score multiplied by its coverage:
 * the IDF-weighted share of the words it holds. A word no entry holds still
 * counts in the whole, so a question about something the corpus never
 * mentions covers little of itself anywhere. Entries under the floor are not
 * found; at most `limit` are returned, best first.
 */
export function rankByCoverage(index: TextIndex, words: readonly string[], options: RankOptions = {}): RankedHit[] {
  const floor = options.floor ?? COVERAGE_FLOOR;
  const documents = index.documentCount;
  const query: QueryWord[] = words.flatMap((term, position) => {
    const variants = variantsOf(index, term, position === words.length - 1);
    // A letter or two the index does not know is a shard of a contraction or an initial ("don t", "I m"), not a subject.
    if (variants.length === 0 && term.length < SHARD_MAX_LENGTH) return [];
    const containing = Math.max(0, ...variants.map((variant) => variant.postings.size));
    return [{ variants, idf: inverseDocumentFrequency(documents, containing) }];
  });
  const whole = query.reduce((sum, word) => sum + word.idf, 0);
  if (whole === 0 || query.every((word) => word.variants.length === 0)) return [];
  const tallies = talliesFor(index);
  try {
    const factors = lengthFactorsOf(index);
    const essential = options.among ? new Set<QueryWord>() : essentialWords(query, floor * whole);
    for (const id of options.among ?? []) {
      const shortId = index.shortIdOf(id);
      if (shortId !== undefined && tallies.lastWord[shortId] === 0) {
        tallies.touched.push(shortId);
        tallies.lastWord[shortId] = -1;
      }
    }
    for (const onlyFound of [false, true]) {
      query.forEach((word, position) => {
        if (essential.has(word) === onlyFound) return;
        for (const variant of word.variants) addVariant(tallies, factors, variant, word, position, documents, onlyFound);
      });
    }
    return bestHits(index, tallies, query.flatMap((word) => word.variants), whole, floor, options);
  } finally {
    clear(tallies);
  }
}

/**
 * The accumulators of an index, kept between questions and cleared where
 * they were written: allocating them per question would make megabytes of
 * garbage per question at 185,000 passages. Searches are synchronous, so one
 * set per index is never shared by two at once.
 */
const talliesByIndex = new WeakMap<TextIndex, Tallies>();

function talliesFor(index: TextIndex): Tallies {
  const size = index.shortIdLimit;
  let tallies = talliesByIndex.get(index);
  if (!tallies || tallies.score.length !== size) {
    tallies = { score: new Float64Array(size), covered: new Float64Array(size), lastWord: new Int32Array(size), lastCredit: new Float64Array(size), touched: [] };
    talliesByIndex.set(index, tallies);
  }
  return tallies;
}

function clear(tallies: Tallies): void {
  for (const shortId of tallies.touched) {
    tallies.score[shortId] = 0;
    tallies.covered[shortId] = 0;
    tallies.lastWord[shortId] = 0;
    tallies.lastCredit[shortId] = 0;
  }
  tallies.touched.length = 0;
}

/** How many more candidates than asked for are ranked before `keep` filters them; if it leaves too few, all are. */
const CANDIDATE_MARGIN = 4;

/** The entries at or above the floor that `keep` lets through, best first, at most `limit`, with the index terms each holds. */
function bestHits(index: TextIndex, tallies: Tallies, variants: readonly Variant[], whole: number, floor: number, options: RankOptions): RankedHit[] {
  const passing = tallies.touched.filter((shortId) => (tallies.covered[shortId] ?? 0) / whole >= floor - 1e-9);
  const rankOf = (shortId: number): number => (tallies.score[shortId] ?? 0) * ((tallies.covered[shortId] ?? 0) / whole);
  const wanted = options.limit ?? passing.length;
  const select = (candidates: readonly number[]): RankedHit[] => {
    const ranked = candidates.flatMap((shortId) => {
      const id = index.idOf(shortId);
      return id === undefined || (options.keep && !options.keep(id)) ? [] : [{ shortId, id, score: rankOf(shortId) }];
    });
    return ranked
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, wanted)
      .map(({ shortId, id, score }) => ({
        id,
        score,
        coverage: (tallies.covered[shortId] ?? 0) / whole,
        terms: [...new Set(variants.filter((variant) => variant.postings.frequencyIn(shortId) !== undefined).map((variant) => variant.term))],
      }));
  };
  if (wanted * CANDIDATE_MARGIN >= passing.length) return select(passing);
  // A native sort of the bare ranks finds the cutoff; only the candidates above it are sorted as objects.
  const cutoff = Float64Array.from(passing, rankOf).sort()[passing.length - wanted * CANDIDATE_MARGIN] ?? -Infinity;
  const best = select(passing.filter((shortId) => rankOf(shortId) >= cutoff));
  return best.length >= wanted ? best : select(passing);
}

/**
 * Index terms close to the query's words but not among them — a slip away,
 * or begun by a word — commonest first, each with an entry that holds it, to
 * offer as "did you mean" when nothing was found.
 */
export function closeTerms(index: TextIndex, words: readonly string[], limit: number): Array<{ term: string; id: number }> {
  const asked = new Set(words);
  const found = new Map<string, Postings>();
  for (const term of words) {
    const near = term.length >= PREFIX_MIN_LENGTH ? [...index.termsNear(term, Math.max(1, Math.round(term.length / 3))), ...index.termsStartingWith(term)] : [];
    for (const [close, postings] of near) if (!asked.has(close)) found.set(close, postings);
  }
  return [...found]
    .sort(([termA, a], [termB, b]) => b.size - a.size || (termA < termB ? -1 : 1))
    .slice(0, limit)
    .flatMap(([term, postings]) => {
      const shortId = postings.firstEntry;
      const id = shortId === undefined ? undefined : index.idOf(shortId);
      return id === undefined ? [] : [{ term, id }];
    });
}
