import type { Highlight } from './answer-schema.ts';
import type { Library } from '../library/library.ts';
import { splitSentences, type Span } from '../text/text.ts';
import type { Passage, PersonDescription } from '../types.ts';

/** A passage, or the sentences of one, that may answer who someone is, best first in its list. */
export interface WhoCandidate {
  passage: Passage;
  span: Span;
  score: number;
  /** Where it names the person, when known otherwise than by the people index's mentions. */
  highlights?: readonly Highlight[];
}

/** The whole sentences of a passage that cover a span: a description with its name, as a citable excerpt. */
function sentenceSpan(passage: Passage, covered: Span): Span {
  const local = { start: covered.start - passage.start, end: covered.end - passage.start };
  const sentences = splitSentences(passage.text).filter((sentence) => sentence.end > local.start && sentence.start < local.end);
  const first = sentences[0];
  const last = sentences.at(-1);
  if (!first || !last) return { start: passage.start, end: passage.end };
  return { start: passage.start + first.start, end: passage.start + last.end };
}

/** Past this many words a description says no more. */
const MAX_WEIGHED_WORDS = 12;

/** Whether the character at `offset` is white space; ASCII is decided without a regular expression, as this runs per character. */
function isSpaceAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/u.test(text[offset] ?? '');
}

/** Words of text[start, end), at most `max`, counted without slicing: a person may have thousands of descriptions. */
function countWords(text: string, start: number, end: number, max: number): number {
  let words = 0;
  let inWord = false;
  for (let offset = start; offset < end && words < max; offset += 1) {
    const space = isSpaceAt(text, offset);
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}

/** A courtesy title or initial opening a mention ("Mr. ", "Dr. "), read where the mention starts. */
const LEADING_ABBREVIATION = /\p{L}+\.\s+/uy;

/** Whether the mention at text[start, end) is more than one word once a leading "Mr. " is left out: a full name. */
function namesInFull(text: string, start: number, end: number): boolean {
  LEADING_ABBREVIATION.lastIndex = start;
  const from = LEADING_ABBREVIATION.test(text) ? LEADING_ABBREVIATION.lastIndex : start;
  for (let offset = from; offset < end; offset += 1) if (isSpaceAt(text, offset)) return true;
  return false;
}

/** A description's weight: appositives say more than titles, a full name and more words say more. */
function descriptionWeight(library: Library, description: PersonDescription, matchesRole: boolean): number {
  const text = library.documentsByFile.get(description.file)?.text ?? '';
  const words = countWords(text, description.start, description.end, MAX_WEIGHED_WORDS);
  const fullName = namesInFull(text, description.mentionStart, description.mentionEnd);
  return (matchesRole ? 5 : 0) + (description.kind === 'appositive' ? 3 : 2) + (fullName ? 0.5 : 0) + words / MAX_WEIGHED_WORDS;
}

/**
 * Best first, a document's second description only after every document's
 * better first ones: each item loses a point per better item of its file.
 */
function rankAcrossDocuments<T extends { file: string; weight: number }>(items: readonly T[]): T[] {
  const seen = new Map<string, number>();
  return [...items]
    .sort((a, b) => b.weight - a.weight)
    .map((item) => {
      const before = seen.get(item.file) ?? 0;
      seen.set(item.file, before + 1);
      return { item, rank: item.weight - before };
    })
    .sort((a, b) => b.rank - a.rank)
    .map(({ item }) => item);
}

/** A description ranked for a /who answer: its passage and weight; its sentences are found only if it is shown. */
export interface RankedDescription {
  description: PersonDescription;
  passage: Passage;
  score: number;
}

/**
 * A person's descriptions, best first across documents; `matching` are those
 * that gave the role the question asked for.
 */
export function rankDescriptions(library: Library, descriptions: readonly PersonDescription[], matching: ReadonlySet<PersonDescription>): RankedDescription[] {
  const weighed = descriptions.map((description) => ({ description, file: description.file, weight: descriptionWeight(library, description, matching.has(description)) }));
  return rankAcrossDocuments(weighed).flatMap(({ description, weight }): RankedDescription[] => {
    const passage = library.passages[description.passageId];
    return passage ? [{ description, passage, score: weight }] : [];
  });
}

/**
 * A description as the sentences holding it, with its name: a citable
 * excerpt. Found for the few shown, not for every description: the
 * most-mentioned person of 10,000 articles has 12,000.
 */
export function describingSentences({ description, passage, score }: RankedDescription): WhoCandidate {
  const covered = { start: Math.min(description.start, description.mentionStart), end: Math.max(description.end, description.mentionEnd) };
  return { passage, span: sentenceSpan(passage, covered), score };
}
