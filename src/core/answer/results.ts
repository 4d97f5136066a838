import type { Highlight, Result, Source } from './answer-schema.ts';
import type { Library } from '../library/library.ts';
import { closeTerms, COVERAGE_FLOOR, queryTerms, searchTextIndex, tokensMatching } from '../search/search.ts';
import { documentPassages } from '../passage-order.ts';
import type { Passage, SourceDocument } from '../types.ts';

/** A passage the index found, with its BM25 score and the index terms it matched. */
export interface PassageHit {
  passage: Passage;
  score: number;
  matchedTerms: readonly string[];
  /** The share of the question's words, weighted by rarity, the passage holds. */
  coverage: number;
}

/**
 * Within a document that answers the question, a passage covering this share
 * of the floor answers too: news names its subject once and goes on ("the
 * show opens to the public on Friday" after "the Los Angeles Auto Show").
 */
const WITHIN_ANSWERING_DOCUMENT = 0.5;

/**
 * BM25 search over body passages, best first, at most `limit`: those covering
 * enough of the query (see searchTextIndex), and in their documents those
 * covering half as much.
 */
export function searchPassages(library: Library, query: string, limit: number): PassageHit[] {
  const covering = searchTextIndex(library.index, query, undefined, { limit });
  if (covering.length === 0) return [];
  const found = new Set(covering.map((hit) => hit.id));
  const nearby = searchTextIndex(library.index, query, (id) => !found.has(id), {
    floor: COVERAGE_FLOOR * WITHIN_ANSWERING_DOCUMENT,
    limit,
    among: passagesOfDocuments(library, covering.map((hit) => hit.id)),
  });
  return [...covering, ...nearby]
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit)
    .map((hit) => ({ passage: library.passages[hit.id] as Passage, score: hit.score, matchedTerms: hit.terms, coverage: hit.coverage }));
}

/** Every passage id of the documents holding these passages: a document's passages have consecutive ids. */
function passagesOfDocuments(library: Library, passageIds: readonly number[]): number[] {
  const ids = new Set<number>();
  for (const passageId of passageIds) {
    if (ids.has(passageId) || library.passages[passageId] === undefined) continue;
    const { first, last } = documentPassages(library.passages, passageId);
    for (let id = first; id <= last; id += 1) ids.add(id);
  }
  return [...ids];
}

/** Spans of `text` holding the index terms a search matched, overlapping ones merged. */
export function highlightTerms(text: string, matched: readonly string[]): Highlight[] {
  const spans: Highlight[] = [];
  for (const token of tokensMatching(text, matched)) {
    const last = spans.at(-1);
    if (last && token.start < last.end) last.end = Math.max(last.end, token.end);
    else spans.push({ start: token.start, end: token.end });
  }
  return spans;
}

/** The citation of a document: its file and whatever metadata it supports. */
export function citeSource(document: SourceDocument | undefined, file: string): Source {
  return { ...(document?.meta ?? {}), file };
}

/** A result for a span of a passage's file: the text is sliced from the file itself. */
export function resultFor(
  library: Library,
  passage: Passage,
  span: { start: number; end: number },
  score: number,
  matchedTerms: readonly string[],
): Result {
  const document = library.documentsByFile.get(passage.file);
  const text = (document?.text ?? passage.text).slice(span.start, span.end);
  const highlights = highlightTerms(text, matchedTerms);
  return {
    text,
    source: citeSource(document, passage.file),
    paragraph: passage.paragraph,
    score: roundScore(score),
    start: span.start,
    end: span.end,
    ...(highlights.length > 0 ? { highlights } : {}),
  };
}

/** A whole passage the search found, as a result. */
export function resultForHit(library: Library, hit: PassageHit): Result {
  return resultFor(library, hit.passage, hit.passage, hit.score, hit.matchedTerms);
}

export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Words of the corpus close to the query's, as the corpus writes them, offered as "did you mean". */
export function suggestTerms(library: Library, query: string, limit = 5): string[] {
  const suggestions: string[] = [];
  for (const { term, id } of closeTerms(library.index, queryTerms(query), limit * 2)) {
    const text = library.passages[id]?.text ?? '';
    const [token] = tokensMatching(text, [term]);
    const surface = token ? text.slice(token.start, token.end) : undefined;
    if (surface && !suggestions.some((known) => known.toLowerCase() === surface.toLowerCase())) suggestions.push(surface);
    if (suggestions.length >= limit) break;
  }
  return suggestions;
}
