import type { Highlight, Result } from './answer-schema.ts';
import type { Library } from '../library/library.ts';
import { isRoleNoun, isTitleModifier } from '../people/people.ts';
import { resultFor } from './results.ts';
import { searchTextIndex } from '../search/search.ts';
import { isTitleAbbreviation } from '../text/text.ts';
import { findPhrase, phrasePattern, phraseWords } from './phrases.ts';
import type { Passage } from '../types.ts';

/** How many passages holding every word of the name are read for the phrase, best BM25 first: enough for any one name. */
const CANDIDATES = 400;
/** A document's first passage naming someone is where news says who they are: it ranks as if this much more relevant. */
const FIRST_MENTION_BOOST = 2;
/** A passage naming only the surname says less surely that it is about the person. */
const SURNAME_WEIGHT = 0.5;

/** A leading word that titles a name rather than being part of it: "Governor", "Dr.", "director", "former". */
const isTitleWord = (word: string): boolean => isTitleAbbreviation(word) || isRoleNoun(word) || isTitleModifier(word);

/** A passage naming someone, its BM25 score for the name, and where it names them. */
export interface Naming {
  passage: Passage;
  score: number;
  highlights: Highlight[];
}

/** Passages that name the phrase, with where; found among those holding all its words. */
function passagesWithPhrase(library: Library, words: readonly string[]): Naming[] {
  const pattern = phrasePattern(words);
  return searchTextIndex(library.index, words.join(' '), undefined, { floor: 1, limit: CANDIDATES }).flatMap((hit) => {
      const passage = library.passages[hit.id] as Passage;
      const highlights = findPhrase(passage.text, pattern);
      return highlights.length > 0 ? [{ passage, score: hit.score, highlights }] : [];
    });
}

/** The phrase's passages, leading titles dropped when the whole phrase is not found, never a word of the name itself. */
function passagesWithName(library: Library, words: readonly string[]): Naming[] {
  for (let first = 0; first < words.length; first += 1) {
    if (first > 0 && !isTitleWord(words[first - 1] as string)) break;
    const namings = passagesWithPhrase(library, words.slice(first));
    if (namings.length > 0) return namings;
  }
  return [];
}

/**
 * Where the full name stands, news goes on with the surname alone: the
 * passages of those documents that name the last word of it, after the
 * passages naming it whole.
 */
function passagesWithSurname(library: Library, words: readonly string[], named: readonly Naming[]): Naming[] {
  const surname = words.at(-1);
  if (words.length < 2 || surname === undefined) return [];
  const files = new Set(named.map((naming) => naming.passage.file));
  const shown = new Set(named.map((naming) => naming.passage.id));
  return passagesWithPhrase(library, [surname])
    .filter((naming) => files.has(naming.passage.file) && !shown.has(naming.passage.id))
    .map((naming) => ({ ...naming, score: naming.score * SURNAME_WEIGHT }));
}

/**
 * The passages that name someone (their words adjacent and in order, folded
 * as everywhere), each document's first such passage — where news says who
 * someone is — before the rest, then by BM25; then those naming their surname
 * in the same documents.
 */
export function namingPassages(library: Library, name: string, limit: number): Naming[] {
  const words = phraseWords(name);
  const named = passagesWithName(library, words);
  const firstInDocument = new Map<string, number>();
  for (const { passage } of named) firstInDocument.set(passage.file, Math.min(firstInDocument.get(passage.file) ?? Infinity, passage.id));
  const ranked = named
    .map((naming) => ({ ...naming, score: naming.score * (firstInDocument.get(naming.passage.file) === naming.passage.id ? FIRST_MENTION_BOOST : 1) }))
    .sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
  const bySurname = ranked.length >= limit ? [] : passagesWithSurname(library, words, named).sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
  return [...ranked, ...bySurname].slice(0, limit);
}

/** /who for a name the people index does not know: the passages naming it (namingPassages), as results. */
export function passagesNaming(library: Library, name: string, limit: number): Result[] {
  return namingPassages(library, name, limit).map(({ passage, score, highlights }) => ({ ...resultFor(library, passage, passage, score, []), highlights }));
}
