import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

/** What a text index stores per entry: only its id and the text to index. */
export interface IndexedText {
  id: number;
  text: string;
}

/**
 * A text index as plain arrays: minisearch's postings, field lengths and ids,
 * frozen. Typed arrays move between threads without a copy and are written to
 * and read from a cache file whole, where minisearch's own Maps cost an object
 * per posting to build, to send and to load (seconds and a gigabyte at
 * 185,000 passages). An entry's "short id" is its position here, as in minisearch.
 */
export interface TextIndexData {
  /** Every index term, sorted by code unit, so that a term and the terms it begins are found by bisection. */
  terms: string[];
  /** The postings of term i are positions starts[i] to starts[i + 1] of `entries` and `frequencies`. */
  starts: Int32Array;
  /** Short ids, ascending within a term. */
  entries: Int32Array;
  frequencies: Int32Array;
  /** Short id → the id the entry was indexed with; ascending. */
  ids: Int32Array;
  /** Short id → minisearch's field length (the entry's distinct words). */
  lengths: Int32Array;
}

/** The entries holding one index term, by short id, with how often it occurs in each. */
export class Postings {
  constructor(
    private readonly data: TextIndexData,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get size(): number {
    return this.to - this.from;
  }

  forEach(take: (frequency: number, shortId: number) => void): void {
    const { entries, frequencies } = this.data;
    for (let at = this.from; at < this.to; at += 1) take(frequencies[at] as number, entries[at] as number);
  }

  /** How often the term occurs in an entry; undefined where it does not. */
  frequencyIn(shortId: number): number | undefined {
    const at = bisect(this.data.entries, shortId, this.from, this.to);
    return at < this.to && this.data.entries[at] === shortId ? this.data.frequencies[at] : undefined;
  }

  get firstEntry(): number | undefined {
    return this.size > 0 ? this.data.entries[this.from] : undefined;
  }
}

/** The first position in [from, to) of a sorted array whose value is not below `value`. */
function bisect<T extends number | string>(sorted: ArrayLike<T>, value: T, from = 0, to = sorted.length): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as T) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A BM25 index, built by minisearch and served frozen (TextIndexData): the
 * ranking (coverage-ranking.ts) reads its postings and field lengths and
 * scores them with minisearch's BM25 parameters. Term slips are found through
 * minisearch's radix tree over the terms.
 */
export class TextIndex {
  readonly averageLength: number;

  constructor(
    readonly data: TextIndexData,
    private readonly termTree: SearchableMap<number> = termTreeOf(data.terms),
  ) {
    let total = 0;
    for (const length of data.lengths) total += length;
    this.averageLength = data.lengths.length > 0 ? total / data.lengths.length : 1;
  }

  get documentCount(): number {
    return this.data.ids.length;
  }

  /** One more than the largest short id: the size of an array indexed by short id. */
  get shortIdLimit(): number {
    return this.data.ids.length;
  }

  /** The entries holding an index term, or undefined when no entry does. */
  postingsOf(term: string): Postings | undefined {
    const at = bisect(this.data.terms, term);
    return this.data.terms[at] === term ? this.#postingsAt(at) : undefined;
  }

  /** Index terms within `distance` edits of `term`, with their postings. */
  termsNear(term: string, distance: number): Array<[string, Postings]> {
    return [...this.termTree.fuzzyGet(term, distance)].map(([near, [at]]) => [near, this.#postingsAt(at)]);
  }

  /** Index terms that start with `prefix` (itself excluded), with their postings. */
  termsStartingWith(prefix: string): Array<[string, Postings]> {
    const { terms } = this.data;
    const found: Array<[string, Postings]> = [];
    for (let at = bisect(terms, prefix); at < terms.length && (terms[at] as string).startsWith(prefix); at += 1) {
      if (terms[at] !== prefix) found.push([terms[at] as string, this.#postingsAt(at)]);
    }
    return found;
  }

  /** The number of distinct words of an entry (minisearch's field length), by short id. */
  lengthOf(shortId: number): number {
    return this.data.lengths[shortId] ?? 0;
  }

  /** The short id of an entry, from the id it was indexed with; undefined for an entry not in the index. */
  shortIdOf(id: number): number | undefined {
    const at = bisect(this.data.ids, id);
    return this.data.ids[at] === id ? at : undefined;
  }

  /** The id an entry was indexed with, from its short id. */
  idOf(shortId: number): number | undefined {
    return this.data.ids[shortId];
  }

  has(id: number): boolean {
    return this.shortIdOf(id) !== undefined;
  }

  #postingsAt(at: number): Postings {
    return new Postings(this.data, this.data.starts[at] as number, this.data.starts[at + 1] as number);
  }
}

/** The radix tree that finds a term's slips: term → its position in the sorted terms. */
function termTreeOf(terms: readonly string[]): SearchableMap<number> {
  const tree = new SearchableMap<number>();
  terms.forEach((term, at) => tree.set(term, at));
  return tree;
}

/** How the one text field is tokenised and its terms kept: the same for every index and query. */
export interface Tokenising {
  tokenize: (text: string) => string[];
  processTerm: (term: string) => string | null;
}

/** Entries indexed by one minisearch at a time: its Maps hold about a kilobyte per entry until frozen. */
const ENTRIES_PER_SEGMENT = 20_000;

/** Indexes entries (ids ascending) with minisearch, a segment at a time, and freezes the result. */
export function buildTextIndexData(entries: readonly IndexedText[], tokenising: Tokenising): TextIndexData {
  const segments: TextIndexData[] = [];
  for (let start = 0; start < entries.length; start += ENTRIES_PER_SEGMENT) {
    segments.push(indexSegment(entries.slice(start, start + ENTRIES_PER_SEGMENT), tokenising));
  }
  return mergeSegments(segments);
}

/** The members minisearch keeps for subclasses, read once to freeze an index. */
class FreezableMiniSearch extends MiniSearch<IndexedText> {
  freeze(): TextIndexData {
    const terms = [...this._index.keys()].sort();
    const starts = new Int32Array(terms.length + 1);
    const postings = terms.map((term) => this._index.get(term)?.get(TEXT_FIELD) ?? new Map<number, number>());
    postings.forEach((posting, at) => (starts[at + 1] = (starts[at] as number) + posting.size));
    const total = starts[terms.length] as number;
    const entries = new Int32Array(total);
    const frequencies = new Int32Array(total);
    postings.forEach((posting, at) => {
      let position = starts[at] as number;
      // Short ids are given in the order entries were added, so each term's postings come ascending.
      posting.forEach((frequency, shortId) => {
        entries[position] = shortId;
        frequencies[position] = frequency;
        position += 1;
      });
    });
    const ids = new Int32Array(this.documentCount);
    const lengths = new Int32Array(this.documentCount);
    this._documentIds.forEach((id, shortId) => (ids[shortId] = id as number));
    this._fieldLength.forEach((fieldLengths, shortId) => (lengths[shortId] = fieldLengths[TEXT_FIELD] ?? 0));
    return { terms, starts, entries, frequencies, ids, lengths };
  }
}

/** The one indexed field ('text') is minisearch's field 0. */
const TEXT_FIELD = 0;

function indexSegment(entries: readonly IndexedText[], tokenising: Tokenising): TextIndexData {
  const index = new FreezableMiniSearch({ fields: ['text'], storeFields: [], ...tokenising });
  index.addAll(entries);
  return index.freeze();
}

/** Segments of consecutive entries as one index: their terms united, their short ids placed one after another. */
export function mergeSegments(segments: readonly TextIndexData[]): TextIndexData {
  if (segments.length === 1) return segments[0] as TextIndexData;
  // Each segment's terms are numbered once in a first-seen order, then renumbered by the sorted order: one Map look-up per segment term.
  const numbers = new Map<string, number>();
  const places = segments.map((segment) =>
    Int32Array.from(segment.terms, (term) => {
      let number = numbers.get(term);
      if (number === undefined) {
        number = numbers.size;
        numbers.set(term, number);
      }
      return number;
    }),
  );
  const terms = [...numbers.keys()].sort();
  const sortedPosition = new Int32Array(terms.length);
  terms.forEach((term, at) => (sortedPosition[numbers.get(term) as number] = at));
  for (const place of places) for (let local = 0; local < place.length; local += 1) place[local] = sortedPosition[place[local] as number] as number;
  const starts = new Int32Array(terms.length + 1);
  segments.forEach((segment, s) => places[s]?.forEach((at, local) => (starts[at + 1] = (starts[at + 1] as number) + (segment.starts[local + 1] as number) - (segment.starts[local] as number))));
  for (let at = 0; at < terms.length; at += 1) starts[at + 1] = (starts[at + 1] as number) + (starts[at] as number);
  const next = starts.slice(0, terms.length);
  const total = starts[terms.length] as number;
  const entries = new Int32Array(total);
  const frequencies = new Int32Array(total);
  let base = 0;
  segments.forEach((segment, s) => {
    places[s]?.forEach((at, local) => {
      for (let from = segment.starts[local] as number; from < (segment.starts[local + 1] as number); from += 1) {
        const position = next[at] as number;
        entries[position] = (segment.entries[from] as number) + base;
        frequencies[position] = segment.frequencies[from] as number;
        next[at] = position + 1;
      }
    });
    base += segment.ids.length;
  });
  const concat = (part: (segment: TextIndexData) => Int32Array): Int32Array => {
    const joined = new Int32Array(base);
    let offset = 0;
    for (const segment of segments) {
      joined.set(part(segment), offset);
      offset += part(segment).length;
    }
    return joined;
  };
  return { terms, starts, entries, frequencies, ids: concat((segment) => segment.ids), lengths: concat((segment) => segment.lengths) };
}
